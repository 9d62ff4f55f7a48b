package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Reads a SACK option (RFC 2018): up to four left/right edge pairs, shown relative to the peer's
 * initial sequence number, with {@code SLE=… SRE=…} in Info. Flags a D-SACK (RFC 2883 §4) when the
 * first block lies below the acknowledgment number or inside the second block, and remembers the
 * blocks for the bytes-in-flight count.
 */
final class TcpSack {
    private TcpSack() {}

    static void dissect(Tvb tvb, int off, int len, ProtoItem options, TcpSegment seg, Columns cols, boolean detailed) {
        ProtoItem item = TcpOptions.node(options, TcpOptions.OPT_SACK, tvb, off, len);
        if (detailed && item != options) {
            item.setText("TCP Option - SACK");
        }
        item.add(TcpOptions.KIND, tvb, off, 1);
        item.add(TcpOptions.LEN, tvb, off + 1, 1);
        if (detailed) {
            options.appendText(", SACK");
        }
        TcpFlow peer = seg.rev;
        // Edges are shown relative when the numbers are (tcp.relative_sequence_numbers), else raw.
        int base = seg.relative && peer != null && peer.baseSeqSet ? peer.baseSeq : 0;
        String suffix = seg.relative ? " (relative)" : "";
        StringBuilder label = detailed ? new StringBuilder("TCP Option - SACK") : null;
        int blocks = 0;
        int firstLeft = 0;
        int firstRight = 0;
        int secondLeft = 0;
        int secondRight = 0;
        int at = off + 2;
        int left = len - 2;
        TcpFlow own = seg.fwd;
        if (own != null) {
            own.clearSacks();
        }
        while (left > 0) {
            if (left < 4) {
                malformed(item, tvb, at, left);
                break;
            }
            int le = (int) tvb.u32(at) - base;
            ProtoItem leItem = item.addUint(TcpOptions.SACK_LE, tvb, at, 4, le & 0xffffffffL);
            if (detailed && leItem != item) {
                leItem.setText("left edge = " + Integer.toUnsignedString(le) + suffix);
            }
            left -= 4;
            if (left < 4) {
                malformed(item, tvb, at, left);
                break;
            }
            int re = (int) tvb.u32(at + 4) - base;
            left -= 4;
            ProtoItem reItem = item.addUint(TcpOptions.SACK_RE, tvb, at + 4, 4, re & 0xffffffffL);
            if (detailed && reItem != item) {
                reItem.setText("right edge = " + Integer.toUnsignedString(re) + suffix);
            }
            if (cols.enabled()) {
                cols.appendInfo(" SLE=" + Integer.toUnsignedString(le) + " SRE=" + Integer.toUnsignedString(re));
            }
            if (blocks == 0) {
                firstLeft = le;
                firstRight = re;
            } else if (blocks == 1) {
                secondLeft = le;
                secondRight = re;
            }
            if (own != null) {
                own.addSack(le, re);
            }
            blocks++;
            if (label != null) {
                label.append(' ').append(Integer.toUnsignedString(le)).append('-').append(Integer.toUnsignedString(re));
            }
            at += 8;
        }
        if (label != null && item != options) {
            item.setText(label.toString());
        }
        TcpAnalysis.generated(item, item.addUint(TcpOptions.SACK_COUNT, tvb, 0, 0, blocks));
        if (blocks == 0) {
            return;
        }
        boolean belowAck = firstLeft - seg.ack < 0;
        boolean insideSecond = blocks > 1 && firstLeft - secondLeft >= 0 && firstRight - secondRight <= 0;
        if (belowAck || insideSecond) {
            ProtoItem dle = item.addUint(TcpOptions.DSACK_LE, tvb, off + 2, 4, firstLeft & 0xffffffffL);
            ProtoItem dre = item.addUint(TcpOptions.DSACK_RE, tvb, off + 6, 4, firstRight & 0xffffffffL);
            if (detailed) {
                if (dle != item) {
                    dle.setGenerated().setText("D-SACK Left Edge = " + Integer.toUnsignedString(firstLeft) + suffix);
                }
                if (dre != item) {
                    dre.setGenerated().setText("D-SACK Right Edge = " + Integer.toUnsignedString(firstRight) + suffix);
                }
            } else {
                TcpAnalysis.generated(item, dle);
                TcpAnalysis.generated(item, dre);
            }
            ProtoItem seq = item.addText(tvb, off + 2, 8, "D-SACK Sequence");
            seq.expert(TcpOptions.E_DSACK);
        }
    }

    private static void malformed(ProtoItem item, Tvb tvb, int at, int left) {
        ProtoItem bad = item.addText(tvb, at, left, "suboption would go past end of option");
        bad.expert(TcpOptions.E_SUBOPTION_MALFORMED);
    }
}
