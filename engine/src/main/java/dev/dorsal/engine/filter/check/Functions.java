package dev.dorsal.engine.filter.check;

import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.filter.parse.Node;
import dev.dorsal.engine.spi.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks calls of the built-in functions ({@code len count upper lower string abs max min}) as
 * tshark 4.0 does: argument counts, which arguments must be fields, argument types, with its messages.
 */
final class Functions {
    private final Checker checker;

    Functions(Checker checker) {
        this.checker = checker;
    }

    /** Checks the call {@code c} and types its result; literal arguments take {@code lhsType} (null on a left side). */
    Typed.Value check(Node.Call c, FieldType lhsType) throws FilterException {
        String name = c.name().text();
        int[] arity = switch (name) {
            case "len", "count", "upper", "lower", "string", "abs" -> new int[] {1, 1};
            case "max", "min" -> new int[] {1, 0};
            default -> throw checker.fail(c, "Function '" + name + "' does not exist");
        };
        int n = c.args().size();
        if (n < arity[0]) {
            throw checker.fail(c, "Function " + name + " needs at least " + arity[0] + " arguments.");
        }
        if (arity[1] > 0 && n > arity[1]) {
            throw checker.fail(c, "Function " + name + " can only accept " + arity[1] + " arguments.");
        }
        Node arg = c.args().get(0);
        switch (name) {
            case "len", "count" -> {
                Checker.FieldName f = checker.fieldName(arg);
                if (f == null || f.reference()) {
                    throw checker.fail(arg, "Only fields can be used as parameter for " + name + "()");
                }
                return new Typed.Call(name, List.of(f.value()), FieldType.UINT32);
            }
            case "upper", "lower" -> {
                Checker.FieldName f = checker.fieldName(arg);
                if (f == null || f.reference() || !Types.isStringType(f.type())) {
                    throw checker.fail(arg, "Only string type fields can be used as parameter for " + name + "()");
                }
                return new Typed.Call(name, List.of(f.value()), FieldType.STRING);
            }
            case "string" -> {
                Checker.FieldName f = checker.fieldName(arg);
                if (f == null || f.reference()) {
                    throw checker.fail(arg, "Only fields can be used as parameter for string()");
                }
                if (!StringConversion.supported(f.type())) {
                    throw checker.fail(arg, "String conversion for field \"" + f.field().abbrev() + "\" is not supported");
                }
                return new Typed.Call(name, List.of(f.value()), FieldType.STRING);
            }
            case "abs" -> {
                return abs(arg, lhsType);
            }
            default -> {
                return minMax(c, name, lhsType);
            }
        }
    }

    /** {@code abs(x)}: x must be numeric (an integer, boolean, float or time offset) and not a literal on a left side. */
    private Typed.Value abs(Node arg, FieldType lhsType) throws FilterException {
        switch (arg) {
            case Node.Str s -> throw checker.fail(arg, "Type STRING is not valid for abs");
            case Node.CharConst ch -> throw checker.fail(arg, "Type CHARCONST is not valid for abs");
            case Node.Slice sl -> throw checker.fail(arg, "Type SLICE is not valid for abs");
            case Node.Reference r -> throw checker.fail(r.field(), "Type REFERENCE is not valid for abs");
            default -> {
            }
        }
        if (lhsType == null && arg instanceof Node.Word && checker.fieldName(arg) == null) {
            throw checker.fail(arg, "Need a field or field-like value on the LHS.");
        }
        Typed.Value v = checker.arith(arg, lhsType);
        FieldType t = v.type();
        if (!(t.isInteger() || t == FieldType.BOOLEAN || t == FieldType.FLOAT || t == FieldType.DOUBLE
                || t == FieldType.RELATIVE_TIME)) {
            throw checker.fail(arg, "'" + checker.shown(arg) + "' is not a valid argument to 'abs'()");
        }
        return new Typed.Call("abs", List.of(v), t);
    }

    private Typed.Value minMax(Node.Call c, String name, FieldType lhsType) throws FilterException {
        FieldType type = null;
        List<Typed.Value> args = new ArrayList<>();
        for (Node arg : c.args()) {
            Checker.FieldName f = checker.fieldName(arg);
            if (arg instanceof Node.Slice) {
                throw checker.fail(arg, "Argument '" + arg.display() + "' is not valid for " + name + "()");
            }
            if (Checker.isConstant(arg, f)) {
                FieldType want = type != null ? type : lhsType;
                if (want == null) {
                    throw checker.fail(arg, "Argument '" + arg.display() + "' is not valid for " + name + "()");
                }
                args.add(checker.arithOperand(arg, want));
                continue;
            }
            Typed.Value v = checker.arith(arg, type != null ? type : lhsType);
            if (type == null) {
                type = v.type();
            } else if (v.type() != type) {
                throw checker.fail(arg, "Arguments to '" + name + "' must have the same type (expected " + Types.ftName(type)
                        + ", got " + Types.ftName(v.type()) + ")");
            }
            args.add(v);
        }
        return new Typed.Call(name, args, type != null ? type : lhsType);
    }
}
