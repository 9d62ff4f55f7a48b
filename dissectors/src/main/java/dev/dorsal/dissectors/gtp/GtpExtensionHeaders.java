package dev.dorsal.dissectors.gtp;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the chain of GTPv1-U extension headers (3GPP TS 29.281 5.2, TS 38.415 for the PDU Session
 * container) after the "next extension header type" octet, as tshark 4.0.17 shows them.
 *
 * <pre>
 * | length (units of 4 octets) | content (length * 4 - 2 octets) | next extension header type |
 * </pre>
 */
final class GtpExtensionHeaders {
    static final int PDCP_PDU_NUMBER = 0xc0;
    static final int UDP_PORT = 0x40;
    static final int LONG_PDCP = 0x82;
    static final int RAN_CONTAINER = 0x81;
    static final int PDU_SESSION = 0x85;

    static final TrueFalse PRESENT = new TrueFalse("Present", "Not Present");

    static final FieldDef NEXT = FieldDef.uint8("gtp.ext_hdr.next", "Next extension header type").hex()
            .vals(GtpValues.V1_EXT_HEADERS);
    static final FieldDef HEADER = FieldDef.none("gtp.ext_hdr", "Extension header");
    static final FieldDef LENGTH = FieldDef.uint8("gtp.ext_hdr.length", "Extension Header Length");
    static final FieldDef PDCP_SN = FieldDef.uint16("gtp.ext_hdr.pdcp_sn", "PDCP Sequence Number");
    static final FieldDef UDP = FieldDef.uint16("gtp.ext_hdr.udp_port", "UDP Port");
    /** Registered without a mask; tshark shows the six spare bits before the long PDCP number. */
    static final FieldDef SPARE_BITS = FieldDef.uint8("gtp.ext_hdr.spare_bits", "Spare").hex().mask(0xfc);
    static final FieldDef LONG_PDCP_SN = FieldDef.uint24("gtp.ext_hdr.long_pdcp_sn", "Long PDCP Sequence Number");
    static final FieldDef SPARE_BYTES = FieldDef.bytes("gtp.ext_hdr.spare_bytes", "Spare");
    static final FieldDef RAN_CONT = FieldDef.bytes("gtp.ext_hdr.ran_cont", "RAN Container");
    static final FieldDef PDU_TYPE = FieldDef.uint8("gtp.ext_hdr.pdu_ses_con.pdu_type", "PDU Type").mask(0xf0)
            .vals(ValueString.of(0, "DL PDU SESSION INFORMATION", 1, "UL PDU SESSION INFORMATION"));
    static final FieldDef PPP = FieldDef.bool("gtp.ext_hdr.pdu_ses_cont.ppp", "Paging Policy Presence (PPP)", 8, 0x80)
            .tfs(PRESENT);
    static final FieldDef RQI = FieldDef.bool("gtp.ext_hdr.pdu_ses_cont.rqi", "Reflective QoS Indicator (RQI)", 8,
            0x40).tfs(PRESENT);
    static final FieldDef QFI = FieldDef.uint8("gtp.ext_hdr.pdu_ses_con.qos_flow_id", "QoS Flow Identifier (QFI)")
            .mask(0x3f);
    static final FieldDef PPI = FieldDef.uint8("gtp.ext_hdr.pdu_ses_cont.ppi", "Paging Policy Indicator (PPI)")
            .mask(0xe0);
    static final FieldDef SPARE_H1 = FieldDef.uint8("gtp.spare.h1", "Spare").hex().mask(0x0f);
    static final FieldDef SPARE_B7B6 = FieldDef.uint8("gtp.spare.b7b6", "Spare").hex().mask(0xc0);
    static final FieldDef SPARE_B4B0 = FieldDef.uint8("gtp.spare.b4b0", "Spare").hex().mask(0x1f);

    static final List<FieldDef> FIELDS = List.of(NEXT, HEADER, LENGTH, PDCP_SN, UDP, SPARE_BITS, LONG_PDCP_SN,
            SPARE_BYTES, RAN_CONT, PDU_TYPE, PPP, RQI, QFI, PPI, SPARE_H1, SPARE_B7B6, SPARE_B4B0);

