package dev.dorsal.engine.filter.check;

import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.filter.lex.TokenKind;
import dev.dorsal.engine.filter.parse.Node;
import dev.dorsal.engine.filter.parse.SliceRange;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks a syntax tree against the field registry and types it, following tshark 4.0's semantic
 * check: words become fields when a field has that name (else literals), literals are converted to
 * the type of the field they meet (value-string and true/false labels included), every operator is
 * checked against the types it is given, and each failure carries tshark's message and location.
 */
public final class Checker {
    private final String text;
    private final FieldRegistry registry;

    /** Which kind of left-hand side a right-hand side is being checked against (messages differ). */
    private enum Lhs { FIELD, SLICE, FUNCTION }

    private final Functions functions = new Functions(this);

    private Checker(String text, FieldRegistry registry) {
        this.text = text;
        this.registry = registry;
    }

    public static Typed.Test check(String text, Node root, FieldRegistry registry) throws FilterException {
        return new Checker(text, registry).test(root);
    }

    FilterException fail(Node at, String message) {
        return new FilterException(text, message, at.start(), at.length());
    }

    private FilterException failNoLocation(String message) {
        return new FilterException(text, message, -1, 0);
    }

    // ---- names ------------------------------------------------------------------------------

    /** A node that names a field (possibly in some layers, possibly as a reference). */
    record FieldName(Typed.Field field, boolean reference, Node node) {
        FieldType type() { return field.type(); }

        /** The field whose labels a quoted string is looked up in: the first registered under the name. */
        FieldDef def() { return field.defs().get(0); }

        /** The field whose labels a bare word is looked up in: the last registered (as tshark 4.0 does). */
        FieldDef lastDef() { return field.defs().get(field.defs().size() - 1); }

        /** How tshark names it: a plain field by its name; a reference or layer as {@code f#[1:1] <FT_X>}. */
        String display() {
            if (!reference && field.layers() == null) {
                return field.abbrev();
            }
            StringBuilder b = new StringBuilder(field.abbrev());
            if (field.layers() != null) {
                b.append("#[").append(SliceRange.show(field.layers())).append(']');
            }
            return b.append(" <").append(Types.ftName(field.type())).append('>').toString();
        }

        Typed.Value value() {
            return reference ? new Typed.Reference(field.type()) : field;
        }
    }

    private Typed.Field lookup(String name, List<SliceRange> layers) {
        List<FieldDef> defs = registry.lookup(name);
        if (defs.isEmpty()) {
            return null;
        }
        return new Typed.Field(name, List.copyOf(defs), defs.get(0).type(), layers, false);
    }

    /** The field {@code n} names, or null when it is not a field-like node. */
    FieldName fieldName(Node n) throws FilterException {
        switch (n) {
            case Node.Word w when !w.literalOnly() -> {
                Typed.Field f = lookup(w.token().text(), null);
                return f == null ? null : new FieldName(f, false, n);
            }
            case Node.DotField d -> {
                return new FieldName(lookup(d.name(), null), false, n);
            }
            case Node.Layer l -> {
                FieldName inner = fieldName(l.field());
                if (inner == null || inner.reference()) {
                    throw fail(l.field(), l.field().display() + " is not a valid field");
                }
                Typed.Field f = inner.field();
                return new FieldName(new Typed.Field(f.abbrev(), f.defs(), f.type(), l.ranges(), false), false, n);
            }
            case Node.Reference r -> {
                FieldName inner = fieldName(r.field());
                if (inner == null) {
                    throw fail(r.field(), "\"" + r.field().display() + "\" is not a valid protocol or protocol field");
                }
                return new FieldName(inner.field(), true, r.field());
            }
            default -> {
                return null;
            }
        }
    }

    /** How tshark names node {@code n} in a message (fields with layers or references get their type). */
    String shown(Node n) throws FilterException {
        FieldName f = fieldName(n);
        return f != null ? f.display() : n.display();
    }

