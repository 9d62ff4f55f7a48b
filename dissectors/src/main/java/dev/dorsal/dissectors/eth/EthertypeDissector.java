package dev.dorsal.dissectors.eth;

import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;

/**
 * Adds the type item to the caller's header, hands the bytes after the type to the dissector
 * registered for it in the {@code ethertype} table (or to data), then shows what the payload did
 * not claim as padding, trailer and FCS. Wireshark's "ethertype" pseudo-protocol: it has no tree
 * item of its own but appears in frame.protocols ({@code eth:ethertype:ip}). Callers describe the
 * call with {@link EthertypeCall#prepare} first.
 *
 * <p>The payload dissector claims its length through its return value (IPv4 returns the total
 * length, ARP its message size), the way Wireshark dissectors shrink their tvb's reported length.
 */
public final class EthertypeDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Ethertype", "Ethertype", "ethertype");

    /** Name of the handle and of the table, both "ethertype". */
    public static final String NAME = "ethertype";

    private DissectorTable table;
    private DissectorHandle dataHandle;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        table = r.newTable(NAME, "Ethertype", FieldType.UINT16, Base.HEX);
        r.handle(NAME, PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        dataHandle = t.handle("data");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        EthertypeCall call = EthertypeCall.take(pinfo);
        if (call == null) {
            return 0;
        }
        // Copy the arguments: a nested call (VLAN) reuses the slot.
        int etype = call.etype;
        int offset = call.offsetAfterType;
        ProtoItem headerTree = call.headerTree;
        FieldDef trailerField = call.trailerField;
        int fcsLen = call.fcsLen;

        if (call.typeField != null) {
            headerTree.addUint(call.typeField, tvb, offset - 2, 2, etype);
        }

        int reported = Math.max(0, tvb.reportedLength() - offset);
        if (fcsLen > 0 && reported >= fcsLen) {
            reported -= fcsLen; // a known FCS is never part of the payload
        }
        Tvb payload = tvb.slice(offset, reported);

        int claimed = Dispatch.tryDissect(table, etype, payload, pinfo, tree);
        if (claimed == Dispatch.DECLINED) {
            if (dataHandle != null) {
                pinfo.call(dataHandle, payload, tree);
            }
            claimed = payload.reportedLength();
            pinfo.columns().setProtocol(hex4(etype));
            String description = EtherTypes.NAMES.name(etype);
            if (description != null && pinfo.columns().enabled()) {
                pinfo.columns().setInfo(description);
            }
            if (payload.length() == 0) {
                return 0; // as tshark: nothing taken, so "ethertype" is not among the layers
            }
        }

        int lengthBefore = tvb.reportedLength() - offset;
        if (claimed < lengthBefore && tvb.has(offset + claimed, 1)) {
            EthernetTrailer.add(pinfo, headerTree, trailerField, tvb, tvb.slice(offset + claimed), fcsLen);
        }
        return tvb.length();
    }

    private static String hex4(int v) {
        String s = Integer.toHexString(v);
        return "0x" + "0000".substring(Math.min(4, s.length())) + s;
    }
}
