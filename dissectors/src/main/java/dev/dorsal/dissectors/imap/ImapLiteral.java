package dev.dorsal.dissectors.imap;

import dev.dorsal.engine.spi.Tvb;

/**
 * A {@code {N}} literal announced by an untagged FETCH response line, found as tshark 4.0.17 finds
 * it: the line starts with {@code *}, one of its words (not the first) is {@code FETCH}, a {@code (}
 * follows it and the literal's size is between the first {@code {} and {@code }} after that, all
 * three looked for to the end of the data (so a later line's size may count for this one). The N bytes after the line are the literal (IMF reads them) once N bytes have arrived after
 * the line's last character and a {@code )} from the last of them on: tshark counts from before the
 * line's CR LF, so a literal may be handed over two bytes short. A FETCH line without {@code (}, or
 * whose size does not read as a number, waits for more data for ever, as tshark's does.
 *
 * <pre>
 * * 12 FETCH (BODY[] {40}\r\n       the line
 * From: a@example.org\r\n ...       40 bytes for IMF
 * )\r\n                             a line again
 * </pre>
 */
record ImapLiteral(int length) {
    /** The line announces a literal that has not arrived (or never can): ask TCP for more. */
    static final ImapLiteral WAIT = new ImapLiteral(-1);

    /** The literal announced by the line at {@code offset}, {@link #WAIT}, or null when there is none. */
    static ImapLiteral find(Tvb tvb, int offset, int linelen, int next) {
        int end = offset + linelen;
        if (linelen == 0 || tvb.u8(offset) != '*') {
            return null;
        }
        int fetchEnd = -1;
        int i = offset;
        boolean firstWord = true;
        while (i <= end) {
            int j = i;
            while (j < end && tvb.u8(j) != ' ') {
                j++;
            }
            if (!firstWord && j - i == 5 && tvb.ascii(i, 5).equalsIgnoreCase("FETCH")) {
                fetchEnd = j;
                break;
            }
            firstWord = false;
            i = j + 1;
        }
        if (fetchEnd < 0) {
            return null;
        }
        // tshark looks for these to the end of the data, past the line: a later line's {N} counts
        int paren = indexOf(tvb, fetchEnd, tvb.length(), '(');
        if (paren < 0) {
            return WAIT;
        }
        int open = indexOf(tvb, paren + 1, tvb.length(), '{');
        if (open < 0) {
            return null;
        }
        int close = indexOf(tvb, open + 1, tvb.length(), '}');
        if (close < 0) {
            return WAIT;
        }
        long n = size(tvb, open + 1, close);
        if (n < 0) {
            return WAIT;
        }
        // tshark counts the N bytes from the line's end, its CR LF included, and wants a ')' from
        // the last of them on; the literal itself starts after the CR LF (and may lack its last bytes)
        if (tvb.length() - end < n || indexOf(tvb, (int) Math.max(0, end + n - 1), tvb.length(), ')') < 0) {
            return WAIT;
        }
        return new ImapLiteral((int) Math.min(n, tvb.length() - next));
    }

    /** The size between the braces: blanks, then decimal digits up to the brace, at most 2^32-1; else -1. */
    static long size(Tvb tvb, int from, int to) {
        int i = from;
        while (i < to && (tvb.u8(i) == ' ' || (tvb.u8(i) >= '\t' && tvb.u8(i) <= '\r'))) {
            i++;
        }
        if (i == to) {
            return -1;
        }
        long v = 0;
        for (; i < to; i++) {
            int c = tvb.u8(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > 0xffffffffL) {
                return -1;
            }
        }
        return v;
    }

    private static int indexOf(Tvb tvb, int from, int to, int b) {
        for (int i = from; i < to; i++) {
            if (tvb.u8(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
