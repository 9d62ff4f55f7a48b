package dev.dorsal.dissectors.gtp;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the two older GTP headers as tshark 4.0.17 shows them: GTP release 97/98 (version 0, 3GPP TS
 * 09.60, a 20-octet header with flow label and TID) and GTP' (protocol type 0, TS 32.295, the 6-octet
 * header of charging data transfer). Their messages carry the same IEs as version 1.
 *
 * <pre>
 * v0:    | flags | type | length | sequence (16) | flow label (16) | SNDCP N-PDU | spare (3) | TID (8, BCD) |
 * GTP':  | flags | type | length | sequence (16) |
 * </pre>
 */
final class GtpOldHeaders {
    static final ProtocolDef PRIME = new ProtocolDef("GPRS Tunneling Protocol Prime", "GTP (Prime)", "gtpprime");

    static final int V0_HEADER = 20;
    static final int PRIME_HEADER = 6;

    /** Version 0's and GTP''s reserved bits (tshark's first registration of the name). */
    static final FieldDef RESERVED = FieldDef.uint8("gtp.flags.reserved", "Reserved").mask(0x0e);
    static final FieldDef SNN = FieldDef.bool("gtp.flags.snn", "Is SNDCP N-PDU included?", 8, 0x01)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef PRIME_VERSION = FieldDef.uint8("gtp.prim.flags.version", "Version").mask(0xe0);
    static final FieldDef HDR_LENGTH = FieldDef.bool("gtp.flags.hdr_length", "Header length", 8, 0x01)
            .tfs(new TrueFalse("6-Octet Header", "20-Octet Header"));
    static final FieldDef FLOW_LABEL = FieldDef.uint16("gtp.flow_label", "Flow label").hex();
    static final FieldDef SNDCP = FieldDef.uint8("gtp.sndcp_number", "SNDCP N-PDU LLC Number").hex();
    static final FieldDef TID = FieldDef.string("gtp.tid", "TID");

    static final List<FieldDef> FIELDS = List.of(RESERVED, SNN, PRIME_VERSION, HDR_LENGTH, FLOW_LABEL, SNDCP, TID);

    private GtpOldHeaders() {}

    /** Adds the flags, type, length and the rest of a version 0 header; returns where the IEs start. */
    static int v0(Tvb tvb, ProtoItem gtp) {
        ProtoItem flags = gtp.add(GtpDissector.FLAGS, tvb, 0, 1);
        flags.add(GtpDissector.VERSION, tvb, 0, 1);
        flags.add(GtpDissector.PAYLOAD, tvb, 0, 1);
        flags.add(RESERVED, tvb, 0, 1);
        flags.add(SNN, tvb, 0, 1);
        gtp.add(GtpDissector.MESSAGE, tvb, 1, 1);
        gtp.add(GtpDissector.LENGTH, tvb, 2, 2);
        gtp.add(GtpDissector.SEQ, tvb, 4, 2);
        gtp.add(FLOW_LABEL, tvb, 6, 2);
        gtp.add(SNDCP, tvb, 8, 1);
        gtp.addString(TID, tvb, 12, 8, tid(tvb, 12));
        return V0_HEADER;
    }

    /** The TID's 16 BCD digits, low nibble first; tshark shows a filler nibble as a blank. */
    static String tid(Tvb tvb, int off) {
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            int b = tvb.u8(off + i);
            s.append(digit(b & 0x0f)).append(digit(b >> 4));
        }
        return s.toString();
    }

    private static char digit(int nibble) {
        return nibble == 0x0f ? ' ' : Character.forDigit(nibble, 16);
    }

    /** Adds a GTP' header; returns where the IEs start (a version 0 header may announce 20 octets). */
    static int prime(Tvb tvb, ProtoItem gtp) {
        int f = tvb.u8(0);
        ProtoItem flags = gtp.add(GtpDissector.FLAGS, tvb, 0, 1);
        flags.add(PRIME_VERSION, tvb, 0, 1);
        flags.add(GtpDissector.PAYLOAD, tvb, 0, 1);
        flags.add(RESERVED, tvb, 0, 1);
        boolean longHeader = false;
        if ((f >> 5) == 0) {
            flags.add(HDR_LENGTH, tvb, 0, 1);
            longHeader = (f & 0x01) == 0;
        }
        gtp.add(GtpDissector.MESSAGE, tvb, 1, 1);
        gtp.add(GtpDissector.LENGTH, tvb, 2, 2);
        gtp.add(GtpDissector.SEQ, tvb, 4, 2);
        if (longHeader) {
            tvb.bytes(PRIME_HEADER, V0_HEADER - PRIME_HEADER); // the 14 spare octets of the long header
            return V0_HEADER;
        }
        return PRIME_HEADER;
    }
}
