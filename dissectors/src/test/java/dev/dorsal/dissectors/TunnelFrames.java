package dev.dorsal.dissectors;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.SummaryFormatter;
import dev.dorsal.engine.output.TextTreeFormatter;
import dev.dorsal.engine.output.TimeFormat;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.ProtoItem;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds Ethernet frames byte by byte for the tunnel dissector tests (headers as RFC 791, 8200, 768,
 * 793, 3032, 2784, 7348 lay them out; checksums computed here) and reads what Dorsal made of them.
 */
public final class TunnelFrames {
    private static final Registry REGISTRY = Registry.loadDefault();

    private TunnelFrames() {}

    /** One dissection of a capture: frames given to it share its conversations. */
    public static Dissection capture() {
        return new Dissection(REGISTRY);
    }

    public static DissectedPacket dissect(byte[] frame) {
        return dissect(capture(), frame, 1);
    }

    public static DissectedPacket dissect(Dissection d, byte[] frame, long number) {
        RawFrame raw = new RawFrame(number, 0, 1, 0, 1_700_000_000_000_000_000L + number, 6, frame.length, frame);
        return d.dissect(raw, DissectionOptions.FULL);
    }

    /** The -V text of the packet, one list entry per line. */
    public static List<String> verbose(DissectedPacket p) {
        StringBuilder sb = new StringBuilder();
        new TextTreeFormatter().tree(p, sb);
        return Arrays.asList(sb.toString().split("\n"));
    }

    /** The one-line summary of the packet. */
    public static String summary(DissectedPacket p) {
        StringBuilder sb = new StringBuilder();
        new SummaryFormatter(TimeFormat.of("r")).line(p, sb);
        return sb.toString();
    }

    /** Source, destination and Protocol columns of the summary line, joined by spaces. */
    public static String columns(DissectedPacket p) {
        String[] t = summary(p).trim().split(" +");
        return t[2] + " " + t[4] + " " + t[5];
    }

    /** Every item of field {@code abbrev}, in tree order. */
    public static List<ProtoItem> items(DissectedPacket p, String abbrev) {
        List<ProtoItem> out = new ArrayList<>();
        walk(p.tree().root(), abbrev, out);
        return out;
    }

    /** The numeric values of every item of {@code abbrev}. */
    public static List<Long> values(DissectedPacket p, String abbrev) {
        return items(p, abbrev).stream().map(ProtoItem::num).toList();
    }

    private static void walk(ProtoItem item, String abbrev, List<ProtoItem> out) {
        for (ProtoItem c = item.firstChild(); c != null; c = c.next()) {
            if (c.field() != null && c.field().abbrev().equals(abbrev)) {
                out.add(c);
            }
            walk(c, abbrev, out);
        }
    }

    // ---- builders -------------------------------------------------------------------------------

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] u16(int v) {
        return bytes(v >> 8, v);
    }

    public static byte[] u32(long v) {
        return bytes((int) (v >> 24), (int) (v >> 16), (int) (v >> 8), (int) v);
    }

    /** An Ethernet II frame between 02:00:00:00:00:01 and :02 (locally administered, so never named). */
    public static byte[] eth(int type, byte[] payload) {
        return concat(bytes(2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1), u16(type), payload);
    }

    public static int checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (data.length % 2 == 1) {
            sum += (data[data.length - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** An IPv4 header (no options, TTL 64) with a correct checksum, then {@code payload}. */
    public static byte[] ipv4(int[] src, int[] dst, int protocol, byte[] payload) {
        byte[] h = concat(bytes(0x45, 0), u16(20 + payload.length), u16(1), u16(0), bytes(64, protocol), u16(0),
                bytes(src), bytes(dst));
        int c = checksum(h);
        h[10] = (byte) (c >> 8);
        h[11] = (byte) c;
        return concat(h, payload);
    }

    /** An IPv6 header (hop limit 64) with addresses 2001:db8::{src}/{dst}. */
    public static byte[] ipv6(int src, int dst, int next, byte[] payload) {
        return concat(u32(0x60000000L), u16(payload.length), bytes(next, 64), v6(src), v6(dst), payload);
    }

    public static byte[] v6(int last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) last;
        return a;
    }

    /** A UDP header with checksum 0 (none), then {@code payload}. */
    public static byte[] udp(int sport, int dport, byte[] payload) {
        return concat(u16(sport), u16(dport), u16(8 + payload.length), u16(0), payload);
    }

    /** A 20-byte TCP header with checksum 0 and the given flags, then {@code payload}. */
    public static byte[] tcp(int sport, int dport, long seq, long ack, int flags, byte[] payload) {
        return concat(u16(sport), u16(dport), u32(seq), u32(ack), bytes(0x50, flags), u16(64240), u16(0), u16(0),
                payload);
    }

    /** One MPLS label stack entry (RFC 3032). */
    public static byte[] label(int label, int exp, boolean bottom, int ttl) {
        return u32(((long) label << 12) | (exp << 9) | (bottom ? 0x100 : 0) | ttl);
    }
}