    static final ExpertDef LENGTH_INVALID = new ExpertDef("gtp.ext_length.invalid", "Malformed length",
            Group.MALFORMED, Severity.ERROR);
    /** tshark's second expert named gtp.ext_length.invalid, a warning. */
    static final ExpertDef LENGTH_WARNING = new ExpertDef("gtp.ext_length.invalid", "Malformed length",
            Group.PROTOCOL, Severity.WARN);
    static final ExpertDef UNKNOWN_PDU_TYPE = new ExpertDef("gtp.unknown_pdu_type", "Unknown PDU type",
            Group.PROTOCOL, Severity.WARN);
    static final ExpertDef PDCP_SN_NON_ZERO = new ExpertDef("gtp.ext_hdr.pdcp_sn.non_zero",
            "3GPP TS 29.281 v9.0.0: When used between two eNBs at the X2 interface in E-UTRAN, bit 8 of octet 2 is "
                    + "spare. The meaning of the spare bits shall be set to zero.", Group.PROTOCOL, Severity.NOTE);

    static final List<ExpertDef> EXPERTS = List.of(LENGTH_INVALID, LENGTH_WARNING, UNKNOWN_PDU_TYPE, PDCP_SN_NON_ZERO);

    private GtpExtensionHeaders() {}

    /**
     * Adds the next-type octet at {@code offset} and the headers it announces; returns the offset of
     * the T-PDU or IEs after them, or -1 when a header of length zero ends the dissection.
     */
    static int dissect(Tvb tvb, ProtoItem gtp, PacketInfo pinfo, int offset) {
        int next = tvb.u8(offset);
        gtp.add(NEXT, tvb, offset, 1);
        offset++;
        while (next != 0) {
            int units = tvb.u8(offset);
            ProtoItem header = gtp.add(HEADER, tvb, offset, units * 4);
            ProtoItem length = header.add(LENGTH, tvb, offset, 1);
            if (units == 0) {
                header.setLength(0);
                length.expert(LENGTH_INVALID, "Extension header length is zero");
                return -1;
            }
            header.appendText(" (" + GtpValues.V1_EXT_HEADERS.nameOr(next, "Unknown") + ")");
            content(tvb, header, next, offset, units);
            int end = offset + units * 4;
            next = tvb.u8(end - 1);
            header.add(NEXT, tvb, end - 1, 1);
            offset = end;
        }
        return offset;
    }

    private static void content(Tvb tvb, ProtoItem header, int type, int offset, int units) {
        switch (type) {
            case PDCP_PDU_NUMBER -> {
                if (units != 1) {
                    header.expert(LENGTH_WARNING, "The length field for the PDCP SN Extension header should be 1.");
                    return;
                }
                ProtoItem sn = header.add(PDCP_SN, tvb, offset + 1, 2);
                if ((tvb.u16(offset + 1) & 0x8000) != 0) {
                    sn.expert(PDCP_SN_NON_ZERO);
                }
            }
            case UDP_PORT -> header.add(UDP, tvb, offset + 1, 2);
            case LONG_PDCP -> {
                header.add(SPARE_BITS, tvb, offset + 1, 1);
                header.add(LONG_PDCP_SN, tvb, offset + 1, 3);
                header.add(SPARE_BYTES, tvb, offset + 4, 3);
            }
            // tshark's container runs to the end of the header, the next type octet included
            case RAN_CONTAINER -> header.add(RAN_CONT, tvb, offset + 1, units * 4 - 1);
            case PDU_SESSION -> pduSession(tvb, header, offset, units);
            default -> { } // tshark shows only the length of the others
        }
    }

    /** The PDU Session container of 5G (TS 38.415): DL or UL session information. */
    private static void pduSession(Tvb tvb, ProtoItem header, int offset, int units) {
        ProtoItem c = header.addText(tvb, offset + 1, units * 4 - 1, "PDU Session Container");
        ProtoItem parent = c == header ? header : c;
        int pduType = tvb.u8(offset + 1) >> 4;
        parent.add(PDU_TYPE, tvb, offset + 1, 1);
        parent.add(SPARE_H1, tvb, offset + 1, 1);
        if (pduType == 0) {
            parent.add(PPP, tvb, offset + 2, 1);
            parent.add(RQI, tvb, offset + 2, 1);
            parent.add(QFI, tvb, offset + 2, 1);
            if ((tvb.u8(offset + 2) & 0x80) != 0) {
                parent.add(PPI, tvb, offset + 3, 1);
                parent.add(SPARE_B4B0, tvb, offset + 3, 1);
            }
        } else if (pduType == 1) {
            parent.add(SPARE_B7B6, tvb, offset + 2, 1);
            parent.add(QFI, tvb, offset + 2, 1);
        } else {
            ProtoItem unknown = parent.addText(tvb, offset + 1, 1, "Unknown PDU type");
            (unknown == parent ? parent : unknown).expert(UNKNOWN_PDU_TYPE);
        }
    }
}