    static boolean isConstant(Node n, FieldName f) {
        return f == null && (n instanceof Node.Word || n instanceof Node.Str || n instanceof Node.CharConst);
    }

    // ---- tests ------------------------------------------------------------------------------

    private Typed.Test test(Node n) throws FilterException {
        return switch (n) {
            case Node.Logical l -> l.and() ? new Typed.And(test(l.left()), test(l.right()))
                    : new Typed.Or(test(l.left()), test(l.right()));
            case Node.Not x -> new Typed.Not(test(x.inner()));
            case Node.Compare c -> compare(c);
            case Node.Relation r -> r.matches() ? matches(r) : contains(r);
            case Node.Membership m -> membership(m);
            case Node.Arith a -> new Typed.NotZero(arith(a, null));
            case Node.Negate x -> new Typed.NotZero(arith(x, null));
            case Node.Word w -> exists(w);
            case Node.DotField d -> exists(d);
            case Node.Str s -> exists(s);
            case Node.CharConst ch -> exists(ch);
            case Node.Layer l -> exists(l);
            case Node.Slice s -> exists(s);
            case Node.Call c -> exists(c);
            case Node.Reference r -> exists(r);
        };
    }

    private Typed.Test exists(Node n) throws FilterException {
        FieldName f = fieldName(n);
        if (f != null) {
            if (f.reference()) {
                throw fail(f.node(), f.display() + " is neither a field nor a protocol name.");
            }
            return new Typed.Exists(f.field());
        }
        return switch (n) {
            case Node.Slice s -> new Typed.Exists(slice(s));
            case Node.Call c -> throw fail(c, "You cannot test whether a function is present.");
            default -> throw fail(n, n.display() + " is neither a field nor a protocol name.");
        };
    }

    private Typed.Test compare(Node.Compare c) throws FilterException {
        TokenKind k = c.op().kind();
        Typed.Cmp op = switch (k) {
            case ANY_EQ, ALL_EQ -> Typed.Cmp.EQ;
            case ALL_NE, ANY_NE -> Typed.Cmp.NE;
            case GT -> Typed.Cmp.GT;
            case GE -> Typed.Cmp.GE;
            case LT -> Typed.Cmp.LT;
            default -> Typed.Cmp.LE;
        };
        boolean all = switch (c.quantifier()) {
            case ALL -> true;
            case ANY -> false;
            case NONE -> k == TokenKind.ALL_NE || k == TokenKind.ALL_EQ;
        };
        Predicate<FieldType> can = op == Typed.Cmp.EQ || op == Typed.Cmp.NE ? Types::canEq : Types::canOrder;
        Typed.Value[] lr = relation(c.left(), c.right(), c.display(), can, true);
        return new Typed.Compare(op, all, lr[0], lr[1]);
    }

    private Typed.Test contains(Node.Relation r) throws FilterException {
        Typed.Value[] lr = relation(r.left(), r.right(), r.display(), Types::canContains, false);
        return new Typed.Contains(r.quantifier() == Node.Quantifier.ALL, protocolTail(lr[0]), lr[1]);
    }

    private static Typed.Value protocolTail(Typed.Value v) {
        return v instanceof Typed.Field f && f.type() == FieldType.PROTOCOL ? f.withProtocolTail() : v;
    }

    private Typed.Test matches(Node.Relation r) throws FilterException {
        if (!(r.right() instanceof Node.Str s)) {
            throw fail(r.right(), "Matches requires a double quoted string on the right side.");
        }
        java.util.regex.Pattern p;
        try {
            p = Regexes.compile(s.bytes());
        } catch (Regexes.BadRegex e) {
            throw failNoLocation("Regex compilation error: " + e.getMessage() + ".");
        }
        Typed.Value left = relationLeftOnly(r.left(), r.display(), Types::canMatches);
        return new Typed.Matches(r.quantifier() == Node.Quantifier.ALL, protocolTail(left), p);
    }

