package dev.dorsal.dissectors.nbns;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.Locale;

/**
 * A flags word with one child per flag field, labelled as tshark's bitmask items are:
 * {@code Flags: 0x8500, Response, Opcode: Name query, Authoritative}: the names of the set
 * booleans and {@code name: value} of the other fields, in field order.
 */
final class Bitmask {
    private Bitmask() {}

    /** Adds the 16-bit {@code header} at {@code off} with {@code fields} under it; returns the header. */
    static ProtoItem add(ProtoItem parent, FieldDef header, List<FieldDef> fields, Tvb tvb, int off, int value) {
        return add(parent, header, fields, tvb, off, 2, value);
    }

    /** Adds the {@code size}-byte {@code header} at {@code off} with {@code fields} under it. */
    static ProtoItem add(ProtoItem parent, FieldDef header, List<FieldDef> fields, Tvb tvb, int off, int size,
            int value) {
        ProtoItem item = parent.add(header, tvb, off, size);
        // a header left out of a tree of chosen fields still gets its flag fields (under the parent)
        if (item != parent && item.tree().detailed()) {
            StringBuilder sb = new StringBuilder(header.name()).append(": ")
                    .append(String.format(Locale.ROOT, size == 1 ? "0x%02x" : "0x%04x", value));
            for (FieldDef f : fields) {
                long v = (value & f.mask()) >>> f.shift();
                if (f.type() == FieldType.BOOLEAN) {
                    if (v != 0) {
                        sb.append(", ").append(f.name());
                    }
                } else {
                    sb.append(", ").append(f.name()).append(": ").append(f.values().nameOr(v, "Unknown"));
                }
            }
            item.setText(sb.toString());
        }
        for (FieldDef f : fields) {
            item.add(f, tvb, off, size);
        }
        return item;
    }
}
