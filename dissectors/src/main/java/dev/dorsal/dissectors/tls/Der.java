package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.Tvb;

/**
 * Reads DER (ITU-T X.690) tag-length-value headers from a {@link Tvb}, enough to walk an X.509
 * certificate: the JDK parses certificates but hides where each element lies, which the tree needs.
 *
 * <pre>{@code
 * Der.Tlv seq = Der.read(tvb, offset, end);     // 30 82 03 c2 ...: SEQUENCE, 962 content bytes
 * for (int at = seq.content(); at < seq.end(); ) { Der.Tlv e = Der.read(tvb, at, seq.end()); at = e.end(); }
 * }</pre>
 */
final class Der {
    private Der() {}

    static final int UNIVERSAL = 0;
    static final int CONTEXT = 2;

    static final int BOOLEAN = 1;
    static final int INTEGER = 2;
    static final int BIT_STRING = 3;
    static final int OCTET_STRING = 4;
    static final int NULL = 5;
    static final int OID = 6;
    static final int ENUMERATED = 10;
    static final int UTF8_STRING = 12;
    static final int SEQUENCE = 16;
    static final int SET = 17;
    static final int PRINTABLE_STRING = 19;
    static final int TELETEX_STRING = 20;
    static final int IA5_STRING = 22;
    static final int UTC_TIME = 23;
    static final int GENERALIZED_TIME = 24;
    static final int UNIVERSAL_STRING = 28;
    static final int BMP_STRING = 30;

    /** One element: its tag and where its header and content lie. */
    record Tlv(int tagClass, boolean constructed, int tag, int start, int content, int length) {
        int end() {
            return content + length;
        }

        boolean is(int cls, int number) {
            return tagClass == cls && tag == number;
        }

        boolean universal(int number) {
            return tagClass == UNIVERSAL && tag == number;
        }
    }

    /** Reads the element at {@code offset}; its content must end by {@code limit}. */
    static Tlv read(Tvb tvb, int offset, int limit) {
        int at = offset;
        int first = tvb.u8(at++);
        int cls = first >> 6;
        boolean constructed = (first & 0x20) != 0;
        int tag = first & 0x1f;
        if (tag == 0x1f) {
            tag = 0;
            int b;
            do {
                b = tvb.u8(at++);
                tag = (tag << 7) | (b & 0x7f);
            } while ((b & 0x80) != 0 && tag < (1 << 24));
        }
        int len = tvb.u8(at++);
        if (len == 0x80) {
            throw new MalformedException("indefinite length in DER at " + offset);
        }
        if ((len & 0x80) != 0) {
            int n = len & 0x7f;
            if (n > 4) {
                throw new MalformedException("DER length of " + n + " bytes at " + offset);
            }
            len = (int) tvb.uint(at, n);
            at += n;
            if (len < 0) {
                throw new MalformedException("DER length overflow at " + offset);
            }
        }
        if ((long) at + len > limit) {
            throw new MalformedException("DER element at " + offset + " runs past " + limit);
        }
        return new Tlv(cls, constructed, tag, offset, at, len);
    }

    /** The dotted text of an OBJECT IDENTIFIER's content bytes. */
    static String oid(Tvb tvb, int offset, int length) {
        StringBuilder sb = new StringBuilder(32);
        long value = 0;
        boolean first = true;
        for (int i = 0; i < length; i++) {
            int b = tvb.u8(offset + i);
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = value < 40 ? 0 : value < 80 ? 1 : 2;
                    sb.append(top).append('.').append(value - 40L * top);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }

    /** A signed INTEGER of up to 8 content bytes. */
    static long integer(Tvb tvb, int offset, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | tvb.u8(offset + i);
        }
        if (length > 0 && length < 8 && (tvb.u8(offset) & 0x80) != 0) {
            v -= 1L << (8 * length);
        }
        return v;
    }
}
