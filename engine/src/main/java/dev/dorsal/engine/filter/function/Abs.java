package dev.dorsal.engine.filter.function;

import dev.dorsal.engine.filter.eval.Operand;
import dev.dorsal.engine.filter.eval.PacketView;
import dev.dorsal.engine.spi.FieldType;

/**
 * {@code abs(x)}: absolute value of each value. Like tshark 4.0, time offsets come back unchanged
 * (it has no sign test for them).
 */
public record Abs(Operand arg, FieldType type) implements Operand {
    @Override
    public Object[] values(PacketView p) {
        Object[] in = arg.values(p);
        if (type == FieldType.RELATIVE_TIME) {
            return in;
        }
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
            Object v = in[i];
            out[i] = v instanceof Long l ? (Object) Math.abs(l) : v instanceof Double d ? (Object) Math.abs(d) : v;
        }
        return out;
    }
}
