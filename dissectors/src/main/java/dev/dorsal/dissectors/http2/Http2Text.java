package dev.dorsal.dissectors.http2;

import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/** Small helpers of the HTTP/2 dissector: tshark's ASCII strings, and marking items generated. */
final class Http2Text {
    private Http2Text() {}

    /** {@code len} bytes at {@code off} as tshark reads an ASCII string: each byte above 0x7f becomes U+FFFD. */
    static String ascii(Tvb tvb, int off, int len) {
        return ascii(tvb.bytes(off, Math.max(0, len)));
    }

    static String ascii(byte[] b) {
        char[] out = new char[b.length];
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            out[i] = c < 0x80 ? (char) c : '\uFFFD';
        }
        return new String(out);
    }

    /** Marks {@code item} generated unless it is {@code parent} itself (a field nobody wanted); returns it. */
    static ProtoItem generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
        return item;
    }
}
