package dev.dorsal.dissectors.eth;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Splits the bytes after an Ethernet payload into padding, trailer and frame check sequence, the way
 * tshark 4.0 does by default (padding must be zeros; the FCS is guessed when its presence is unknown).
 *
 * <pre>
 * | payload (as long as the upper layer says) | padding to 60 bytes | trailer | FCS (4) |
 * </pre>
 *
 * Padding can only exist when the frame is at least 60 bytes long and would be shorter without the
 * extra bytes. An FCS is assumed when the caller knows there is one, or when it does not know and
 * the frame claims 64 bytes or more with at least 4 bytes left over.
 */
final class EthernetTrailer {
    private static final int MIN_FRAME = 60;

    static final ExpertDef PADDING_BAD = new ExpertDef("eth.padding_bad",
            "Padding identification may be inaccurate and impact trailer dissector",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.NOTE);
    private static final String NO_ZERO_PADDING =
            "Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.";
    /** eth.fcs.status when the checksum is not checked (tshark's default). */
    private static final int FCS_UNVERIFIED = 2;

    private EthernetTrailer() {}

    /**
     * Adds padding, trailer and FCS items under {@code headerTree} for the bytes of {@code trailer}
     * (the part of {@code frameTvb} after the payload); {@code fcsLen} is 0, 4 or
     * {@link EthertypeCall#FCS_UNKNOWN}.
     */
    static void add(PacketInfo pinfo, ProtoItem headerTree, FieldDef trailerField, Tvb frameTvb, Tvb trailer,
            int fcsLen) {
        int length = trailer.length();
        int reported = trailer.reportedLength();
        int packetLength = pinfo.frame().originalLength();
        boolean maybePadded = packetLength >= MIN_FRAME && packetLength - reported < MIN_FRAME;
        int padding = 0;
        if (maybePadded) {
            padding = MIN_FRAME - (packetLength - reported);
            for (int i = 0; i < padding; i++) {
                if (trailer.u8(i) != 0) {
                    padding = 0;
                    break;
                }
            }
            if (padding > 0) {
                Items.add(headerTree, EthernetDissector.PADDING, trailer, 0, padding);
                length -= padding;
                reported -= padding;
            }
        }
        boolean hasFcs = false;
        if (fcsLen != 0 && (fcsLen == 4 || (frameTvb.reportedLength() >= 64 && reported >= 4))) {
            hasFcs = true;
            reported -= 4;
            // When the FCS was cut off by the snaplen, only what was captured of the trailer remains.
            length = length < reported + 4 ? Math.min(length, reported) : length - 4;
        }
        if (length > 0) {
            ProtoItem ti = Items.add(headerTree, trailerField, trailer, padding, length);
            if (maybePadded && padding == 0) {
                ti.expert(PADDING_BAD, NO_ZERO_PADDING);
            }
        }
        if (hasFcs) {
            int at = padding + length;
            long fcs = trailer.u32(at);
            ProtoItem ti = headerTree.addUint(EthernetDissector.FCS, trailer, at, 4, fcs);
            if (headerTree.tree().detailed()) {
                ti.setText("Frame check sequence: 0x" + hex8(fcs) + " [unverified]");
            }
            headerTree.addUint(EthernetDissector.FCS_STATUS, trailer, at, 0, FCS_UNVERIFIED).setGenerated(); // no bytes (PDML)
        }
    }

    private static String hex8(long v) {
        String s = Long.toHexString(v);
        return "00000000".substring(s.length()) + s;
    }
}
