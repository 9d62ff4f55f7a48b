package dev.dorsal.engine.stats;

import dev.dorsal.engine.spi.Address;
import java.util.Base64;
import java.util.List;

/**
 * Writes a followed stream in tshark's text forms: ascii and ebcdic (a length line, then the data
 * with unprintable bytes as dots), hex (16-byte dump lines with a per-side running offset), raw (one
 * hex line per chunk) and yaml (peers, then one base64 entry per chunk). Node 1's lines start with a
 * TAB except in yaml. A chunk range skips chunks but still advances the hex offsets.
 */
final class FollowPrinter {
    private static final String RULE = "=".repeat(67);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** What tshark's ebcdic mode prints for each byte value, rows of 16 (read from its output). */
    private static final String EBCDIC = String.join("",
            "..........\n..\r..", "................", " !\"#$%&'()*+,-./", "..23456789:;<=.?",
            " ...........<(+|", "&.........!$*);^", "-/........|,%_>?", "..........:#@'=.",
            "................", "................", "................", "................",
            "................", "................", "................", "................");
    /** Base64 lines carry 57 bytes, 76 characters, as in RFC 2045 mail bodies. */
    private static final int YAML_BYTES_PER_LINE = 57;

    private FollowPrinter() {}

    static void print(StringBuilder sb, FollowArgs args, Address client, int clientPort, Address server,
            int serverPort, List<FollowRecord> records) {
        FollowArgs.Mode mode = args.mode();
        if (mode != FollowArgs.Mode.YAML) {
            sb.append('\n').append(RULE).append('\n');
            sb.append("Follow: ").append(args.proto()).append(',').append(mode.text).append('\n');
            sb.append("Filter: ").append(args.filterText()).append('\n');
            sb.append("Node 0: ").append(node(client, clientPort)).append('\n');
            sb.append("Node 1: ").append(node(server, serverPort)).append('\n');
        } else {
            sb.append("peers:\n");
            peer(sb, 0, client, clientPort);
            peer(sb, 1, server, serverPort);
            sb.append("packets:\n");
        }
        long[] offset = new long[2];
        long chunk = 0;
        for (FollowRecord r : records) {
            chunk++;
            int side = r.server() ? 1 : 0;
            if (chunk < args.chunkMin() || chunk > args.chunkMax()) {
                offset[side] += r.data().length;
                continue;
            }
            String tab = r.server() ? "\t" : "";
            switch (mode) {
                case ASCII, EBCDIC -> text(sb, tab, r.data(), mode == FollowArgs.Mode.EBCDIC);
                case HEX -> hex(sb, tab, r.data(), offset[side]);
                case RAW -> {
                    sb.append(tab);
                    for (byte b : r.data()) {
                        sb.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
                    }
                    sb.append('\n');
                }
                case YAML -> yaml(sb, r);
            }
            offset[side] += r.data().length;
        }
        if (mode != FollowArgs.Mode.YAML) {
            sb.append(RULE).append('\n');
        }
    }

    private static String host(Address a) {
        return a == null ? "" : FollowArgs.addressText(a);
    }

    private static String node(Address a, int port) {
        String h = host(a);
        return (a != null && a.type() == Address.Type.IPv6 ? "[" + h + "]" : h) + ":" + port;
    }

    private static void peer(StringBuilder sb, int n, Address a, int port) {
        sb.append("  - peer: ").append(n).append('\n');
        sb.append("    host: ").append(host(a)).append('\n');
        sb.append("    port: ").append(port).append('\n');
    }

    private static void text(StringBuilder sb, String tab, byte[] data, boolean ebcdic) {
        sb.append(tab).append(data.length).append('\n');
        for (byte b : data) {
            int v = b & 0xff;
            if (ebcdic) {
                sb.append(EBCDIC.charAt(v));
            } else if (v == '\r' || v == '\n' || (v >= 0x20 && v < 0x7f)) {
                sb.append((char) v);
            } else {
                sb.append('.');
            }
        }
        sb.append('\n');
    }

    /**
     * Dump lines as tshark writes them: offset, 8+8 hex bytes, then the characters with a space after
     * the eighth. tshark drops one trailing space from the characters (meant to remove that separator
     * on 8-byte lines), which also eats a data space ending a longer line; so does this.
     */
    private static void hex(StringBuilder sb, String tab, byte[] data, long base) {
        for (int line = 0; line < data.length; line += 16) {
            int n = Math.min(16, data.length - line);
            sb.append(tab);
            String off = Long.toHexString(base + line).toUpperCase(java.util.Locale.ROOT);
            sb.append("0".repeat(Math.max(0, 8 - off.length()))).append(off).append("  ");
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    int b = data[line + i] & 0xff;
                    sb.append(HEX[b >> 4]).append(HEX[b & 15]).append(' ');
                } else {
                    sb.append("   ");
                }
                if (i == 7) {
                    sb.append(' ');
                }
            }
            sb.append(' ');
            for (int i = 0; i < n; i++) {
                int b = data[line + i] & 0xff;
                sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                if (i == 7) {
                    sb.append(' ');
                }
            }
            if (sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 1);
            }
            sb.append('\n');
        }
    }

    private static void yaml(StringBuilder sb, FollowRecord r) {
        sb.append("  - packet: ").append(r.frame()).append('\n');
        sb.append("    peer: ").append(r.server() ? 1 : 0).append('\n');
        sb.append("    timestamp: ").append(CText.fixed(CText.seconds(r.epochNanos()), 9)).append('\n');
        sb.append("    data: !!binary |\n");
        byte[] d = r.data();
        for (int i = 0; i < d.length; i += YAML_BYTES_PER_LINE) {
            int n = Math.min(YAML_BYTES_PER_LINE, d.length - i);
            sb.append("      ").append(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(d, i, i + n)))
                    .append('\n');
        }
    }
}
