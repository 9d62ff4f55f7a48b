package dev.dorsal.engine.filter.parse;

import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.filter.lex.Token;
import dev.dorsal.engine.filter.lex.TokenKind;
import dev.dorsal.engine.filter.parse.Node.Quantifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds the syntax tree from tokens by recursive descent over tshark 4.0's grammar. Precedence,
 * lowest first: {@code or}, {@code and}, {@code not}, relations (comparisons may chain:
 * {@code a < b < c} is {@code a < b and b < c}), {@code &}, {@code + -}, {@code * / %}, unary
 * {@code + -}. Arithmetic groups with braces; parentheses group tests only. A syntax error names the
 * first token that cannot continue the filter, as the LALR parser does.
 */
public final class Parser {
    private final String text;
    private final List<Token> tokens;
    private final Predicate<String> knownField;
    private static final java.util.Set<String> FUNCTIONS =
            java.util.Set.of("len", "count", "upper", "lower", "string", "max", "min", "abs");
    private int pos;
    /** True when the last {@link #arith()} was a single entity with nothing around it. */
    private boolean lastWasEntity;

    private Parser(String text, List<Token> tokens, Predicate<String> knownField) {
        this.text = text;
        this.tokens = tokens;
        this.knownField = knownField;
    }

    /**
     * The tree of {@code tokens}, or null for an empty filter (which matches everything).
     * {@code knownField} says whether a name is a registered field or protocol; a {@code .name} token
     * naming neither fails as soon as the parser reaches it, as tshark's scanner does.
     */
    public static Node parse(String text, List<Token> tokens, Predicate<String> knownField) throws FilterException {
        Parser p = new Parser(text, tokens, knownField);
        if (p.peek().kind() == TokenKind.EOF) {
            return null;
        }
        Node e = p.expr();
        if (p.peek().kind() != TokenKind.EOF) {
            throw p.unexpected();
        }
        return e;
    }

    // ---- tokens -----------------------------------------------------------------------------

    private Token peek() throws FilterException {
        Token t = tokens.get(pos);
        if (t.kind() == TokenKind.ERROR) {
            throw new FilterException(text, t.error(), t.start(), t.length());
        }
        if (t.kind() == TokenKind.FIELD && !knownField.test(t.text().substring(1))) {
            throw new FilterException(text, "\"" + t.text().substring(1) + "\" is not a valid protocol or protocol field.",
                    t.start(), t.length());
        }
        return t;
    }

    private boolean at(TokenKind k) throws FilterException {
        return peek().kind() == k;
    }

    private Token take() throws FilterException {
        Token t = peek();
        pos++;
        return t;
    }

    private Token expect(TokenKind k) throws FilterException {
        if (!at(k)) {
            throw unexpected();
        }
        return take();
    }

    private FilterException unexpected() throws FilterException {
        Token t = peek();
        if (t.kind() == TokenKind.EOF) {
            return new FilterException(text, "Unexpected end of filter expression.", -1, 0);
        }
        return new FilterException(text, "\"" + t.text() + "\" was unexpected in this context.", t.start(),
                t.length());
    }

    // ---- tests ------------------------------------------------------------------------------

    private Node expr() throws FilterException {
        Node left = and();
        while (at(TokenKind.OR)) {
            Token op = take();
            left = new Node.Logical(false, left, and(), op);
        }
        return left;
    }

    private Node and() throws FilterException {
        Node left = not();
        while (at(TokenKind.AND)) {
            Token op = take();
            left = new Node.Logical(true, left, not(), op);
        }
        return left;
    }

    private Node not() throws FilterException {
        if (at(TokenKind.NOT)) {
            Token op = take();
            return new Node.Not(not(), op);
        }
        if (at(TokenKind.LPAREN)) {
            take();
            Node e = expr();
            expect(TokenKind.RPAREN);
            return e;
        }
        Quantifier q = Quantifier.NONE;
        if (at(TokenKind.ANY) || at(TokenKind.ALL)) {
            q = take().kind() == TokenKind.ANY ? Quantifier.ANY : Quantifier.ALL;
        }
        return relation(q);
    }

    private Node relation(Quantifier q) throws FilterException {
        Node left = arith();
        boolean entity = lastWasEntity;
        TokenKind k = peek().kind();
        if (k.isComparison()) {
            Node result = null;
            while (peek().kind().isComparison()) {
                Token op = take();
                Node right = arith();
                Node cmp = new Node.Compare(q, left, right, op);
                result = result == null ? cmp : new Node.Logical(true, result, cmp, op);
                left = right;
            }
            return result;
        }
        if (entity && (k == TokenKind.CONTAINS || k == TokenKind.MATCHES)) {
            Token op = take();
            return new Node.Relation(q, k == TokenKind.MATCHES, left, entity(), op);
        }
        if (entity && k == TokenKind.IN) {
            Token op = take();
            return new Node.Membership(q, false, left, set(), op);
        }
        if (entity && k == TokenKind.NOT) {
            take();
            Token op = expect(TokenKind.IN);
            return new Node.Membership(q, true, left, set(), op);
        }
        if (q != Quantifier.NONE) {
            throw unexpected();
        }
        return left;
    }

