package dev.dorsal.dissectors.mpls;

import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.ip.BitLabel;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads an MPLS label stack (RFC 3032; EtherTypes 0x8847 and 0x8848, IP protocol 137, GRE), one
 * "MultiProtocol Label Switching Header" item per label stack entry, then hands what follows the
 * bottom of the stack on as tshark 4.0 decides it without a label-specific decode: after the
 * Generic Associated Channel Label, or when the first nibble is 1, to the associated channel
 * header ({@link PwAchDissector}); a first nibble of 4 to IPv4, 6 to IPv6, 0 to the
 * Ethernet pseudowire heuristic ({@link PwEthDissector}), anything else to data. Filter prefix
 * {@code mpls.}.
 *
 * <pre>
 * | label (20) | TC/EXP (3) | S (1) | TTL (8) |  … repeated until S = 1
 * </pre>
 */
public final class MplsDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("MultiProtocol Label Switching Header", "MPLS", "mpls");

    /** Reserved label values (RFC 3032, 6790, 5586, 3429) with the names tshark gives them. */
    static final ValueString SPECIAL_LABELS = ValueString.of(0, "IPv4 Explicit-Null", 1, "Router Alert",
            2, "IPv6 Explicit-Null", 3, "Implicit-Null", 7, "Entropy Label Indicator (ELI)",
            13, "Generic Associated Channel Label (GAL)", 14, "OAM Alert");

    static final int GAL = 13;
    /** Labels below this value are reserved (special-purpose). */
    static final int FIRST_UNRESERVED = 16;

    static final FieldDef LABEL = FieldDef.uint32("mpls.label", "MPLS Label").decHex().mask(0xfffff000L);
    static final FieldDef EXP = FieldDef.uint32("mpls.exp", "MPLS Experimental Bits").mask(0xe00);
    static final FieldDef BOTTOM = FieldDef.uint32("mpls.bottom", "MPLS Bottom Of Label Stack").mask(0x100);
    static final FieldDef TTL = FieldDef.uint32("mpls.ttl", "MPLS TTL").mask(0xff);

    static final List<FieldDef> FIELDS = List.of(LABEL, EXP, BOTTOM, TTL);

    /** IP protocol number of MPLS in IP (RFC 4023). */
    static final int IP_PROTO_MPLS = 137;
    static final int MPLS_UNICAST = 0x8847;
    static final int MPLS_MULTICAST = 0x8848;

    private DissectorHandle ipv4;
    private DissectorHandle ipv6;
    private DissectorHandle pwEthHeuristic;
    private DissectorHandle pwAch;
    private DissectorHandle data;

    @Override
    public String name() {
        return "mpls";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("mpls", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        ipv4 = t.handle("ipv4");
        ipv6 = t.handle("ipv6");
        pwEthHeuristic = t.handle(PwEthDissector.HEURISTIC);
        pwAch = t.handle("pwach");
        data = t.handle("data");
        DissectorHandle self = t.handle("mpls");
        t.table(EthertypeDissector.NAME).add(MPLS_UNICAST, self);
        t.table(EthertypeDissector.NAME).add(MPLS_MULTICAST, self);
        t.table(Ipv4Dissector.PROTO_TABLE).add(IP_PROTO_MPLS, self);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("MPLS");
        pinfo.columns().setInfo("MPLS Label Switched Packet");
        boolean detailed = tree.tree().detailed();
        int offset = 0;
        int label;
        boolean bottom;
        do {
            long entry = tvb.u32(offset);
            label = (int) (entry >>> 12);
            int exp = (int) (entry >>> 9) & 7;
            bottom = (entry & 0x100) != 0;
            int ttl = (int) entry & 0xff;
            // One dissector call: every entry is in the same mpls layer (mpls.label#1 matches them all).
            ProtoItem item = offset == 0 ? tree.addProtocol(PROTO, tvb, offset, 4)
                    : tree.addProtocolInSameLayer(PROTO, tvb, offset, 4);
            if (detailed) {
                String special = label < FIRST_UNRESERVED
                        ? " (" + SPECIAL_LABELS.nameOr(label, "Reserved - Unknown") + ")" : "";
                item.setText("MultiProtocol Label Switching Header, Label: " + label + special + ", Exp: " + exp
                        + ", S: " + (bottom ? 1 : 0) + ", TTL: " + ttl);
            }
            ProtoItem l = item.add(LABEL, tvb, offset, 4);
            if (detailed && label < FIRST_UNRESERVED) {
                l.setText(BitLabel.of(entry, 0xfffff000L, 32) + " = MPLS Label: "
                        + SPECIAL_LABELS.nameOr(label, "Unknown") + " (" + label + ")");
            }
            item.add(EXP, tvb, offset, 4);
            item.add(BOTTOM, tvb, offset, 4);
            item.add(TTL, tvb, offset, 4);
            offset += 4;
        } while (!bottom);

        Tvb payload = tvb.slice(offset);
        // tshark reads the first nibble of the payload: nothing after the stack is a malformed packet.
        int nibble = payload.u8(0) >>> 4;
        DissectorHandle next;
        if (label == GAL || nibble == 1) {
            pinfo.put(PwAchDissector.AFTER_GAL, label == GAL);
            next = pwAch;
        } else if (nibble == 4) {
            next = ipv4;
        } else if (nibble == 6) {
            next = ipv6;
        } else if (nibble == 0) {
            next = pwEthHeuristic;
        } else {
            next = data;
        }
        int used = Dispatch.call(next, payload, pinfo, tree);
        if (used == Dispatch.DECLINED && next != data) {
            pinfo.call(data, payload, tree);
        }
        return tvb.length();
    }
}
