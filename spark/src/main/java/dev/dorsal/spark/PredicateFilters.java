package dev.dorsal.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Translates Spark predicates into display filters the readers apply. A translation may keep more
 * rows than the predicate (a display filter's {@code tcp.port == 443} holds when any occurrence is
 * 443, a column holds only the first) but never fewer, so Spark still evaluates every predicate after
 * the scan; what is pushed only saves rows from being built and shipped. Negations, inequalities and
 * anything whose display-filter meaning could drop a row Spark keeps are not translated.
 */
final class PredicateFilters {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");
    private static final Pattern ETHER = Pattern.compile("[0-9A-Fa-f]{2}([:.-][0-9A-Fa-f]{2}){5}");

    private PredicateFilters() {}

    /** The display filter for {@code p}, or null when it cannot be translated safely. */
    static String translate(Predicate p, Map<String, FieldColumn> columns, char occurrence) {
        Expression[] c = p.children();
        return switch (p.name()) {
            case "AND" -> {
                String a = translate((Predicate) c[0], columns, occurrence);
                String b = translate((Predicate) c[1], columns, occurrence);
                // Either side alone keeps a superset of what both keep.
                yield a == null ? b : b == null ? a : "(" + a + ") && (" + b + ")";
            }
            case "OR" -> {
                String a = translate((Predicate) c[0], columns, occurrence);
                String b = translate((Predicate) c[1], columns, occurrence);
                yield a == null || b == null ? null : "(" + a + ") || (" + b + ")";
            }
            case "=", "<=>", "<", "<=", ">", ">=" -> comparison(p.name(), c, columns, occurrence);
            case "IS_NULL", "IS_NOT_NULL" -> {
                FieldColumn col = column(c[0], columns, occurrence);
                if (col == null) {
                    yield null;
                }
                // A first (or last) occurrence is missing exactly when the field is.
                yield p.name().equals("IS_NULL") ? "!" + col.name() : col.name();
            }
            case "IN" -> {
                FieldColumn col = column(c[0], columns, occurrence);
                if (col == null) {
                    yield null;
                }
                List<String> values = new ArrayList<>();
                for (int i = 1; i < c.length; i++) {
                    String v = c[i] instanceof Literal<?> l ? literal(col, l) : null;
                    if (v == null) {
                        yield null;
                    }
                    values.add(v);
                }
                yield values.isEmpty() ? null : col.name() + " in {" + String.join(", ", values) + "}";
            }
            case "CONTAINS" -> {
                FieldColumn col = column(c[0], columns, occurrence);
                if (col == null || col.valueType() != FieldColumn.ValueType.STRING || !(c[1] instanceof Literal<?> l)
                        || !(l.value() instanceof UTF8String s)) {
                    yield null;
                }
                yield col.name() + " contains " + quoted(s.toString());
            }
            default -> null;
        };
    }

    private static String comparison(String op, Expression[] c, Map<String, FieldColumn> columns, char occurrence) {
        String filterOp = switch (op) {
            case "=", "<=>" -> "==";
            default -> op;
        };
        FieldColumn col;
        Literal<?> lit;
        if (c[0] instanceof NamedReference && c[1] instanceof Literal<?> l) {
            col = column(c[0], columns, occurrence);
            lit = l;
        } else if (c[1] instanceof NamedReference && c[0] instanceof Literal<?> l) {
            col = column(c[1], columns, occurrence);
            lit = l;
            filterOp = switch (filterOp) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> filterOp;
            };
        } else {
            return null;
        }
        if (col == null || lit.value() == null) {
            return null;
        }
        boolean ordered = !filterOp.equals("==");
        if (ordered && (col.valueType() == FieldColumn.ValueType.STRING_OF_ADDRESS
                || col.valueType() == FieldColumn.ValueType.BOOLEAN)) {
            return null; // Spark orders these as text; a display filter orders addresses by value
        }
        String v = literal(col, lit);
        return v == null ? null : col.name() + " " + filterOp + " " + v;
    }

    private static FieldColumn column(Expression e, Map<String, FieldColumn> columns, char occurrence) {
        if (!(e instanceof NamedReference ref) || ref.fieldNames().length != 1) {
            return null;
        }
        FieldColumn col = columns.get(ref.fieldNames()[0]);
        return col != null && col.pushable(occurrence) ? col : null;
    }

    /** The literal in display-filter syntax for the column's field type, or null when it has none. */
    private static String literal(FieldColumn col, Literal<?> lit) {
        Object v = lit.value();
        DataType t = lit.dataType();
        if (v == null) {
            return null;
        }
        return switch (col.valueType()) {
            case INT, LONG, UNSIGNED64 -> t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType)
                    || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)
                    || (t instanceof DecimalType d && d.scale() == 0) ? v.toString() : null;
            case DOUBLE, SECONDS -> t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)
                    || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType) || t instanceof DecimalType
                    ? plainNumber(v) : null;
            case BOOLEAN -> v instanceof Boolean b ? (b ? "1" : "0") : null;
            case STRING -> v instanceof UTF8String s ? quoted(s.toString()) : null;
            case STRING_OF_ADDRESS -> v instanceof UTF8String s ? address(s.toString()) : null;
            default -> null;
        };
    }

    private static String plainNumber(Object v) {
        String s = v instanceof org.apache.spark.sql.types.Decimal d ? d.toJavaBigDecimal().toPlainString()
                : new java.math.BigDecimal(v.toString()).toPlainString();
        return s.contains("E") || s.contains("N") || s.contains("I") ? null : s;
    }

    /** An address literal is written bare, and only when it looks like one (else it could be a field name). */
    private static String address(String s) {
        if (IPV4.matcher(s).matches() || ETHER.matcher(s).matches() || (s.contains(":") && IPV6.matcher(s).matches())) {
            return s;
        }
        return null;
    }

    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