    private List<Node.SetElement> set() throws FilterException {
        expect(TokenKind.LBRACE);
        List<Node.SetElement> out = new ArrayList<>();
        while (true) {
            Node low = setEntity();
            Node high = null;
            if (at(TokenKind.DOTDOT)) {
                take();
                high = setEntity();
            }
            out.add(new Node.SetElement(low, high));
            if (at(TokenKind.COMMA)) {
                take();
                continue;
            }
            expect(TokenKind.RBRACE);
            return out;
        }
    }

    private Node setEntity() throws FilterException {
        if (at(TokenKind.PLUS)) {
            take();
            return entity();
        }
        if (at(TokenKind.MINUS)) {
            Token op = take();
            return new Node.Negate(entity(), op);
        }
        return entity();
    }

    // ---- arithmetic -------------------------------------------------------------------------

    private Node arith() throws FilterException {
        Node left = additive();
        boolean entity = lastWasEntity;
        while (at(TokenKind.BITWISE_AND)) {
            Token op = take();
            left = new Node.Arith(TokenKind.BITWISE_AND, left, additive(), op);
            entity = false;
        }
        lastWasEntity = entity;
        return left;
    }

    private Node additive() throws FilterException {
        Node left = multiplicative();
        boolean entity = lastWasEntity;
        while (at(TokenKind.PLUS) || at(TokenKind.MINUS)) {
            Token op = take();
            left = new Node.Arith(op.kind(), left, multiplicative(), op);
            entity = false;
        }
        lastWasEntity = entity;
        return left;
    }

    private Node multiplicative() throws FilterException {
        Node left = unary();
        boolean entity = lastWasEntity;
        while (at(TokenKind.STAR) || at(TokenKind.SLASH) || at(TokenKind.PERCENT)) {
            Token op = take();
            left = new Node.Arith(op.kind(), left, unary(), op);
            entity = false;
        }
        lastWasEntity = entity;
        return left;
    }

    private Node unary() throws FilterException {
        if (at(TokenKind.PLUS)) {
            take();
            Node e = entity();
            lastWasEntity = false;
            return e;
        }
        if (at(TokenKind.MINUS)) {
            Token op = take();
            Node e = new Node.Negate(entity(), op);
            lastWasEntity = false;
            return e;
        }
        if (at(TokenKind.LBRACE)) {
            take();
            Node e = arith();
            expect(TokenKind.RBRACE);
            lastWasEntity = false;
            return e;
        }
        Node e = entity();
        lastWasEntity = true;
        return e;
    }

    // ---- entities ---------------------------------------------------------------------------

    private Node entity() throws FilterException {
        Token t = peek();
        Node node = switch (t.kind()) {
            case STRING -> new Node.Str(take());
            case CHARCONST -> new Node.CharConst(take());
            case LITERAL -> new Node.Word(take());
            case UNPARSED -> word();
            case FIELD -> layered(new Node.DotField(take()));
            case DOLLAR -> reference();
            default -> throw unexpected();
        };
        while (at(TokenKind.LBRACKET)) {
            take();
            node = new Node.Slice(node, ranges());
        }
        return node;
    }

    private Node word() throws FilterException {
        Token name = take();
        if (at(TokenKind.LPAREN)) {
            take();
            List<Node> args = new ArrayList<>();
            if (!at(TokenKind.RPAREN)) {
                args.add(arith());
                while (at(TokenKind.COMMA)) {
                    take();
                    args.add(arith());
                }
            }
            expect(TokenKind.RPAREN);
            // tshark looks functions up while parsing, before any other check.
            if (!FUNCTIONS.contains(name.text())) {
                throw new FilterException(text, "Function '" + name.text() + "' does not exist", name.start(),
                        name.length());
            }
            return new Node.Call(name, args);
        }
        return layered(new Node.Word(name));
    }

    private Node layered(Node field) throws FilterException {
        if (!at(TokenKind.HASH)) {
            return field;
        }
        take();
        Node layer;
        if (at(TokenKind.INDEX)) {
            layer = new Node.Layer(field, List.of(SliceRange.layer(text, take())));
        } else {
            expect(TokenKind.LBRACKET);
            layer = new Node.Layer(field, ranges());
        }
        // Like function names, the layered name must be a field when the parser meets it.
        if (field instanceof Node.Word w && !knownField.test(w.token().text())) {
            throw new FilterException(text, w.display() + " is not a valid field", w.start(), w.length());
        }
        return layer;
    }

    /** After {@code [}: range nodes separated by commas, then {@code ]}. */
    private List<SliceRange> ranges() throws FilterException {
        List<SliceRange> out = new ArrayList<>();
        out.add(SliceRange.parse(text, expect(TokenKind.RANGE_NODE)));
        while (at(TokenKind.COMMA)) {
            take();
            out.add(SliceRange.parse(text, expect(TokenKind.RANGE_NODE)));
        }
        expect(TokenKind.RBRACKET);
        return out;
    }

    private Node reference() throws FilterException {
        take();
        expect(TokenKind.LBRACE);
        Node field;
        if (at(TokenKind.UNPARSED)) {
            field = layered(new Node.Word(take()));
        } else if (at(TokenKind.FIELD)) {
            field = layered(new Node.DotField(take()));
        } else {
            throw unexpected();
        }
        expect(TokenKind.RBRACE);
        return new Node.Reference(field);
    }
}
