package dev.dorsal.dissectors.vlan;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeCall;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.eth.Ieee8023;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads an IEEE 802.1Q VLAN tag (EtherType 0x8100) and passes what follows it on like Ethernet does:
 * a type through the "ethertype" handle, a length to LLC. Filter prefix {@code vlan.}.
 *
 * <pre>
 * | PRI (3 bits) | DEI (1) | VLAN ID (12) | type or length (16) |
 * </pre>
 */
public final class VlanDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("802.1Q Virtual LAN", "VLAN", "vlan");

    /** Priority names of IEEE 802.1Q-2005, tshark's default table. */
    private static final ValueString PRIORITIES = ValueString.of(0, "Best Effort (default)", 1, "Background",
            2, "Excellent Effort", 3, "Critical Applications", 4, "Video, < 100ms latency and jitter",
            5, "Voice, < 10ms latency and jitter", 6, "Internetwork Control", 7, "Network Control");

    static final FieldDef PRIORITY = FieldDef.uint16("vlan.priority", "Priority").mask(0xe000).vals(PRIORITIES);
    static final FieldDef DEI = FieldDef.bool("vlan.dei", "DEI", 16, 0x1000)
            .tfs(new TrueFalse("Eligible", "Ineligible"));
    static final FieldDef ID = FieldDef.uint16("vlan.id", "ID").mask(0x0fff);
    static final FieldDef ETYPE = FieldDef.uint16("vlan.etype", "Type").hex().vals(EtherTypes.NAMES);
    static final FieldDef LEN = FieldDef.uint16("vlan.len", "Length");
    static final FieldDef TRAILER = FieldDef.bytes("vlan.trailer", "Trailer");

    static final List<FieldDef> FIELDS = List.of(PRIORITY, DEI, ID, ETYPE, LEN, TRAILER);

    static final ExpertDef LEN_PAST_END = new ExpertDef("vlan.len.past_end",
            "Length field value goes past the end of the payload", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    private static final int HEADER = 4;

    private DissectorHandle ethertype;

    @Override
    public String name() {
        return "vlan";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(LEN_PAST_END));
        r.handle("vlan", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        ethertype = t.handle(EthertypeDissector.NAME);
        DissectorHandle self = t.handle("vlan");
        t.table(EthertypeDissector.NAME).add(EtherTypes.VLAN, self);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("VLAN");
        pinfo.columns().clearInfo();
        int tci = tvb.u16(0);
        int pri = tci >>> 13;
        int dei = (tci >>> 12) & 1;
        int id = tci & 0x0fff;
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("PRI: " + pri + "  DEI: " + dei + "  ID: " + id);
        }
        ProtoItem vlan = tree.addProtocol(PROTO, tvb, 0, HEADER);
        if (tree.tree().detailed()) {
            vlan.setText("802.1Q Virtual LAN, PRI: " + pri + ", DEI: " + dei + ", ID: " + id);
        }
        Items.add(vlan, PRIORITY, tvb, 0, 2);
        Items.add(vlan, DEI, tvb, 0, 2);
        Items.add(vlan, ID, tvb, 0, 2);

        int type = tvb.u16(2);
        if (type <= EtherTypes.MAX_802_3_LENGTH) {
            Ieee8023.dissect(tvb, HEADER, type, Ieee8023.isRaw(tvb, HEADER), pinfo, tree, vlan, LEN, TRAILER,
                    LEN_PAST_END, 0);
        } else {
            EthertypeCall.prepare(pinfo, type, HEADER, vlan, ETYPE, TRAILER, 0);
            pinfo.call(ethertype, tvb, tree);
        }
        return tvb.length();
    }
}