    private Typed.Test membership(Node.Membership m) throws FilterException {
        FieldName f = fieldName(m.left());
        if (f == null || f.reference()) {
            throw fail(m.left(), "Only a field may be tested for membership in a set.");
        }
        List<Typed.Element> elements = new ArrayList<>();
        for (Node.SetElement e : m.elements()) {
            if (e.low() instanceof Node.Slice) {
                throw failNoLocation("A slice may not appear inside a set.");
            }
            if (e.high() != null) {
                Typed.Value low = rhs(f.value(), Lhs.FIELD, f, null, e.low(), Types::canOrder, m.display(), f.type());
                Typed.Value high = rhs(f.value(), Lhs.FIELD, f, null, e.high(), Types::canOrder, m.display(), f.type());
                elements.add(new Typed.Element(low, high));
            } else {
                checkCan(f, Types::canEq, m.display());
                elements.add(new Typed.Element(
                        rhs(f.value(), Lhs.FIELD, f, null, e.low(), Types::canEq, m.display(), f.type()), null));
            }
        }
        boolean all = m.quantifier() == Node.Quantifier.ALL;
        return new Typed.In(all, m.negated(), f.value(), elements);
    }

    private void checkCan(FieldName f, Predicate<FieldType> can, String op) throws FilterException {
        if (!can.test(f.type())) {
            throw fail(f.node(), f.field().abbrev() + " (type=" + Types.pretty(f.type())
                    + ") cannot participate in " + op + " comparison.");
        }
    }

    // ---- relations --------------------------------------------------------------------------

    /** The left side of {@code matches}, whose right side is a regex. */
    private Typed.Value relationLeftOnly(Node left, String op, Predicate<FieldType> can) throws FilterException {
        FieldName f = fieldName(left);
        if (f != null) {
            checkCan(f, can, op);
            return f.value();
        }
        return switch (left) {
            case Node.Call c -> {
                Typed.Value v = functions.check(c, null);
                if (!can.test(v.type())) {
                    throw fail(c, "Function " + c.display() + " (type=" + Types.pretty(v.type())
                            + ") cannot participate in " + op + " comparison.");
                }
                yield v;
            }
            case Node.Slice s -> slice(s);
            default -> throw fail(left, "Left side of " + op + " expression must be a field or function, not "
                    + left.display() + ".");
        };
    }

    /**
     * Types both sides of a comparison ({@code quotedOp}) or of {@code contains}; returns {left, right}.
     */
    private Typed.Value[] relation(Node left, Node right, String op, Predicate<FieldType> can, boolean quotedOp)
            throws FilterException {
        FieldName f = fieldName(left);
        if (f != null) {
            checkCan(f, can, op);
            return pair(f.value(), rhs(f.value(), Lhs.FIELD, f, null, right, can, op, f.type()));
        }
        switch (left) {
            case Node.Slice s -> {
                Typed.Value l = slice(s);
                return pair(l, rhs(l, Lhs.SLICE, null, null, right, can, op, FieldType.BYTES));
            }
            case Node.Call c -> {
                Typed.Value l = functions.check(c, null);
                if (!can.test(l.type())) {
                    throw fail(c, "Function " + c.display() + " (type=" + Types.pretty(l.type())
                            + ") cannot participate in " + op + " comparison.");
                }
                return pair(l, rhs(l, Lhs.FUNCTION, null, c, right, can, op, l.type()));
            }
            case Node.Arith a when quotedOp -> {
                return arithLeft(a, right, can, op);
            }
            case Node.Negate x when quotedOp -> {
                return arithLeft(x, right, can, op);
            }
            default -> {
                String shown = quotedOp ? "\"" + op + "\"" : op;
                throw fail(left, "Left side of " + shown + " expression must be a field or function, not "
                        + left.display() + ".");
            }
        }
    }

