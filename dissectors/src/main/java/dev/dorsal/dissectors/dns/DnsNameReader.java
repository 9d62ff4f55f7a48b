package dev.dorsal.dissectors.dns;

import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.Tvb;

/**
 * Reads a domain name (RFC 1035 §4.1.4) at an offset of a DNS message, following compression pointers.
 *
 * <pre>
 *   03 'w' 'w' 'w' c0 0c     label "www", then a pointer to offset 12 of the message
 * </pre>
 *
 * <p>Never loops forever: a pointer to itself or more than {@value #MAX_POINTERS} pointers give the name
 * {@code <Name contains a pointer that loops>}, and a name longer than 253 characters is shown as
 * {@code <Name too long>} (its bytes are still walked). An unknown extended label (0x40) ends the name as
 * {@code <Unknown extended label>}; binary (0x41) and reserved (0x80) labels, and names running off the
 * message, throw as tshark does. The empty name is {@code <Root>}.
 * One reader is reused for every name of a message; read the results right after {@link #read}.
 */
final class DnsNameReader {
    static final String ROOT = "<Root>";
    static final String LOOPS = "<Name contains a pointer that loops>";
    static final String TOO_LONG = "<Name too long>";
    static final String EXTENDED = "<Unknown extended label>";
    /** Characters a name may have, the first label counting one extra as tshark's buffer does. */
    private static final int MAX_CHARS = 255;
    private static final int MAX_POINTERS = 255;

    private final byte[] buf = new byte[MAX_CHARS];
    private int bufLen;
    /** Bytes the name occupies where it was read (up to and including the first pointer). */
    int used;
    /** Name length tshark reports: raw characters collected, or the length of a placeholder name. */
    int nameLength;
    /** The name as text, or null when text was not asked for. */
    String name;
    /** Dots in the collected name, for the label count. */
    private int dots;

    /**
     * Reads the name at {@code offset} of {@code tvb}; {@code msgStart} is where the DNS message starts
     * (pointers count from there). With {@code wantText} false only lengths are computed.
     */
    void read(Tvb tvb, int offset, int msgStart, boolean wantText) {
        int start = offset;
        int off = offset;
        int usedLen = -1;
        int pointers = 0;
        int budget = MAX_CHARS;
        bufLen = 0;
        dots = 0;
        boolean first = true;
        String special = null;
        while (true) {
            int len = tvb.u8(off);
            off++;
            if (len == 0) {
                break;
            }
            switch (len & 0xc0) {
                case 0x00 -> {
                    if (!first) {
                        if (budget > 0) {
                            buf[bufLen++] = '.';
                            dots++;
                            budget--;
                        }
                    } else {
                        budget--;
                        first = false;
                    }
                    // Read every byte so a label running off the message fails here, as in tshark.
                    if (!tvb.has(off, len)) {
                        tvb.u8(off + len - 1);
                    }
                    byte[] data = tvb.backingArray();
                    int base = tvb.start() + off;
                    for (int i = 0; i < len; i++) {
                        if (budget > 0) {
                            byte c = data[base + i];
                            buf[bufLen++] = c;
                            if (c == '.') {
                                dots++;
                            }
                            budget--;
                        }
                    }
                    off += len;
                }
                case 0xc0 -> {
                    int pointerAt = off - 1;
                    int target = msgStart + (((len & 0x3f) << 8) | tvb.u8(off));
                    off++;
                    pointers++;
                    if (usedLen < 0) {
                        usedLen = off - start;
                    }
                    if (target == pointerAt || pointers > MAX_POINTERS) {
                        special = LOOPS;
                        break;
                    }
                    off = target;
                }
                case 0x40 -> {
                    if (len == 0x41) {
                        throw new MalformedException("DNS binary label (RFC 2673) not supported");
                    }
                    // An unknown extended label (RFC 6891 §4.2) ends the name, as in tshark, which also
                    // refuses a name of that label alone (under its 2-byte minimum).
                    if (usedLen < 0 && off - start < 2) {
                        throw new MalformedException("DNS name is only an extended label");
                    }
                    special = EXTENDED;
                }
                default -> throw new MalformedException("DNS label type 0x" + Integer.toHexString(len & 0xc0));
            }
            if (special != null) {
                break;
            }
        }
        if (usedLen < 0) {
            usedLen = off - start;
        }
        used = usedLen;
        if (special == null) {
            if (budget <= 0) {
                special = TOO_LONG;
            } else if (bufLen == 0) {
                special = ROOT;
            }
        }
        if (special != null) {
            nameLength = special.length();
            dots = 0;
            name = special;
        } else {
            nameLength = bufLen;
            name = wantText ? FormatText.format(buf, 0, bufLen) : null;
        }
    }

    /** tshark's [Name Length]: 0 for one-character names. */
    int displayLength() {
        return nameLength > 1 ? nameLength : 0;
    }

    /** tshark's [Label Count]: dots plus one, 0 for one-character names. */
    int labelCount() {
        return nameLength > 1 ? dots + 1 : 0;
    }
}
