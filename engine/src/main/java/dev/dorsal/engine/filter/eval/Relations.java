package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.spi.FieldType;
import java.util.regex.Pattern;

/**
 * Tests between operands. A test on an operand without values is false. Otherwise "any" tests hold
 * when some pair of values satisfies them and "all" tests when every pair does.
 */
public final class Relations {
    private Relations() {}

    /** True when the operand has a value (a slice that fits, for instance). */
    public record HasValue(Operand operand) implements Test {
        @Override
        public boolean test(PacketView p) {
            return operand.values(p).length > 0;
        }
    }

    /**
     * A comparison. "any": some pair satisfies {@code predicate}. "all": no pair satisfies
     * {@code predicate}, which is then the complement of the operator (see {@link Comparisons#complement}).
     */
    public record Compare(Operand left, Operand right, Comparisons.Predicate predicate, boolean all) implements Test {
        @Override
        public boolean test(PacketView p) {
            Object[] a = left.values(p);
            if (a.length == 0) {
                return false;
            }
            Object[] b = right.values(p);
            if (b.length == 0) {
                return false;
            }
            for (Object x : a) {
                for (Object y : b) {
                    if (predicate.test(x, y)) {
                        return !all;
                    }
                }
            }
            return all;
        }
    }

    /** {@code contains}: byte strings (protocols, slices, MACs) by bytes, strings by characters. */
    public record Contains(Operand left, Operand right, FieldType type, boolean all) implements Test {
        @Override
        public boolean test(PacketView p) {
            Object[] a = left.values(p);
            if (a.length == 0) {
                return false;
            }
            Object[] b = right.values(p);
            if (b.length == 0) {
                return false;
            }
            for (Object x : a) {
                for (Object y : b) {
                    if (contains(x, y) != all) {
                        return !all;
                    }
                }
            }
            return all;
        }

        private boolean contains(Object x, Object y) {
            if (x instanceof String s && y instanceof String t) {
                return !t.isEmpty() && s.contains(t);
            }
            return Comparisons.containsBytes(Values.toBytes(type, x), Values.toBytes(type, y));
        }
    }

    public record Matches(Operand left, Pattern pattern, FieldType type, boolean all) implements Test {
        @Override
        public boolean test(PacketView p) {
            Object[] a = left.values(p);
            if (a.length == 0) {
                return false;
            }
            for (Object x : a) {
                String subject = x instanceof String s ? dev.dorsal.engine.filter.check.Regexes.subject(s) : dev.dorsal.engine.filter.check.Regexes.subject(Values.toBytes(type, x));
                if (pattern.matcher(subject).find() != all) {
                    return !all;
                }
            }
            return all;
        }
    }

    /** One element of a set: a value ({@code high} null) or an inclusive range. */
    public record Element(Operand low, Operand high, Comparisons.Predicate eq, Comparisons.Predicate ne,
            Comparisons.Predicate ge, Comparisons.Predicate le) {}

    /**
     * {@code in}: true when some element matches; a value element like {@code ==}, a range element when
     * one occurrence lies inside it (with {@code all}: every occurrence, element by element).
     */
    public record In(Operand left, Element[] elements, boolean all) implements Test {
        @Override
        public boolean test(PacketView p) {
            Object[] a = left.values(p);
            if (a.length == 0) {
                return false;
            }
            for (Element e : elements) {
                Object[] lo = e.low().values(p);
                if (lo.length == 0) {
                    continue;
                }
                if (e.high() == null) {
                    if (all ? !exists(a, lo, e.ne()) : exists(a, lo, e.eq())) {
                        return true;
                    }
                    continue;
                }
                Object[] hi = e.high().values(p);
                if (hi.length == 0) {
                    continue;
                }
                if (inRange(a, lo, hi, e)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean exists(Object[] a, Object[] b, Comparisons.Predicate pred) {
            for (Object x : a) {
                for (Object y : b) {
                    if (pred.test(x, y)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean inRange(Object[] a, Object[] lo, Object[] hi, Element e) {
            for (Object x : a) {
                boolean inside = false;
                for (Object l : lo) {
                    for (Object h : hi) {
                        if (e.ge().test(x, l) && e.le().test(x, h)) {
                            inside = true;
                        }
                    }
                }
                if (inside != all) {
                    return !all;
                }
            }
            return all;
        }
    }

    /** A bare arithmetic expression: true when some value is not zero. */
    public record NotZero(Operand operand, FieldType type) implements Test {
        @Override
        public boolean test(PacketView p) {
            for (Object v : operand.values(p)) {
                if (!Values.isZero(type, v)) {
                    return true;
                }
            }
            return false;
        }
    }
}
