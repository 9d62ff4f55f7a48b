package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Tvb;

/**
 * Decides whether a whole HTTP message is in the data, and if not asks TCP for more through the
 * desegmentation contract (tshark's req_resp_hdrs_do_reassembly): first until the blank line that
 * ends the headers, then for the body by Content-Length, by walking the chunks of a chunked body, or,
 * for a response with neither and no keep-alive, until the connection closes.
 *
 * <pre>
 *  HEADERS ──blank line──▶ BODY_LENGTH ──n bytes──▶ DONE
 *                     └──▶ CHUNK_SIZE ──size──▶ CHUNK_DATA ──▶ CHUNK_SIZE … ──0──▶ TRAILER ──▶ DONE
 * </pre>
 */
final class HttpReassembly {
    /** tshark's DESEGMENT_UNTIL_FIN: everything up to the end of the stream. */
    static final int UNTIL_FIN = 0x0ffffffe;
    /** Bodies at least this long that belong to MS-RPCH are not reassembled (their length is meaningless). */
    private static final int RPC_LENGTH = 128 * 1024;

    /** Where the scan of a message is. */
    enum State { HEADERS, BODY_LENGTH, CHUNK_SIZE, CHUNK_DATA, TRAILER, DONE }

    private HttpReassembly() {}

    /**
     * Returns true when the message at {@code offset} can be dissected now; false after asking TCP for
     * more (setDesegment with {@code offset}). {@code untilFin}: a response body without length runs to
     * the end of the connection.
     */
    static boolean complete(Tvb tvb, int offset, PacketInfo pinfo, boolean body, boolean untilFin) {
        if (!pinfo.canDesegment()) {
            return true;
        }
        int next = offset;
        long contentLength = -1;
        boolean contentTypeFound = false;
        boolean rpcContentType = false;
        boolean chunked = false;
        boolean keepAlive = false;
        State state = State.HEADERS;
        while (state == State.HEADERS) {
            if (tvb.reportedLength() - next < 1) {
                return more(pinfo, offset, PacketInfo.ONE_MORE_SEGMENT);
            }
            long le = HttpText.lineEnd(tvb, next, false);
            if (le < 0) {
                if (tvb.remaining(next) >= tvb.reportedLength() - next) {
                    return more(pinfo, offset, PacketInfo.ONE_MORE_SEGMENT);
                }
                break; // the rest was not captured: asking for more would not help
            }
            int start = next;
            int len = HttpText.lineLength(le);
            next = HttpText.nextLine(le);
            if (len == 0) {
                state = State.BODY_LENGTH;
                break;
            }
            if (!body) {
                continue;
            }
            if (startsWithIgnoreCase(tvb, start, len, "Content-Length:")) {
                contentLength = parseLength(tvb, start + 15, len - 15);
            } else if (startsWithIgnoreCase(tvb, start, len, "Content-Type:")) {
                contentTypeFound = true;
                int v = skipSpace(tvb, start + 13, start + len);
                rpcContentType = startsWith(tvb, v, start + len - v, "application/rpc");
            } else if (startsWithIgnoreCase(tvb, start, len, "Connection:")) {
                int v = skipSpace(tvb, start + 11, start + len);
                keepAlive = startsWithIgnoreCase(tvb, v, start + len - v, "Keep-Alive");
            } else if (startsWithIgnoreCase(tvb, start, len, "Transfer-Encoding:")) {
                int v = skipSpace(tvb, start + 18, start + len);
                chunked = startsWithIgnoreCase(tvb, v, start + len - v, "chunked");
            }
        }
        if (!body || state == State.HEADERS) {
            return true;
        }
        if (chunked) {
            return chunks(tvb, offset, next, pinfo);
        }
        if (contentLength >= 0) {
            if (contentLength >= RPC_LENGTH && (contentTypeFound && rpcContentType || rpcMethod(tvb))) {
                return true;
            }
            if (!tvb.has(next, (int) Math.min(contentLength, Integer.MAX_VALUE))) {
                int captured = tvb.remaining(next);
                if (captured < tvb.reportedLength() - next) {
                    return true; // not captured: asking for more would not help
                }
                return more(pinfo, offset, (int) Math.min(contentLength - captured, PacketInfo.ONE_MORE_SEGMENT - 2));
            }
            return true;
        }
        if (untilFin && !keepAlive) {
            return more(pinfo, offset, UNTIL_FIN);
        }
        return true;
    }

