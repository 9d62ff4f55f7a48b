package dev.dorsal.engine.filter.function;

import dev.dorsal.engine.filter.eval.Operand;
import dev.dorsal.engine.filter.eval.PacketView;
import dev.dorsal.engine.filter.eval.Values;
import dev.dorsal.engine.spi.FieldType;
import java.nio.charset.StandardCharsets;

/**
 * {@code len(f)}: the length in bytes of each occurrence: byte strings and protocols by their bytes,
 * strings in UTF-8, fixed-size types by their wire size (0 for types without one).
 */
public record Len(Operand field, FieldType type) implements Operand {
    @Override
    public Object[] values(PacketView p) {
        Object[] in = field.values(p);
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (long) length(in[i]);
        }
        return out;
    }

    private int length(Object v) {
        if (v instanceof byte[] b) {
            return b.length;
        }
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        return switch (type) {
            case IPv4, IPv6, ETHER -> Values.toBytes(type, v).length;
            default -> type.wireSize();
        };
    }
}
