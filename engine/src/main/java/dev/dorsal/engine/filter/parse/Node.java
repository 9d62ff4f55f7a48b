package dev.dorsal.engine.filter.parse;

import dev.dorsal.engine.filter.lex.Token;
import dev.dorsal.engine.filter.lex.TokenKind;
import java.util.List;

/**
 * The syntax tree of a display filter, as the parser builds it before any name is resolved. Every
 * node knows the span of filter text an error about it points at ({@link #start()}, {@link #length()})
 * and how tshark names it in messages ({@link #display()}).
 */
public sealed interface Node {
    /** Quantifier written before a relation: none, {@code any} or {@code all}. */
    enum Quantifier { NONE, ANY, ALL }

    int start();

    int length();

    String display();

    // ---- tests ------------------------------------------------------------------------------

    /** {@code a and b}, {@code a or b}. */
    record Logical(boolean and, Node left, Node right, Token op) implements Node {
        public int start() { return op.start(); }
        public int length() { return op.length(); }
        public String display() { return op.text(); }
    }

    record Not(Node inner, Token op) implements Node {
        public int start() { return op.start(); }
        public int length() { return op.length(); }
        public String display() { return op.text(); }
    }

    /** One comparison {@code left OP right}; {@code op} is one of the comparison kinds. */
    record Compare(Quantifier quantifier, Node left, Node right, Token op) implements Node {
        public int start() { return op.start(); }
        public int length() { return op.length(); }
        public String display() { return op.text(); }
    }

    /** {@code left contains right} or {@code left matches right}. */
    record Relation(Quantifier quantifier, boolean matches, Node left, Node right, Token op) implements Node {
        public int start() { return op.start(); }
        public int length() { return op.length(); }
        public String display() { return op.text(); }
    }

    /** {@code left in {…}} or {@code left not in {…}}. */
    record Membership(Quantifier quantifier, boolean negated, Node left, List<SetElement> elements, Token op)
            implements Node {
        public int start() { return op.start(); }
        public int length() { return op.length(); }
        public String display() { return op.text(); }
    }

    /** One member of a set: a value, or an inclusive range {@code low..high} when {@code high} is set. */
    record SetElement(Node low, Node high) {}

    // ---- values -----------------------------------------------------------------------------

    /** A bare word: field name or literal ({@link TokenKind#UNPARSED}), or a literal-only shape ({@link TokenKind#LITERAL}). */
    record Word(Token token) implements Node {
        public int start() { return token.start(); }
        public int length() { return token.length(); }
        public String display() { return token.text(); }
        public boolean literalOnly() { return token.kind() == TokenKind.LITERAL; }
    }

    /** A name forced to be a field by a leading dot ({@code .fc}). */
    record DotField(Token token) implements Node {
        public int start() { return token.start(); }
        public int length() { return token.length(); }
        public String display() { return token.text().substring(1); }
        public String name() { return token.text().substring(1); }
    }

    record Str(Token token) implements Node {
        public int start() { return token.start(); }
        public int length() { return token.length(); }
        /** The value quoted and escaped as tshark shows it (see {@link StringDisplay}). */
        public String display() { return StringDisplay.quote(token.bytes()); }
        public byte[] bytes() { return token.bytes(); }
    }

    record CharConst(Token token) implements Node {
        public int start() { return token.start(); }
        public int length() { return token.length(); }
        public String display() { return token.text(); }
        public long value() { return token.number(); }
    }

    /** {@code field#2} or {@code field#[ranges]}: only the occurrences in the given protocol layers. */
    record Layer(Node field, List<SliceRange> ranges) implements Node {
        public int start() { return field.start(); }
        public int length() { return field.length(); }
        public String display() { return field.display(); }
    }

    /** {@code entity[ranges]}. Like tshark, a slice has no location of its own for error carets. */
    record Slice(Node entity, List<SliceRange> ranges) implements Node {
        public int start() { return -1; }
        public int length() { return 0; }
        public String display() { return entity.display() + "[" + SliceRange.show(ranges) + "]"; }
    }

    /** {@code name(args)}. */
    record Call(Token name, List<Node> args) implements Node {
        public int start() { return name.start(); }
        public int length() { return name.length(); }
        public String display() { return name.text(); }
    }

    /** {@code ${field}}: the value in the selected frame (none in batch mode). */
    record Reference(Node field) implements Node {
        public int start() { return field.start(); }
        public int length() { return field.length(); }
        public String display() { return field.display(); }
    }

    /** Binary arithmetic {@code left OP right} with OP one of {@code + - * / % &}. */
    record Arith(TokenKind kind, Node left, Node right, Token op) implements Node {
        public int start() { return op.start(); }
        public int length() { return op.length(); }
        public String display() { return op.text(); }
    }

    /** Unary {@code -x} (or {@code +x}, which the parser drops). */
    record Negate(Node operand, Token op) implements Node {
        public int start() { return op.start(); }
        public int length() { return op.length(); }
        public String display() { return op.text(); }
    }
}
