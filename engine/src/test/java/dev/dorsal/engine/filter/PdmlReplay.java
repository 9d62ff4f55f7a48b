package dev.dorsal.engine.filter;

import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rebuilds packet trees from tshark's own dissection ({@code tshark -T pdml}, TZ=UTC), so the filter
 * engine can be checked against tshark independently of our dissectors: same nodes, same values,
 * same protocol layers. Fields the registry does not know are skipped (their children kept); byte
 * positions refer to the frame, or to the reassembled TCP data once a frame carries one.
 */
final class PdmlReplay {
    private static final DateTimeFormatter ABS = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss", Locale.ROOT);

    private final FieldRegistry registry;
    private final String text;
    private final java.util.BitSet interest;
    private int pos;

    private PdmlReplay(FieldRegistry registry, String text, java.util.BitSet interest) {
        this.registry = registry;
        this.text = text;
        this.interest = interest;
    }

    /** One tree per {@code <packet>}, in order; {@code frames} are the raw frame bytes in capture order. */
    static List<PacketTree> trees(String pdml, List<byte[]> frames, FieldRegistry registry) {
        return new PdmlReplay(registry, pdml, null).run(frames);
    }

    /** The same, keeping only the fields in {@code interest} (and protocols), as filtered dissection does. */
    static List<PacketTree> trees(String pdml, List<byte[]> frames, FieldRegistry registry, java.util.BitSet interest) {
        return new PdmlReplay(registry, pdml, interest).run(frames);
    }

    private record Tag(String name, Map<String, String> attrs, boolean close, boolean selfClose) {}

