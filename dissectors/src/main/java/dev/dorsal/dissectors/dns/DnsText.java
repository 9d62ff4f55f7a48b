package dev.dorsal.dissectors.dns;

import dev.dorsal.dissectors.text.FormatText;

/**
 * Turns raw DNS bytes into the text tshark shows: printable ASCII as is, control bytes as C escapes
 * ({@code \n}, {@code \001}), valid UTF-8 kept, and each byte of an invalid sequence as U+FFFD.
 * Also formats second counts the way TTLs and SOA intervals are labelled ({@code 1 hour, 5 minutes}).
 */
final class DnsText {
    private DnsText() {}

    /**
     * {@code len} bytes read as tshark reads an ASCII character-string: bytes from 0x80 up become
     * U+FFFD, and the string ends at the first NUL. Control characters stay raw (labels escape them).
     */
    static String ascii(byte[] data, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end && data[i] > 0) {
            i++;
        }
        if (i == end || data[i] == 0) {
            return new String(data, off, i - off, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(len);
        for (i = off; i < end && data[i] != 0; i++) {
            sb.append(data[i] > 0 ? (char) data[i] : '\uFFFD');
        }
        return sb.toString();
    }

    /**
     * True when tshark flags an ASCII string of {@code len} bytes with "Trailing stray characters": it
     * ends at a NUL and a non-NUL follows within the first {@code len} bytes of the decoded text (where
     * each byte from 0x80 up already took the three bytes of U+FFFD).
     */
    static boolean strayAfterNul(byte[] data, int off, int len) {
        byte[] d = asciiUtf8(data, off, len);
        int nul = 0;
        while (nul < d.length && d[nul] != 0) {
            nul++;
        }
        for (int i = nul; i < len; i++) {
            if (d[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The escaped text of the first {@code len} bytes of the ASCII decoding (as UTF-8) of {@code len}
     * bytes: how CAA property values show, NULs included and a U+FFFD cut by the length shown as one.
     */
    static String formatAscii(byte[] data, int off, int len) {
        byte[] d = asciiUtf8(data, off, len);
        return FormatText.format(d, 0, Math.min(len, d.length));
    }

    /**
     * At most {@code len} bytes (as UTF-8) of the ASCII decoding, ending at a NUL: how HINFO shows its
     * strings in Info and in the record's label. tshark may cut a U+FFFD in two there; it is left out.
     */
    static String asciiPrefix(byte[] data, int off, int len) {
        String s = ascii(data, off, len);
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            bytes += s.charAt(i) < 0x80 ? 1 : 3;
            if (bytes > len) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /**
     * {@code len} bytes read as tshark reads a UTF-8 string: up to the first NUL, control characters
     * raw, each invalid sequence as U+FFFD.
     */
    static String utf8(byte[] data, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int i = off;
        int end = off + len;
        while (i < end && data[i] != 0) {
            if (data[i] > 0) {
                sb.append((char) data[i]);
                i++;
            } else {
                i = FormatText.appendUtf8Sequence(sb, data, i, end, false);
            }
        }
        return sb.toString();
    }

    private static byte[] asciiUtf8(byte[] data, int off, int len) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(len + 8);
        for (int i = off; i < off + len; i++) {
            if (data[i] >= 0) {
                out.write(data[i]);
            } else {
                out.write(0xef);
                out.write(0xbf);
                out.write(0xbd);
            }
        }
        return out.toByteArray();
    }
}
