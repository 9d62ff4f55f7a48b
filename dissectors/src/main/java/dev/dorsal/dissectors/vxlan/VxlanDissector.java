package dev.dorsal.dissectors.vxlan;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.Locale;

/**
 * Reads Virtual eXtensible Local Area Network headers (RFC 7348, UDP port 4789) with the group
 * policy extension tshark always shows (draft-smith-vxlan-group-policy: G, D and A flags and the
 * Group Policy ID), then the inner Ethernet frame. Filter prefix {@code vxlan.}.
 *
 * <pre>
 * | G R R R I R R R R D R R A R R R (16) | group policy ID (16) | VNI (24) | reserved (8) | Ethernet … |
 * </pre>
 */
public final class VxlanDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Virtual eXtensible Local Area Network", "VXLAN", "vxlan");

    static final int PORT = 4789;

    static final TrueFalse TRUE_FALSE = new TrueFalse("True", "False");

    static final FieldDef FLAGS = FieldDef.uint16("vxlan.flags", "Flags").hex();
    static final FieldDef FLAG_G = FieldDef.bool("vxlan.flag_g", "GBP Extension", 16, 0x8000)
            .tfs(new TrueFalse("Defined", "Not defined"));
    static final FieldDef FLAG_I = FieldDef.bool("vxlan.flag_i", "VXLAN Network ID (VNI)", 16, 0x0800)
            .tfs(TRUE_FALSE);
    static final FieldDef FLAG_D = FieldDef.bool("vxlan.flag_d", "Don't Learn", 16, 0x0040).tfs(TRUE_FALSE);
    static final FieldDef FLAG_A = FieldDef.bool("vxlan.flag_a", "Policy Applied", 16, 0x0008).tfs(TRUE_FALSE);
    static final FieldDef RESERVED_FLAGS = FieldDef.uint16("vxlan.flags_reserved", "Reserved(R)").hex()
            .mask(0x77b7);
    static final FieldDef GBP = FieldDef.uint16("vxlan.gbp", "Group Policy ID");
    static final FieldDef VNI = FieldDef.uint24("vxlan.vni", "VXLAN Network Identifier (VNI)");
    static final FieldDef RESERVED = FieldDef.uint8("vxlan.reserved8", "Reserved");

    static final List<FieldDef> FIELDS = List.of(FLAGS, FLAG_G, FLAG_I, FLAG_D, FLAG_A, RESERVED_FLAGS, GBP, VNI,
            RESERVED);

    private static final int HEADER = 8;

    private DissectorHandle eth;

    @Override
    public String name() {
        return "vxlan";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("vxlan", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        eth = t.handle("eth_withoutfcs");
        t.table("udp.port").add(PORT, t.handle("vxlan"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("VxLAN");
        pinfo.columns().clearInfo();
        ProtoItem vxlan = tree.addProtocol(PROTO, tvb, 0, HEADER);
        ProtoItem flags = vxlan.add(FLAGS, tvb, 0, 2);
        int f = tvb.u16(0);
        if (tree.tree().detailed()) {
            StringBuilder label = new StringBuilder(String.format(Locale.ROOT, "Flags: 0x%04x", f));
            if ((f & 0x8000) != 0) {
                label.append(", GBP Extension");
            }
            if ((f & 0x0800) != 0) {
                label.append(", VXLAN Network ID (VNI)");
            }
            if ((f & 0x0040) != 0) {
                label.append(", Don't Learn");
            }
            if ((f & 0x0008) != 0) {
                label.append(", Policy Applied");
            }
            flags.setText(label.toString());
        }
        flags.add(FLAG_G, tvb, 0, 2);
        flags.add(FLAG_I, tvb, 0, 2);
        flags.add(FLAG_D, tvb, 0, 2);
        flags.add(FLAG_A, tvb, 0, 2);
        flags.add(RESERVED_FLAGS, tvb, 0, 2);
        vxlan.add(GBP, tvb, 2, 2);
        vxlan.add(VNI, tvb, 4, 3);
        vxlan.add(RESERVED, tvb, 7, 1);
        pinfo.call(eth, tvb.slice(HEADER), tree);
        return tvb.length();
    }
}