    /** An arithmetic left side: typed as a whole, its right side checked against its first operand. */
    private Typed.Value[] arithLeft(Node left, Node right, Predicate<FieldType> can, String op)
            throws FilterException {
        Typed.Value l = arith(left, null);
        Node first = left;
        while (true) {
            if (first instanceof Node.Arith a) {
                first = a.left();
            } else if (first instanceof Node.Negate x) {
                first = x.operand();
            } else {
                break;
            }
        }
        FieldName f = fieldName(first);
        if (f != null) {
            checkCan(f, can, op);
            return pair(l, rhs(l, Lhs.FIELD, f, null, right, can, op, l.type()));
        }
        if (first instanceof Node.Call c) {
            return pair(l, rhs(l, Lhs.FUNCTION, null, c, right, can, op, l.type()));
        }
        return pair(l, rhs(l, Lhs.SLICE, null, null, right, can, op, FieldType.BYTES));
    }

    /** {left, right}, with the left side read as bytes when {@link #rhs} met a slice that needs it. */
    private Typed.Value[] pair(Typed.Value left, Typed.Value right) {
        if (pendingLeftBytes) {
            pendingLeftBytes = false;
            return new Typed.Value[] {asBytes(left), right};
        }
        return new Typed.Value[] {left, right};
    }

    /**
     * Types the right side {@code right} against a left side of type {@code t}. When a slice on the right
     * needs the left side as bytes, it says so through {@link #pendingLeftBytes} (see {@link #pair}).
     */
    private Typed.Value rhs(Typed.Value left, Lhs kind, FieldName lf, Node.Call lc, Node right,
            Predicate<FieldType> can, String op, FieldType t) throws FilterException {
        FieldDef labels = kind == Lhs.FIELD && lf != null ? lf.def() : null;
        FieldDef wordLabels = kind == Lhs.FIELD && lf != null ? lf.lastDef() : null;
        String lhsName = kind == Lhs.FIELD && lf != null ? lf.field().abbrev() : kind == Lhs.FUNCTION ? lc.display() : "";
        FieldName rf = fieldName(right);
        if (rf != null) {
            FieldType t2 = rf.type();
            if (kind == Lhs.SLICE) {
                if (!Types.isBytesType(t2)) {
                    if (!Types.canSlice(t2)) {
                        throw fail(right, "\"" + rf.display() + "\" is a " + Types.pretty(t2)
                                + " and cannot be converted into a sequence of bytes.");
                    }
                    return asBytes(rf.value());
                }
                return rf.value();
            }
            if (!Types.compatible(t, t2)) {
                // tshark 4.0 names the right-hand field's display name where it means the function.
                throw fail(right, kind == Lhs.FIELD ? lhsName + " and " + rf.display() + " are not of compatible types."
                        : "Function " + rf.def().name() + " and " + rf.display() + " are not of compatible types.");
            }
            if (!can.test(t2)) {
                throw fail(right, rf.display() + " (type=" + Types.pretty(t2)
                        + ") cannot participate in specified comparison.");
            }
            return rf.value();
        }
        switch (right) {
            case Node.Word w -> {
                boolean partial = op.equals("contains");
                return constant(right, () -> Literals.fromLiteral(t, w.token().text(), wordLabels, partial), t);
            }
            case Node.Str s -> {
                return constant(right, () -> Literals.fromString(t, s.bytes(), labels), t);
            }
            case Node.CharConst ch -> {
                return constant(right, () -> Literals.fromCharConst(t, ch.value(), ch.display()), t);
            }
            case Node.Slice s -> {
                Typed.Value v = slice(s);
                if (kind != Lhs.SLICE && !Types.isBytesType(t)) {
                    if (!Types.canSlice(t)) {
                        Node at = kind == Lhs.FIELD ? lf.node() : lc;
                        String who = kind == Lhs.FIELD ? "\"" + lhsName + "\"" : "Function \"" + lhsName + "\"";
                        throw fail(at, who + " is a " + Types.pretty(t)
                                + " and cannot be converted into a sequence of bytes.");
                    }
                    pendingLeftBytes = true;
                }
                return v;
            }
            case Node.Call c -> {
                Typed.Value v = functions.check(c, t);
                FieldType t2 = v.type();
                if (kind == Lhs.SLICE) {
                    if (!Types.isBytesType(t2)) {
                        if (!Types.canSlice(t2)) {
                            throw fail(c, "Return value of function \"" + c.display() + "\" is a " + Types.pretty(t2)
                                    + " and cannot be converted into a sequence of bytes.");
                        }
                        return asBytes(v);
                    }
                    return v;
                }
                if (!Types.compatible(t, t2)) {
                    throw fail(c, kind == Lhs.FIELD
                            ? lhsName + " (type=" + Types.pretty(t) + ") and return value of " + c.display()
                                    + "() (type=" + Types.pretty(t2) + ") are not of compatible types."
                            : "Return values of function " + lhsName + " (type=" + Types.pretty(t) + ") and function "
                                    + lhsName + " (type=" + Types.pretty(t2) + ") are not of compatible types.");
                }
                if (!can.test(t2)) {
                    throw fail(c, kind == Lhs.FIELD
                            ? "return value of " + c.display() + "() (type=" + Types.pretty(t2)
                                    + ") cannot participate in specified comparison."
                            : "Return value of " + c.display() + " (type=" + Types.pretty(t2)
                                    + ") cannot participate in specified comparison.");
                }
                return v;
            }
            case Node.Arith a -> {
                return arithRight(a, t, can, left, kind, lf, lc);
            }
            case Node.Negate x -> {
                return arithRight(x, t, can, left, kind, lf, lc);
            }
            default -> throw fail(right, "\"" + right.display() + "\" was unexpected in this context.");
        }
    }

