package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.filter.check.Typed.ArithOp;
import dev.dorsal.engine.filter.parse.SliceRange;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/** The operand evaluators: fields, constants, slices and arithmetic. */
public final class Operands {
    private Operands() {}

    /** The occurrences of a field, optionally only those in some protocol layers. */
    public record Field(int slot, FieldType type, List<SliceRange> layers, boolean tail) implements Operand {
        @Override
        public Object[] values(PacketView p) {
            int n = p.count(slot);
            if (n == 0) {
                return NONE;
            }
            int max = layers == null ? 0 : maxLayer(p, slot, n);
            Object[] out = new Object[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                ProtoItem item = p.node(slot, i);
                if (layers == null || inLayers(layers, item.layer(), max)) {
                    out[k++] = ValueReader.read(type, item, tail);
                }
            }
            return k == n ? out : Arrays.copyOf(out, k);
        }
    }

    static int maxLayer(PacketView p, int slot, int n) {
        int max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, p.node(slot, i).layer());
        }
        return max;
    }

    static boolean inLayers(List<SliceRange> layers, int layer, int max) {
        for (SliceRange r : layers) {
            if (r.containsLayer(layer, max)) {
                return true;
            }
        }
        return false;
    }

    public record Constant(Object value, Object[] array) implements Operand {
        public Constant(Object value) {
            this(value, new Object[] {value});
        }

        @Override
        public Object[] values(PacketView p) {
            return array;
        }
    }

    /** A value that batch mode never has (a field reference to the selected frame). */
    public record Nothing() implements Operand {
        @Override
        public Object[] values(PacketView p) {
            return NONE;
        }
    }

    /** The bytes of each value at the given ranges, concatenated; a value the ranges do not fit is dropped. */
    public record Slice(Operand base, FieldType baseType, List<SliceRange> ranges) implements Operand {
        @Override
        public Object[] values(PacketView p) {
            Object[] in = base.values(p);
            if (in.length == 0) {
                return NONE;
            }
            Object[] out = new Object[in.length];
            int k = 0;
            for (Object v : in) {
                byte[] b = cut(Values.toBytes(baseType, v));
                if (b != null) {
                    out[k++] = b;
                }
            }
            return k == out.length ? out : Arrays.copyOf(out, k);
        }

        private byte[] cut(byte[] b) {
            if (ranges.size() == 1) {
                int[] r = ranges.get(0).bounds(b.length);
                return r == null ? null : Arrays.copyOfRange(b, r[0], r[1]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SliceRange range : ranges) {
                int[] r = range.bounds(b.length);
                if (r == null) {
                    return null;
                }
                out.write(b, r[0], r[1] - r[0]);
            }
            return out.toByteArray();
        }
    }

    /** {@code left OP right} for every pair of values. */
    public record Arith(ArithOp op, FieldType type, Operand left, Operand right) implements Operand {
        @Override
        public Object[] values(PacketView p) {
            Object[] a = left.values(p);
            if (a.length == 0) {
                return NONE;
            }
            Object[] b = right.values(p);
            if (b.length == 0) {
                return NONE;
            }
            Object[] out = new Object[a.length * b.length];
            int k = 0;
            for (Object x : a) {
                for (Object y : b) {
                    Object r = Arithmetic.apply(op, type, x, y);
                    if (r != null) {
                        out[k++] = r;
                    }
                }
            }
            return k == out.length ? out : Arrays.copyOf(out, k);
        }
    }

    public record Negate(FieldType type, Operand operand) implements Operand {
        @Override
        public Object[] values(PacketView p) {
            Object[] a = operand.values(p);
            Object[] out = new Object[a.length];
            int k = 0;
            for (Object x : a) {
                Object r = Arithmetic.negate(type, x);
                if (r != null) {
                    out[k++] = r;
                }
            }
            return k == out.length ? out : Arrays.copyOf(out, k);
        }
    }
}