    /** Walks the chunks from {@code next}; asks for one more segment while a chunk is incomplete. */
    private static boolean chunks(Tvb tvb, int offset, int next, PacketInfo pinfo) {
        State state = State.CHUNK_SIZE;
        while (state != State.DONE) {
            int reportedLeft = tvb.reportedLength() - next;
            if (reportedLeft < 1) {
                return more(pinfo, offset, PacketInfo.ONE_MORE_SEGMENT);
            }
            int capturedLeft = tvb.remaining(next);
            long le = HttpText.lineEnd(tvb, next, false);
            if (le < 0) {
                if (capturedLeft >= reportedLeft) {
                    return more(pinfo, offset, PacketInfo.ONE_MORE_SEGMENT);
                }
                le = ((long) capturedLeft << 32) | (next + capturedLeft);
            }
            int lineLen = HttpText.lineLength(le);
            int chunkOffset = HttpText.nextLine(le);
            long size = chunkSize(tvb, next, lineLen);
            if (size > 0x7fffffffL) {
                return true; // an unreasonable chunk size: give up reassembling
            }
            if (size == 0) {
                state = State.TRAILER;
                long end = HttpText.lineEnd(tvb, chunkOffset, false);
                if (end < 0 && capturedLeft >= reportedLeft) {
                    return more(pinfo, offset, PacketInfo.ONE_MORE_SEGMENT);
                }
                state = State.DONE;
            } else {
                state = State.CHUNK_DATA;
                if (reportedLeft > size) {
                    next = (int) (chunkOffset + size + 2);
                    state = State.CHUNK_SIZE;
                } else {
                    return more(pinfo, offset, PacketInfo.ONE_MORE_SEGMENT);
                }
            }
        }
        return true;
    }

    private static boolean more(PacketInfo pinfo, int offset, int length) {
        pinfo.setDesegment(offset, length);
        return false;
    }

    /** The hexadecimal chunk size at the start of the line (extensions after ';' ignored), as strtol reads it. */
    static long chunkSize(Tvb tvb, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && Character.isWhitespace(tvb.u8(i))) {
            i++;
        }
        boolean negative = false;
        if (i < end && (tvb.u8(i) == '+' || tvb.u8(i) == '-')) {
            negative = tvb.u8(i) == '-';
            i++;
        }
        if (i + 1 < end && tvb.u8(i) == '0' && (tvb.u8(i + 1) | 0x20) == 'x') {
            i += 2;
        }
        long v = 0;
        while (i < end) {
            int c = tvb.u8(i);
            int d = Character.digit(c, 16);
            if (c == ';' || d < 0) {
                break;
            }
            v = v * 16 + d;
            if (v > 0xffffffffL) {
                v = 0x7fffffffffffL;
            }
            i++;
        }
        return negative ? -v & 0xffffffffL : v;
    }

    /** Decimal Content-Length after the header name; -1 when there are no digits. */
    private static long parseLength(Tvb tvb, int off, int len) {
        int i = skipSpace(tvb, off, off + len);
        int end = off + len;
        long v = 0;
        int digits = 0;
        while (i < end) {
            int c = tvb.u8(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            if (v > Integer.MAX_VALUE) {
                return -1;
            }
            digits++;
            i++;
        }
        return digits == 0 ? -1 : v;
    }

    private static boolean rpcMethod(Tvb tvb) {
        return tvb.has(0, 11) && (startsWith(tvb, 0, tvb.length(), "RPC_IN_DATA")
                || startsWith(tvb, 0, tvb.length(), "RPC_OUT_DATA"));
    }

    private static int skipSpace(Tvb tvb, int off, int end) {
        while (off < end && (tvb.u8(off) == ' ' || tvb.u8(off) == '\t')) {
            off++;
        }
        return off;
    }

    static boolean startsWithIgnoreCase(Tvb tvb, int off, int len, String s) {
        if (len < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int c = tvb.u8(off + i);
            int e = s.charAt(i);
            if (c != e && (c | 0x20) != (e | 0x20)) {
                return false;
            }
            if (c != e && !Character.isLetter(e)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(Tvb tvb, int off, int len, String s) {
        if (len < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (tvb.u8(off + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
