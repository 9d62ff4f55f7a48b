package dev.dorsal.dissectors.mpls;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Ethernet pseudowires over MPLS (RFC 4448): the frame behind the label stack, with or without the
 * 4-byte control word. Which of the two a payload starting with nibble 0 is, tshark guesses
 * ({@code pwethheuristic}): a plain frame when at least 14 bytes remain and both the destination
 * and the source address start with a vendor prefix its manufacturer table knows; else a control
 * word. Dorsal asks the same table ({@link EtherNames#vendor}), so without a Wireshark installation
 * every such payload is taken to start with a control word. Filter prefix {@code pweth}.
 */
public final class PwEthDissector implements DissectorProvider {
    static final ProtocolDef CW = new ProtocolDef("PW Ethernet Control Word", "Ethernet PW (with CW)", "pwethcw");
    static final ProtocolDef NOCW = new ProtocolDef("Ethernet PW (no CW)", "Ethernet PW (no CW)", "pwethnocw");
    static final ProtocolDef HEUR = new ProtocolDef("Ethernet PW (CW heuristic)", "Ethernet PW (CW heuristic)",
            "pwethheuristic");

    static final FieldDef PWETH = FieldDef.bool("pweth", "PW (ethernet)");
    static final FieldDef PWETH_CW = FieldDef.bool("pweth.cw", "PW Control Word (ethernet)");
    static final FieldDef SEQUENCE = FieldDef.uint16("pweth.cw.sequence_number", "PW sequence number (ethernet)");

    static final List<FieldDef> CW_FIELDS = List.of(PWETH, PWETH_CW, SEQUENCE);

    /** Name of the heuristic's handle, which MPLS calls. */
    static final String HEURISTIC = "pwethheuristic";

    private static final int CONTROL_WORD = 4;
    private static final int ETHERNET_HEADER = 14;

    private DissectorHandle cw;
    private DissectorHandle nocw;
    private DissectorHandle eth;

    @Override
    public String name() {
        return "pweth";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(CW);
        r.fields(CW, CW_FIELDS);
        r.protocol(NOCW);
        r.protocol(HEUR);
        r.handle("pwethcw", CW, this::dissectCw);
        r.handle("pwethnocw", NOCW, this::dissectNoCw);
        r.handle(HEURISTIC, HEUR, this::dissectHeuristic);
    }

    @Override
    public void handoff(Tables t) {
        cw = t.handle("pwethcw");
        nocw = t.handle("pwethnocw");
        eth = t.handle("eth_withoutfcs");
    }

    private int dissectHeuristic(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        boolean plain = (tvb.u8(0) >>> 4) != 0 || looksLikePlainEthernet(tvb);
        return pinfo.call(plain ? nocw : cw, tvb, tree);
    }

    /** Both addresses of a frame without control word start with a vendor prefix tshark knows. */
    private static boolean looksLikePlainEthernet(Tvb tvb) {
        if (tvb.reportedLength() < ETHERNET_HEADER || !tvb.has(0, ETHERNET_HEADER)) {
            return false;
        }
        return EtherNames.vendor(tvb.u24(0)) != null && EtherNames.vendor(tvb.u24(6)) != null;
    }

    private int dissectCw(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        tree.addBool(PWETH_CW, tvb, 0, 0, true).setHidden();
        ProtoItem cwItem = tree.addProtocol(CW, tvb, 0, CONTROL_WORD);
        ProtoItem seq = cwItem.add(SEQUENCE, tvb, 2, 2);
        if (tree.tree().detailed()) {
            seq.setText("Sequence Number: " + tvb.u16(2)); // tshark's label, not the field's name
        }
        Tvb frame = tvb.slice(CONTROL_WORD);
        pinfo.call(eth, frame, tree);
        return tvb.length();
    }

    private int dissectNoCw(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        tree.addBool(PWETH, tvb, 0, 0, true).setHidden();
        pinfo.call(eth, tvb, tree);
        return tvb.length();
    }
}
