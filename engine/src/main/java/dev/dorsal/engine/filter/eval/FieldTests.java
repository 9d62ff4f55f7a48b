package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.filter.check.Typed.Cmp;
import dev.dorsal.engine.filter.parse.SliceRange;
import dev.dorsal.engine.spi.FieldType;
import java.util.List;

/**
 * Fast paths for the most common tests, reading the nodes directly without building value arrays:
 * presence of a field, and an integer-like field (ports, flags, lengths, IPv4, times) against
 * constants.
 */
public final class FieldTests {
    private FieldTests() {}

    public record Exists(int slot, List<SliceRange> layers) implements Test {
        @Override
        public boolean test(PacketView p) {
            int n = p.count(slot);
            if (n == 0 || layers == null) {
                return n > 0;
            }
            int max = Operands.maxLayer(p, slot, n);
            for (int i = 0; i < n; i++) {
                if (Operands.inLayers(layers, p.node(slot, i).layer(), max)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How two raw longs of one type compare: signed, unsigned (64-bit), IPv4 under a prefix, or as times. */
    enum Order { SIGNED, UNSIGNED, IPV4, NSTIME }

    static Order orderOf(FieldType t) {
        return switch (t) {
            case UINT64 -> Order.UNSIGNED;
            case IPv4 -> Order.IPV4;
            case ABSOLUTE_TIME, RELATIVE_TIME -> Order.NSTIME;
            default -> Order.SIGNED;
        };
    }

    static int compare(Order order, long a, long b) {
        return switch (order) {
            case SIGNED -> Long.compare(a, b);
            case UNSIGNED -> Long.compareUnsigned(a, b);
            case IPV4 -> Comparisons.ipv4(a, b);
            case NSTIME -> Comparisons.nstime(a, b);
        };
    }

    static boolean holds(Cmp op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case LT -> c < 0;
            case LE -> c <= 0;
        };
    }

    /** {@code field OP constant} for a field whose values are longs. */
    public record LongCompare(int slot, FieldType type, Order order, Cmp op, long constant, boolean all)
            implements Test {
        public LongCompare(int slot, FieldType type, Cmp op, long constant, boolean all) {
            this(slot, type, orderOf(type), op, constant, all);
        }

        @Override
        public boolean test(PacketView p) {
            int n = p.count(slot);
            if (n == 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                long v = ValueReader.readLong(type, p.node(slot, i));
                if (holds(op, compare(order, v, constant)) != all) {
                    return !all;
                }
            }
            return all;
        }
    }

    /** {@code field in {…}} with constant elements for a field whose values are longs. */
    public record LongIn(int slot, FieldType type, Order order, long[] low, long[] high, boolean all)
            implements Test {
        public LongIn(int slot, FieldType type, long[] low, long[] high, boolean all) {
            this(slot, type, orderOf(type), low, high, all);
        }

        @Override
        public boolean test(PacketView p) {
            int n = p.count(slot);
            if (n == 0) {
                return false;
            }
            for (int e = 0; e < low.length; e++) {
                if (element(p, n, e)) {
                    return true;
                }
            }
            return false;
        }

        private boolean element(PacketView p, int n, int e) {
            for (int i = 0; i < n; i++) {
                long v = ValueReader.readLong(type, p.node(slot, i));
                // A single value is the range [v, v]; for IPv4 both ends keep its prefix.
                boolean in = compare(order, v, low[e]) >= 0 && compare(order, v, high[e]) <= 0;
                if (in != all) {
                    return !all;
                }
            }
            return all;
        }
    }
}
