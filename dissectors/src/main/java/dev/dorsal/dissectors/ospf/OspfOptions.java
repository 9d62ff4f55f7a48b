package dev.dorsal.dissectors.ospf;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/** Adds the OSPF options field: the 8 bits of OSPFv2 (RFC 2328 A.2) and the 24 of OSPFv3 (RFC 5340 A.2). */
final class OspfOptions {
    private static final TrueFalse CAPABLE = new TrueFalse("Capable", "Not capable");
    private static final TrueFalse SUPPORTED = new TrueFalse("Supported", "Not supported");
    private static final TrueFalse PRESENT = new TrueFalse("Present", "Not Present");

    static final FieldDef V2 = FieldDef.uint8("ospf.v2.options", "Options").hex();
    static final FieldDef V2_MT = FieldDef.bool("ospf.v2.options.mt", "(MT) Multi-Topology Routing", 8, 0x01)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef V2_E = FieldDef.bool("ospf.v2.options.e", "(E) External Routing", 8, 0x02).tfs(CAPABLE);
    static final FieldDef V2_MC = FieldDef.bool("ospf.v2.options.mc", "(MC) Multicast", 8, 0x04).tfs(CAPABLE);
    static final FieldDef V2_N = FieldDef.bool("ospf.v2.options.n", "(N) NSSA", 8, 0x08).tfs(SUPPORTED);
    static final FieldDef V2_P = FieldDef.bool("ospf.v2.options.p", "(P) Propagate", 8, 0x08).tfs(TrueFalse.SET);
    static final FieldDef V2_L = FieldDef.bool("ospf.v2.options.l", "(L) LLS Data block", 8, 0x10).tfs(PRESENT);
    static final FieldDef V2_DC = FieldDef.bool("ospf.v2.options.dc", "(DC) Demand Circuits", 8, 0x20)
            .tfs(SUPPORTED);
    static final FieldDef V2_O = FieldDef.bool("ospf.v2.options.o", "O", 8, 0x40).tfs(TrueFalse.SET);
    static final FieldDef V2_DN = FieldDef.bool("ospf.v2.options.dn", "DN", 8, 0x80).tfs(TrueFalse.SET);
    static final FieldDef V3 = FieldDef.uint24("ospf.v3.options", "Options").hex();
    static final FieldDef V3_V6 = FieldDef.bool("ospf.v3.options.v6", "V6", 24, 0x1).tfs(TrueFalse.SET);
    static final FieldDef V3_E = FieldDef.bool("ospf.v3.options.e", "E", 24, 0x2).tfs(TrueFalse.SET);
    static final FieldDef V3_MC = FieldDef.bool("ospf.v3.options.mc", "MC", 24, 0x4).tfs(TrueFalse.SET);
    static final FieldDef V3_N = FieldDef.bool("ospf.v3.options.n", "N", 24, 0x8).tfs(TrueFalse.SET);
    static final FieldDef V3_R = FieldDef.bool("ospf.v3.options.r", "R", 24, 0x10).tfs(TrueFalse.SET);
    static final FieldDef V3_DC = FieldDef.bool("ospf.v3.options.dc", "DC", 24, 0x20).tfs(TrueFalse.SET);
    static final FieldDef V3_AF = FieldDef.bool("ospf.v3.options.af", "AF", 24, 0x100).tfs(TrueFalse.SET);
    static final FieldDef V3_L = FieldDef.bool("ospf.v3.options.l", "L", 24, 0x200).tfs(TrueFalse.SET);
    static final FieldDef V3_AT = FieldDef.bool("ospf.v3.options.at", "AT", 24, 0x400).tfs(TrueFalse.SET);

    static final List<FieldDef> FIELDS = List.of(V2, V2_MT, V2_E, V2_MC, V2_N, V2_P, V2_L, V2_DC, V2_O, V2_DN, V3,
            V3_V6, V3_E, V3_MC, V3_N, V3_R, V3_DC, V3_AF, V3_L, V3_AT);

    /** Bits from high to low, as tshark lists them (the 0x08 bit is P in NSSA LSAs, else N). */
    private static final FieldDef[] V2_BITS = {V2_DN, V2_O, V2_DC, V2_L, V2_N, V2_MC, V2_E, V2_MT};
    private static final FieldDef[] V3_BITS = {V3_AT, V3_L, V3_AF, V3_DC, V3_R, V3_N, V3_MC, V3_E, V3_V6};

    private OspfOptions() {}

    static void v2(Tvb tvb, int off, ProtoItem parent, boolean nssa) {
        int v = tvb.u8(off);
        ProtoItem o = parent.add(V2, tvb, off, 1);
        StringBuilder sb = new StringBuilder();
        for (FieldDef f : V2_BITS) {
            FieldDef bit = f == V2_N && nssa ? V2_P : f;
            if ((v & bit.mask()) != 0) {
                sb.append(", ").append(bit.name());
            }
        }
        o.appendText(sb.toString());
        for (FieldDef f : V2_BITS) {
            o.add(f == V2_N && nssa ? V2_P : f, tvb, off, 1);
        }
    }

    static void v3(Tvb tvb, int off, ProtoItem parent) {
        int v = tvb.u24(off);
        ProtoItem o = parent.add(V3, tvb, off, 3);
        StringBuilder sb = new StringBuilder();
        for (FieldDef f : V3_BITS) {
            if ((v & f.mask()) != 0) {
                sb.append(", ").append(f.name());
            }
        }
        o.appendText(sb.toString());
        for (FieldDef f : V3_BITS) {
            o.add(f, tvb, off, 3);
        }
    }
}
