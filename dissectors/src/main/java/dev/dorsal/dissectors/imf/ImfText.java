package dev.dorsal.dissectors.imf;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;

/**
 * The byte-level helpers IMF reads a message with, each as tshark's primitive behaves: a bounded
 * search for a byte, a string item whose length may be "to the end" (-1) or wrong (less than -1, a
 * malformed packet), text formatted for Info and labels, and GLib's lenient base64 decoding.
 */
final class ImfText {
    private ImfText() {}

    /**
     * The offset of the first {@code b} in the {@code max} captured bytes from {@code off} (all the rest
     * when {@code max} is negative), or -1; a start past the data is an error.
     */
    static int find(Tvb tvb, int off, int max, int b) {
        if (off < 0 || off > tvb.length()) {
            tvb.bytes(off, 0);
        }
        int limit = tvb.length() - off;
        if (max >= 0 && limit > max) {
            limit = max;
        }
        byte[] d = tvb.backingArray();
        int base = tvb.start();
        for (int i = off; i < off + limit; i++) {
            if (d[base + i] == (byte) b) {
                return i;
            }
        }
        return -1;
    }

    /** GLib's g_ascii_isspace: space, tab, LF, VT, FF, CR. */
    static boolean space(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** The length of an item at {@code off}: -1 is "to the end", less is malformed, beyond the data is cut. */
    static int length(Tvb tvb, int off, int len) {
        if (len == -1) {
            tvb.bytes(off, 0);
            return tvb.length() - off;
        }
        if (len < -1) {
            throw new MalformedException("item length " + len + " at " + off);
        }
        if (!tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        return len;
    }

    /**
     * Adds {@code f} over {@code len} bytes at {@code off} with their ASCII value (ENC_ASCII), flagged
     * as tshark flags it when text follows a NUL.
     */
    static ProtoItem string(ProtoItem parent, FieldDef f, Tvb tvb, int off, int len) {
        int n = length(tvb, off, len);
        ProtoItem item = parent.addString(f, tvb, off, n, AsciiText.of(tvb, off, n));
        if (item != parent && AsciiText.strayAfterNul(tvb, off, n)) {
            item.expert(StringErrors.TRAILING_STRAY);
        }
        return item;
    }

    /** The bytes escaped as tshark's format_text shows them in Info. */
    static String format(Tvb tvb, int off, int len) {
        if (len <= 0) {
            return "";
        }
        return FormatText.format(tvb.backingArray(), tvb.start() + off, len);
    }

    /** The bytes as tshark's format_text_wsp shows them: white space (line ends too) as a blank. */
    static String formatWsp(Tvb tvb, int off, int len) {
        if (len <= 0) {
            return "";
        }
        byte[] b = tvb.bytes(off, len);
        for (int i = 0; i < b.length; i++) {
            if (space(b[i])) {
                b[i] = ' ';
            }
        }
        return FormatText.format(b, 0, b.length);
    }

    /**
     * Decodes base64 as GLib's g_base64_decode does: characters outside the alphabet are skipped,
     * every four alphabet characters (padding counted) give three bytes less one per padding
     * character among the last two, and a group left incomplete at the end gives nothing.
     */
    static byte[] base64(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4);
        int v = 0;
        int n = 0;
        int pad = 0;
        for (byte c : in) {
            int r = rank(c);
            if (r < 0) {
                continue;
            }
            if (c == '=') {
                pad++;
            } else if (n == 0) {
                pad = 0;
            }
            v = (v << 6) | r;
            if (++n == 4) {
                int keep = 3 - Math.min(2, pad);
                out.write((v >> 16) & 0xff);
                if (keep > 1) {
                    out.write((v >> 8) & 0xff);
                }
                if (keep > 2) {
                    out.write(v & 0xff);
                }
                n = 0;
                v = 0;
                pad = 0;
            }
        }
        return out.toByteArray();
    }

    private static int rank(byte c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : c == '=' ? 0 : -1;
    }
}