    private Typed.Value arithRight(Node right, FieldType t, Predicate<FieldType> can, Typed.Value left, Lhs kind,
            FieldName lf, Node.Call lc) throws FilterException {
        Typed.Value v = arith(right, kind == Lhs.SLICE ? FieldType.BYTES : t);
        FieldType t2 = v.type();
        FieldType lt = kind == Lhs.SLICE ? FieldType.BYTES : t;
        if (!Types.compatible(lt, t2)) {
            String ld = kind == Lhs.FIELD && lf != null ? lf.display() : kind == Lhs.FUNCTION ? lc.display() : "";
            throw fail(right, ld + " and " + shown(right) + " are not of compatible types.");
        }
        if (!can.test(t2)) {
            throw fail(right, shown(right) + " (type=" + Types.pretty(t2)
                    + ") cannot participate in specified comparison.");
        }
        return v;
    }

    /** Set by {@link #rhs} when the left side must be read as bytes to meet a slice. */
    private boolean pendingLeftBytes;

    private interface Conversion {
        Object run() throws Numbers.Bad;
    }

    private Typed.Value constant(Node at, Conversion c, FieldType t) throws FilterException {
        try {
            return new Typed.Constant(t, c.run());
        } catch (Numbers.Bad e) {
            throw fail(at, e.getMessage());
        }
    }

    private static Typed.Value asBytes(Typed.Value v) {
        return new Typed.Slice(v, List.of(new SliceRange(SliceRange.Kind.TO_END, 0, 0)));
    }

    // ---- slices -----------------------------------------------------------------------------

    private Typed.Value slice(Node.Slice s) throws FilterException {
        Node base = s.entity();
        FieldName f = fieldName(base);
        if (f != null && f.reference()) {
            throw fail(base, "Range is not supported for entity " + f.display());
        }
        if (f != null) {
            if (!Types.canSlice(f.type())) {
                throw fail(base, "\"" + f.field().abbrev() + "\" is a " + Types.pretty(f.type())
                        + " and cannot be sliced into a sequence of bytes.");
            }
            return new Typed.Slice(f.value(), s.ranges());
        }
        return switch (base) {
            case Node.Call c -> {
                Typed.Value v = functions.check(c, null);
                if (!Types.canSlice(v.type())) {
                    throw fail(c, "Return value of function \"" + c.display() + "\" is a " + Types.pretty(v.type())
                            + " and cannot be converted into a sequence of bytes.");
                }
                yield new Typed.Slice(v, s.ranges());
            }
            case Node.Slice inner -> new Typed.Slice(slice(inner), s.ranges());
            default -> throw fail(base, "Range is not supported for entity " + base.display());
        };
    }

