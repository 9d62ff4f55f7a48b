package dev.dorsal.dissectors.ospf;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the link-local signaling data block (RFC 5613) that follows an OSPF Hello or DB Description
 * whose L option bit is set: checksum, length in 32-bit words, then TLVs (extended options, RFC 5613
 * cryptographic authentication, others by type and length only).
 *
 * <pre>
 * | checksum (2) | length in words (2) | TLVs: | type (2) | length (2) | value |
 * </pre>
 */
final class OspfLls {
    static final FieldDef CHECKSUM = FieldDef.uint16("ospf.lls.checksum", "Checksum").hex();
    static final FieldDef DATA_LENGTH = FieldDef.uint16("ospf.lls.data_length", "LLS Data Length");
    static final FieldDef TLV_TYPE = FieldDef.uint16("ospf.tlv_type", "TLV Type");
    static final FieldDef TLV_LENGTH = FieldDef.uint16("ospf.tlv_length", "TLV Length");
    static final FieldDef EXT_OPTIONS = FieldDef.uint32("ospf.lls.ext.options", "Options").hex();
    static final FieldDef EXT_RS = FieldDef.bool("ospf.lls.ext.options.rs", "(RS) Restart Signal", 32, 0x2)
            .tfs(TrueFalse.SET);
    static final FieldDef EXT_LR = FieldDef.bool("ospf.lls.ext.options.lr", "(LR) LSDB Resynchronization", 32, 0x1)
            .tfs(TrueFalse.SET);
    static final FieldDef SEQUENCE = FieldDef.uint32("ospf.v2.lls.sequence_number", "Sequence number").hex();
    static final FieldDef AUTH_DATA = FieldDef.bytes("ospf.v2.lls.auth_data", "Auth Data");

    static final List<FieldDef> FIELDS = List.of(CHECKSUM, DATA_LENGTH, TLV_TYPE, TLV_LENGTH, EXT_OPTIONS, EXT_RS,
            EXT_LR, SEQUENCE, AUTH_DATA);

    private static final int EXTENDED_OPTIONS = 1;
    private static final int CRYPTO_AUTH = 2;

    private OspfLls() {}

    /** Adds the block at {@code off} under {@code ospf}. */
    static void dissect(Tvb tvb, int off, ProtoItem ospf) {
        int words = tvb.u16(off + 2);
        int length = words * 4;
        ProtoItem lls = ospf.addText(tvb, off, OspfDissector.clamp(tvb, off, length), "OSPF LLS Data Block");
        lls.add(CHECKSUM, tvb, off, 2);
        ProtoItem l = lls.addUint(DATA_LENGTH, tvb, off + 2, 2, length);
        if (l != lls) {
            l.setText("LLS Data Length: " + length + " bytes");
        }
        int end = off + length;
        for (int t = off + 4; t < end; ) {
            int type = tvb.u16(t);
            int tlen = tvb.u16(t + 2);
            String name = switch (type) {
                case EXTENDED_OPTIONS -> "Extended options TLV";
                case CRYPTO_AUTH -> "Crypto Authentication TLV";
                default -> "Unknown LLS TLV";
            };
            ProtoItem tlv = lls.addText(tvb, t, OspfDissector.clamp(tvb, t, 4 + tlen), name);
            tlv.add(TLV_TYPE, tvb, t, 2);
            tlv.add(TLV_LENGTH, tvb, t + 2, 2);
            if (type == EXTENDED_OPTIONS) {
                long v = tvb.u32(t + 4);
                ProtoItem o = tlv.add(EXT_OPTIONS, tvb, t + 4, 4);
                o.appendText(((v & 0x2) != 0 ? ", (RS) Restart Signal" : "")
                        + ((v & 0x1) != 0 ? ", (LR) LSDB Resynchronization" : ""));
                o.add(EXT_RS, tvb, t + 4, 4);
                o.add(EXT_LR, tvb, t + 4, 4);
            } else if (type == CRYPTO_AUTH) {
                tlv.add(SEQUENCE, tvb, t + 4, 4);
                tlv.add(AUTH_DATA, tvb, t + 8, tlen - 4);
            }
            t += 4 + tlen;
        }
    }
}
