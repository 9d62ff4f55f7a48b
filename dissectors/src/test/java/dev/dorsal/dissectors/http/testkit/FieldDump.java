package dev.dorsal.dissectors.http.testkit;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Every field of the given protocols in a run, in order ({@code abbrev=value}), as the -T fields
 * text of each node. Frame numbers and times depend on how the bytes were cut into segments, so their
 * values are replaced by a marker (their presence still counts).
 */
public final class FieldDump {
    private FieldDump() {}

    public static List<String> of(List<DissectedPacket> packets, List<String> protocols) {
        List<String> out = new ArrayList<>();
        for (DissectedPacket p : packets) {
            ProtoItem root = p.tree().root();
            FieldValues.forEach(root, n -> {
                if (n.field() == null || n == root) {
                    return;
                }
                String proto = n.field().protocolFilterName();
                if (proto == null || !protocols.contains(proto)) {
                    return;
                }
                FieldType t = n.field().type();
                String v = t == FieldType.FRAMENUM || t == FieldType.RELATIVE_TIME || t == FieldType.ABSOLUTE_TIME
                        ? "<frame or time>" : FieldFormat.fieldsText(n);
                out.add(n.field().abbrev() + "=" + v);
            });
        }
        return out;
    }
}
