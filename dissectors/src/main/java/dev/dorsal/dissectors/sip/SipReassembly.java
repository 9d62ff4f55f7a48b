package dev.dorsal.dissectors.sip;

import dev.dorsal.dissectors.text.TextLine;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Tvb;

/**
 * Finds where a SIP message over TCP ends (tshark's req_resp_hdrs_do_reassembly as SIP uses it): at
 * the blank line after the headers plus the Content-Length of the body. When the data stops before,
 * asks TCP for more (one more segment for headers, the missing body bytes for a body).
 */
final class SipReassembly {
    private SipReassembly() {}

    /** The length of the message at {@code offset}, or -1 after asking TCP for more data. */
    static int messageLength(Tvb tvb, int offset, PacketInfo pinfo) {
        int end = tvb.length();
        int p = offset;
        long contentLength = -1;
        boolean blank = false;
        while (p < end) {
            TextLine line = TextLine.at(tvb, p);
            boolean ended = line.next() > line.offset() + line.length();
            if (!ended) {
                break;
            }
            p = line.next();
            if (line.length() == 0) {
                blank = true;
                break;
            }
            String text = tvb.ascii(line.offset(), line.length());
            if (text.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                contentLength = parse(text.substring(15));
            }
        }
        if (!blank) {
            if (pinfo.canDesegment() && tvb.length() >= tvb.reportedLength()) {
                pinfo.setDesegment(offset, PacketInfo.ONE_MORE_SEGMENT);
                return -1;
            }
            return tvb.reportedLength() - offset;
        }
        if (contentLength < 0) {
            return tvb.reportedLength() - offset;
        }
        long want = (long) p - offset + contentLength;
        long have = tvb.reportedLength() - offset;
        if (want > have) {
            if (pinfo.canDesegment()) {
                pinfo.setDesegment(offset, (int) Math.min(want - have, Integer.MAX_VALUE / 2));
                return -1;
            }
            return (int) have;
        }
        return (int) want;
    }

    private static long parse(String s) {
        String t = s.trim();
        long v = 0;
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + t.charAt(i) - '0';
            i++;
        }
        return i == 0 ? -1 : v;
    }
}
