package dev.dorsal.dissectors.gtp;

import dev.dorsal.dissectors.e212.E212;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.Locale;

/**
 * Reads the GTPv2 User Location Info IE (3GPP TS 29.274 8.21): the flags, then each identity they
 * announce in the order of the bits (CGI, SAI, RAI, TAI, ECGI, LAI), as tshark 4.0.17 shows them. The
 * macro eNodeB identities tshark leaves undecoded; so does Dorsal.
 */
final class GtpV2Uli {
    static final FieldDef FLAGS = FieldDef.uint8("gtpv2.uli_flags", "ULI Flags").hex();
    static final FieldDef EXT_MACRO = flag("gtpv2.uli_ext_macro_enb_id_flg", "Extended Macro eNodeB ID Present", 0x80);
    static final FieldDef MACRO = flag("gtpv2.uli_macro_enb_id_flg", "Macro eNodeB ID Present", 0x40);
    static final FieldDef LAI = flag("gtpv2.uli_lai_flg", "LAI Present", 0x20);
    static final FieldDef ECGI = flag("gtpv2.uli_ecgi_flg", "ECGI Present", 0x10);
    static final FieldDef TAI = flag("gtpv2.uli_tai_flg", "TAI Present", 0x08);
    static final FieldDef RAI = flag("gtpv2.uli_rai_flg", "RAI Present", 0x04);
    static final FieldDef SAI = flag("gtpv2.uli_sai_flg", "SAI Present", 0x02);
    static final FieldDef CGI = flag("gtpv2.uli_cgi_flg", "CGI Present", 0x01);
    static final List<FieldDef> FLAG_BITS = List.of(EXT_MACRO, MACRO, LAI, ECGI, TAI, RAI, SAI, CGI);

    static final FieldDef CGI_LAC = FieldDef.uint16("gtpv2.uli_cgi_lac", "Location Area Code").hexDec();
    static final FieldDef CGI_CI = FieldDef.uint16("gtpv2.uli_cgi_ci", "Cell Identity");
    static final FieldDef SAI_LAC = FieldDef.uint16("gtpv2.sai_lac", "Location Area Code").hexDec();
    static final FieldDef SAI_SAC = FieldDef.uint16("gtpv2.sai_sac", "Service Area Code").hexDec();
    static final FieldDef RAI_LAC = FieldDef.uint16("gtpv2.rai_lac", "Location Area Code").hexDec();
    static final FieldDef RAI_RAC = FieldDef.uint16("gtpv2.rai_rac", "Routing Area Code").hexDec();
    static final FieldDef TAI_TAC = FieldDef.uint16("gtpv2.tai_tac", "Tracking Area Code").hexDec();
    static final FieldDef ECI_SPARE = FieldDef.uint8("gtpv2.uli_ecgi_eci_spare", "Spare");
    static final FieldDef ECI = FieldDef.uint32("gtpv2.ecgi_eci", "ECI (E-UTRAN Cell Identifier)");
    static final FieldDef ENODEB = FieldDef.uint32("gtpv2.enodebid", "eNodeB Id").mask(0x0fffff00);
    static final FieldDef CELL = FieldDef.uint32("gtpv2.cellid", "CellId").mask(0xff);
    static final FieldDef LAI_LAC = FieldDef.uint16("gtpv2.uli_lai_lac", "Location Area Code (LAC)").hexDec();

    static final List<FieldDef> FIELDS = List.of(FLAGS, EXT_MACRO, MACRO, LAI, ECGI, TAI, RAI, SAI, CGI, CGI_LAC,
            CGI_CI, SAI_LAC, SAI_SAC, RAI_LAC, RAI_RAC, TAI_TAC, ECI_SPARE, ECI, ENODEB, CELL, LAI_LAC);

    private GtpV2Uli() {}

    private static FieldDef flag(String abbrev, String name, int mask) {
        return FieldDef.bool(abbrev, name, 8, mask).tfs(TrueFalse.TRUE_FALSE);
    }

    /** Adds the ULI at {@code v}; returns the names of the identities present, each followed by a blank. */
    static String dissect(Tvb tvb, ProtoItem ie, int v, int len) {
        int flags = tvb.u8(v);
        ProtoItem f = ie.add(FLAGS, tvb, v, 1);
        if (f != ie) {
            StringBuilder label = new StringBuilder(String.format(Locale.ROOT, "ULI Flags: 0x%02x", flags));
            for (FieldDef bit : FLAG_BITS) {
                if ((flags & bit.mask()) != 0) {
                    label.append(", ").append(bit.name());
                }
            }
            f.setText(label.toString());
        }
        for (FieldDef bit : FLAG_BITS) {
            f.add(bit, tvb, v, 1);
        }
        StringBuilder summary = new StringBuilder();
        int at = v + 1;
        if ((flags & 0x01) != 0) {
            ProtoItem g = group(ie, tvb, at, 7, "Cell Global Identity (CGI)");
            E212.addPlmn(g, tvb, at, E212.Kind.CGI);
            g.add(CGI_LAC, tvb, at + 3, 2);
            g.add(CGI_CI, tvb, at + 5, 2);
            summary.append("CGI ");
            at += 7;
        }
        if ((flags & 0x02) != 0) {
            ProtoItem g = group(ie, tvb, at, 7, "Service Area Identity (SAI)");
            E212.addPlmn(g, tvb, at, E212.Kind.SAI);
            g.add(SAI_LAC, tvb, at + 3, 2);
            g.add(SAI_SAC, tvb, at + 5, 2);
            summary.append("SAI ");
            at += 7;
        }
        if ((flags & 0x04) != 0) {
            ProtoItem g = group(ie, tvb, at, 7, "Routeing Area Identity (RAI)");
            E212.addPlmn(g, tvb, at, E212.Kind.RAI);
            g.add(RAI_LAC, tvb, at + 3, 2);
            g.add(RAI_RAC, tvb, at + 5, 2);
            summary.append("RAI ");
            at += 7;
        }
        if ((flags & 0x08) != 0) {
            ProtoItem g = group(ie, tvb, at, 5, "Tracking Area Identity (TAI)");
            E212.addPlmn(g, tvb, at, E212.Kind.TAI);
            g.add(TAI_TAC, tvb, at + 3, 2);
            summary.append("TAI ");
            at += 5;
        }
        if ((flags & 0x10) != 0) {
            ProtoItem g = group(ie, tvb, at, 7, "E-UTRAN Cell Global Identifier (ECGI)");
            E212.addPlmn(g, tvb, at, E212.Kind.ECGI);
            g.addUint(ECI_SPARE, tvb, at + 3, 1, tvb.u8(at + 3) >> 4);
            ProtoItem eci = g.addUint(ECI, tvb, at + 3, 4, tvb.u32(at + 3) & 0x0fffffffL);
            eci.add(ENODEB, tvb, at + 3, 4);
            eci.add(CELL, tvb, at + 3, 4);
            summary.append("ECGI ");
            at += 7;
        }
        if ((flags & 0x20) != 0) {
            ProtoItem g = group(ie, tvb, at, 5, "LAI (Location Area Identifier)");
            E212.addPlmn(g, tvb, at, E212.Kind.LAI);
            g.add(LAI_LAC, tvb, at + 3, 2);
            summary.append("LAI ");
        }
        return summary.toString();
    }

    private static ProtoItem group(ProtoItem ie, Tvb tvb, int off, int len, String text) {
        tvb.bytes(off, len);
        return ie.addText(tvb, off, len, text);
    }
}