    // ---- arithmetic -------------------------------------------------------------------------

    /** Types an arithmetic operand; {@code lhsType} is the type literals take (null on a left side). */
    Typed.Value arith(Node n, FieldType lhsType) throws FilterException {
        switch (n) {
            case Node.Arith a -> {
                if (lhsType == null && isConstant(a.left(), fieldName(a.left()))) {
                    throw fail(a.left(), "Constant arithmetic expression on the LHS is invalid.");
                }
                Typed.ArithOp op = switch (a.kind()) {
                    case PLUS -> Typed.ArithOp.ADD;
                    case MINUS -> Typed.ArithOp.SUBTRACT;
                    case STAR -> Typed.ArithOp.MULTIPLY;
                    case SLASH -> Typed.ArithOp.DIVIDE;
                    case PERCENT -> Typed.ArithOp.MODULO;
                    default -> Typed.ArithOp.BITWISE_AND;
                };
                Typed.Value l = arith(a.left(), lhsType);
                if (!canArith(op, l.type())) {
                    throw fail(a.left(), Types.ftName(l.type()) + " cannot " + a.display() + ".");
                }
                Typed.Value r = arith(a.right(), l.type());
                if (!canArith(op, r.type())) {
                    throw fail(a.right(), Types.ftName(r.type()) + " cannot " + a.display() + ".");
                }
                if (!Types.compatible(l.type(), r.type())) {
                    throw fail(a.right(), shown(a.left()) + " and " + shown(a.right()) + " are not type compatible.");
                }
                return new Typed.Arith(op, l, r, l.type());
            }
            case Node.Negate x -> {
                if (lhsType == null && isConstant(x.operand(), fieldName(x.operand()))) {
                    throw fail(x.operand(), "Constant arithmetic expression on the LHS is invalid.");
                }
                Typed.Value v = arithOperand(x.operand(), lhsType);
                if (!Types.canNegate(v.type())) {
                    throw fail(x.operand(), Types.ftName(v.type()) + " cannot " + x.display() + ".");
                }
                return new Typed.Negate(v, v.type());
            }
            default -> {
                return arithOperand(n, lhsType);
            }
        }
    }

    private static boolean canArith(Typed.ArithOp op, FieldType t) {
        return switch (op) {
            case ADD, SUBTRACT -> Types.canAddSubtract(t);
            case MULTIPLY, DIVIDE -> Types.canMultiplyDivide(t);
            case MODULO -> Types.canModulo(t);
            case BITWISE_AND -> Types.canBitwiseAnd(t);
        };
    }

    Typed.Value arithOperand(Node n, FieldType lhsType) throws FilterException {
        FieldName f = fieldName(n);
        if (f != null) {
            return f.value();
        }
        switch (n) {
            case Node.Word w -> {
                if (lhsType == null) {
                    throw fail(n, "Constant arithmetic expression on the LHS is invalid.");
                }
                return constant(n, () -> Literals.fromLiteral(lhsType, w.token().text(), null), lhsType);
            }
            case Node.Call c -> {
                return functions.check(c, lhsType);
            }
            case Node.Slice s -> {
                return slice(s);
            }
            case Node.Arith a -> {
                return arith(a, lhsType);
            }
            case Node.Negate x -> {
                return arith(x, lhsType);
            }
            default -> throw fail(n, n.display() + " is not a valid arithmetic operand.");
        }
    }
}