    private Tag nextTag() {
        int lt = text.indexOf('<', pos);
        if (lt < 0) {
            return null;
        }
        int p = lt + 1;
        if (text.startsWith("?", p) || text.startsWith("!", p)) {
            pos = text.indexOf('>', p) + 1;
            return nextTag();
        }
        boolean close = text.charAt(p) == '/';
        if (close) {
            p++;
        }
        int nameEnd = p;
        while (Character.isLetterOrDigit(text.charAt(nameEnd)) || text.charAt(nameEnd) == '-') {
            nameEnd++;
        }
        String name = text.substring(p, nameEnd);
        Map<String, String> attrs = new HashMap<>();
        p = nameEnd;
        while (true) {
            while (Character.isWhitespace(text.charAt(p))) {
                p++;
            }
            char c = text.charAt(p);
            if (c == '>') {
                pos = p + 1;
                return new Tag(name, attrs, close, false);
            }
            if (c == '/') {
                pos = p + 2;
                return new Tag(name, attrs, close, true);
            }
            int eq = text.indexOf('=', p);
            String key = text.substring(p, eq).trim();
            int q1 = text.indexOf('"', eq);
            int q2 = text.indexOf('"', q1 + 1);
            attrs.put(key, unescape(text.substring(q1 + 1, q2)));
            p = q2 + 1;
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '&') {
                b.append(c);
                continue;
            }
            int semi = s.indexOf(';', i);
            String ent = s.substring(i + 1, semi);
            switch (ent) {
                case "quot" -> b.append('"');
                case "amp" -> b.append('&');
                case "lt" -> b.append('<');
                case "gt" -> b.append('>');
                case "apos" -> b.append('\'');
                default -> b.appendCodePoint(ent.startsWith("#x") ? Integer.parseInt(ent.substring(2), 16)
                        : Integer.parseInt(ent.substring(1)));
            }
            i = semi;
        }
        return b.toString();
    }

    private List<PacketTree> run(List<byte[]> frames) {
        List<PacketTree> out = new ArrayList<>();
        Deque<ProtoItem> stack = new ArrayDeque<>();
        Deque<Boolean> created = new ArrayDeque<>();
        PacketTree tree = null;
        Tvb frameTvb = null;
        Tvb tvb = null;
        int skipDepth = 0;
        for (Tag t; (t = nextTag()) != null; ) {
            if (t.name().equals("packet")) {
                if (!t.close()) {
                    tree = interest == null ? new PacketTree(true, null) : new PacketTree(false, interest);
                    byte[] data = frames.get(out.size());
                    frameTvb = Tvb.of(new DataSource("Frame", data));
                    tvb = frameTvb;
                    stack.clear();
                    created.clear();
                    stack.push(tree.root());
                } else {
                    out.add(tree);
                }
                continue;
            }
            if (!t.name().equals("proto") && !t.name().equals("field")) {
                continue;
            }
            if (t.close()) {
                if (skipDepth > 0) {
                    skipDepth--;
                    continue;
                }
                if (created.pop()) {
                    stack.pop();
                }
                continue;
            }
            if (skipDepth > 0 || "geninfo".equals(t.attrs().get("name"))) {
                if (!t.selfClose()) {
                    skipDepth++;
                }
                continue;
            }
            String name = t.attrs().getOrDefault("name", "");
            if (name.equals("tcp.reassembled.data") && t.attrs().containsKey("value")) {
                tvb = Tvb.of(new DataSource("Reassembled TCP", hex(t.attrs().get("value"))));
            }
            ProtoItem parent = stack.peek();
            ProtoItem node = t.name().equals("proto") ? protocol(parent, name, t.attrs(), tvb)
                    : field(parent, name, t.attrs(), tvb);
            if (!t.selfClose()) {
                created.push(node != null);
                if (node != null) {
                    stack.push(node);
                }
            }
        }
        return out;
    }

    private ProtoItem protocol(ProtoItem parent, String name, Map<String, String> a, Tvb tvb) {
        ProtocolDef p = registry.protocol(name);
        if (p == null) {
            return null;
        }
        return parent.addProtocol(p, tvb, intAttr(a, "pos"), intAttr(a, "size"));
    }

    private ProtoItem field(ProtoItem parent, String name, Map<String, String> a, Tvb tvb) {
        FieldDef f = name.isEmpty() ? null : registry.first(name);
        if (f == null) {
            return null;
        }
        if (f.type() == FieldType.PROTOCOL) {
            // tshark registers some options as protocols (tcp.options.sack_perm) and shows them as fields.
            return protocol(parent, name, a, tvb);
        }
        int off = intAttr(a, "pos");
        int len = intAttr(a, "size");
        String show = a.getOrDefault("show", "");
        String value = a.get("value");
        FieldType t = f.type();
        return switch (t) {
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> parent.addString(f, tvb, off, len, show);
            case IPv4 -> parent.addUint(f, tvb, off, len, ipv4(show));
            case ETHER -> parent.addUint(f, tvb, off, len, new BigInteger(show.replace(":", ""), 16).longValue());
            case IPv6 -> parent.addBytes(f, tvb, off, len, ipv6(show));
            case FLOAT, DOUBLE -> parent.addDouble(f, tvb, off, len, Double.parseDouble(show));
            case ABSOLUTE_TIME -> parent.addTime(f, tvb, off, len, absolute(show));
            case RELATIVE_TIME -> parent.addTime(f, tvb, off, len, relative(show));
            case BOOLEAN -> parent.addUint(f, tvb, off, len, bool(show));
            case NONE -> parent.addUint(f, tvb, off, len, 0);
            case BYTES, UINT_BYTES, GUID, OID, EUI64 -> parent.addBytes(f, tvb, off, len,
                    value != null ? hex(value) : hex(show.replace(":", "")));
            default -> parent.addUint(f, tvb, off, len, integer(show));
        };
    }

    private static int intAttr(Map<String, String> a, String k) {
        String v = a.get(k);
        return v == null ? 0 : Integer.parseInt(v);
    }

    private static long integer(String show) {
        String s = show.trim();
        int sp = s.indexOf(' ');
        if (sp > 0) {
            s = s.substring(0, sp);
        }
        if (s.startsWith("0x")) {
            return Long.parseUnsignedLong(s.substring(2), 16);
        }
        return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
    }

    private static long bool(String show) {
        return switch (show) {
            case "True", "1" -> 1;
            case "False", "0" -> 0;
            default -> integer(show) != 0 ? 1 : 0;
        };
    }

    private static long ipv4(String s) {
        String[] p = s.split("\\.");
        return (Long.parseLong(p[0]) << 24) | (Long.parseLong(p[1]) << 16) | (Long.parseLong(p[2]) << 8)
                | Long.parseLong(p[3]);
    }

    private static byte[] ipv6(String s) {
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static long absolute(String show) {
        // "Nov 27, 2026 04:33:08.625541000 UTC"
        String s = show.replace(" UTC", "").replaceAll(" +", " ");
        int dot = s.lastIndexOf('.');
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        LocalDateTime t = LocalDateTime.parse(dot < 0 ? s : s.substring(0, dot), ABS);
        long nanos = frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9));
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + nanos;
    }

    private static long relative(String show) {
        boolean neg = show.startsWith("-");
        String s = neg ? show.substring(1) : show;
        int dot = s.indexOf('.');
        long secs = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        long nanos = secs * 1_000_000_000L + (frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9)));
        return neg ? -nanos : nanos;
    }

    private static byte[] hex(String h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < h.length(); i += 2) {
            out.write(Integer.parseInt(h.substring(i, i + 2), 16));
        }
        return out.toByteArray();
    }
}
