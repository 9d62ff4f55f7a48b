package dev.dorsal.dissectors.nbns;

import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.Locale;

/**
 * NetBIOS names (RFC 1001 §14, RFC 1002 §4.1): the 16-byte name whose last byte is the name type,
 * its first-level encoding (each nibble plus 'A', 32 characters) and the DNS-style labels around it,
 * written as tshark writes them: {@code WPAD<00>}, {@code FOO<1c>.corp.example.com}, unprintable
 * bytes as {@code <xx>} and trailing spaces dropped.
 */
public final class NetbiosNames {
    private NetbiosNames() {}

    /** Bytes of a NetBIOS name, type byte included. */
    public static final int NAME_LEN = 16;

    /** The services the name type (16th byte) announces, as tshark labels them. */
    public static final ValueString TYPES = ValueString.of(0x00, "Workstation/Redirector", 0x01, "Browser",
            0x02, "Workstation/Redirector", 0x03, "Messenger service/Main name", 0x05, "Forwarded name",
            0x06, "RAS Server service", 0x1b, "Domain Master Browser", 0x1c, "Domain Controllers",
            0x1d, "Local Master Browser", 0x1e, "Browser Election Service", 0x1f, "Net DDE Service",
            0x20, "Server service", 0x21, "RAS client service", 0x22, "Exchange Interchange (MSMail Connector)",
            0x23, "Exchange Store", 0x24, "Exchange Directory", 0x2b, "Lotus Notes Server service",
            0x30, "Modem sharing server service", 0x31, "Modem sharing client service",
            0x43, "SMS Clients Remote Control", 0x44, "SMS Administrators Remote Control Tool",
            0x45, "SMS Clients Remote Chat", 0x46, "SMS Clients Remote Transfer",
            0x4c, "DEC Pathworks TCP/IP Service on Windows NT", 0x52, "DEC Pathworks TCP/IP Service on Windows NT",
            0x6a, "Microsoft Exchange IMC", 0x87, "Microsoft Exchange MTA", 0xbe, "Network Monitor Agent",
            0xbf, "Network Monitor Analyzer");

    /** The label of a name type: its service, or {@code Unknown}. */
    public static String typeName(int type) {
        return TYPES.nameOr(type, "Unknown");
    }

    /** A decoded name: its text, its type (-1 when the name is not a valid NetBIOS name) and bytes used. */
    public record Name(String text, int type, int used) {
        public boolean valid() {
            return type >= 0;
        }
    }

    /** The 15 name characters at {@code off} and the type byte, as {@code NAME<xx>}. */
    public static String raw(Tvb tvb, int off) {
        return text(tvb.bytes(off, NAME_LEN));
    }

    /** The name part of a 16-byte name, trailing spaces dropped, unprintable bytes as {@code <xx>}. */
    public static String plain(byte[] name) {
        int end = NAME_LEN - 1;
        while (end > 0 && name[end - 1] == ' ') {
            end--;
        }
        StringBuilder sb = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            int c = name[i] & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append(String.format(Locale.ROOT, "<%02x>", c));
            }
        }
        return sb.toString();
    }

    static String text(byte[] name) {
        return plain(name) + String.format(Locale.ROOT, "<%02x>", name[NAME_LEN - 1] & 0xff);
    }

    /**
     * Reads the encoded name at {@code off} (DNS labels with compression pointers relative to
     * {@code msgStart}) and decodes its first label. An invalid first label gives tshark's
     * {@code Illegal NetBIOS name (…)} text and type -1.
     */
    public static Name read(Tvb tvb, int off, int msgStart) {
        Labels labels = Labels.read(tvb, off, msgStart);
        return decode(labels.first, labels.rest, labels.empty, labels.used);
    }

    /** Decodes a first-level encoded first label, then the scope labels after it. */
    static Name decode(byte[] first, String scope, boolean empty, int used) {
        // tshark decodes the text of the DNS name, "<Root>" for the empty one
        byte[] enc = empty ? "<Root>".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : first;
        if ((enc.length & 1) != 0) {
            return new Name("Illegal NetBIOS name (odd number of bytes)", -1, used);
        }
        byte[] name = new byte[NAME_LEN];
        int n = 0;
        for (int i = 0; i + 1 < enc.length && n < NAME_LEN; i += 2) {
            int hi = enc[i] & 0xff;
            if (hi < 'A' || hi > 'Z') {
                return new Name("Illegal NetBIOS name (1st character not between A and Z in first-level encoding)", -1,
                        used);
            }
            int lo = enc[i + 1] & 0xff;
            if (lo < 'A' || lo > 'Z') {
                return new Name("Illegal NetBIOS name (2nd character not between A and Z in first-level encoding)", -1,
                        used);
            }
            name[n++] = (byte) (((hi - 'A') << 4) | (lo - 'A'));
        }
        if (n < NAME_LEN) {
            return new Name("Illegal NetBIOS name (" + n + " bytes long)", -1, used);
        }
        return new Name(text(name) + scope, name[NAME_LEN - 1] & 0xff, used);
    }

    /** The labels of a DNS-encoded name: the first label's bytes, the rest as {@code .a.b}, bytes used. */
    record Labels(byte[] first, String rest, boolean empty, int used) {
        private static final int MAX_POINTERS = 255;
        private static final String LOOPS = "<Name contains a pointer that loops>";
        private static final String EXTENDED = "<Unknown extended label>";

        static Labels read(Tvb tvb, int offset, int msgStart) {
            int off = offset;
            int used = -1;
            int pointers = 0;
            byte[] first = null;
            StringBuilder rest = new StringBuilder();
            while (true) {
                int len = tvb.u8(off++);
                if (len == 0) {
                    break;
                }
                if ((len & 0xc0) == 0xc0) {
                    int target = msgStart + (((len & 0x3f) << 8) | tvb.u8(off));
                    off++;
                    if (used < 0) {
                        used = off - offset;
                    }
                    if (++pointers > MAX_POINTERS || target == off - 2) {
                        // as tshark's DNS name reader, the whole name becomes this text
                        return new Labels(LOOPS.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "", false, used);
                    }
                    off = target;
                    continue;
                }
                if ((len & 0xc0) == 0x40 && len != 0x41 && (used >= 0 || off - offset >= 2)) {
                    // as tshark's DNS name reader: an unknown extended label ends the name, which becomes this
                    return new Labels(EXTENDED.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "", false,
                            used >= 0 ? used : off - offset);
                }
                if ((len & 0xc0) != 0) {
                    throw new MalformedException("NetBIOS name label type 0x" + Integer.toHexString(len & 0xc0));
                }
                byte[] label = tvb.bytes(off, len);
                off += len;
                if (first == null) {
                    first = label;
                } else {
                    rest.append('.').append(new String(label, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
            if (used < 0) {
                used = off - offset;
            }
            return new Labels(first == null ? new byte[0] : first, rest.toString(), first == null, used);
        }
    }
}
