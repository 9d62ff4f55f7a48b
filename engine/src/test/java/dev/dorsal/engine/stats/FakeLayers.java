package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FrameMeta;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds packet trees by hand with the eth, ip, tcp and udp fields the taps read, named as tshark
 * names them, so tap logic is tested without the dissectors. Each line of a ".segments" file
 * (written with the capture by the generator in the resources README) becomes one packet:
 * {@code frame ts_us src sport dst dport tcp|udp seq ack flags payload_hex}.
 */
final class FakeLayers {
    static final ProtocolDef ETH = new ProtocolDef("Ethernet II", "Ethernet", "eth");
    static final FieldDef ETH_DST = FieldDef.ether("eth.dst", "Destination");
    static final FieldDef ETH_SRC = FieldDef.ether("eth.src", "Source");
    static final ProtocolDef IP = new ProtocolDef("Internet Protocol Version 4", "IPv4", "ip");
    static final FieldDef IP_SRC = FieldDef.ipv4("ip.src", "Source Address");
    static final FieldDef IP_DST = FieldDef.ipv4("ip.dst", "Destination Address");
    static final ProtocolDef TCP = new ProtocolDef("Transmission Control Protocol", "TCP", "tcp");
    static final FieldDef TCP_SRCPORT = FieldDef.uint16("tcp.srcport", "Source Port");
    static final FieldDef TCP_DSTPORT = FieldDef.uint16("tcp.dstport", "Destination Port");
    static final FieldDef TCP_STREAM = FieldDef.uint32("tcp.stream", "Stream index");
    static final FieldDef TCP_LEN = FieldDef.uint32("tcp.len", "TCP Segment Len");
    static final FieldDef TCP_SEQ = FieldDef.uint32("tcp.seq", "Sequence Number");
    static final FieldDef TCP_ACK = FieldDef.uint32("tcp.ack", "Acknowledgment Number");
    static final FieldDef TCP_HDR_LEN = FieldDef.uint8("tcp.hdr_len", "Header Length");
    static final FieldDef TCP_SYN = FieldDef.bool("tcp.flags.syn", "Syn", 12, 0x002);
    static final FieldDef TCP_PAYLOAD = FieldDef.bytes("tcp.payload", "TCP payload");
    static final ProtocolDef UDP = new ProtocolDef("User Datagram Protocol", "UDP", "udp");
    static final FieldDef UDP_SRCPORT = FieldDef.uint16("udp.srcport", "Source Port");
    static final FieldDef UDP_DSTPORT = FieldDef.uint16("udp.dstport", "Destination Port");
    static final FieldDef UDP_STREAM = FieldDef.uint32("udp.stream", "Stream index");
    static final FieldDef UDP_LENGTH = FieldDef.uint16("udp.length", "Length");
    static final FieldDef UDP_PAYLOAD = FieldDef.bytes("udp.payload", "Payload");

    private FakeLayers() {}

    /**
     * The packet described by one ".segments" line in stream {@code stream}; {@code firstNanos} is the
     * capture's first time. The synthetic captures send every frame from MAC 02:00:00:00:00:01 to
     * 02:00:00:00:00:02.
     */
    static DissectedPacket fromLine(String line, long firstNanos, long stream) {
        String[] f = line.trim().split("\\s+");
        long number = Long.parseLong(f[0]);
        long nanos = Long.parseLong(f[1]) * 1000;
        byte[] payload = f[10].equals("-") ? new byte[0] : HexFormat.of().parseHex(f[10]);
        PacketTree tree = new PacketTree(false, null);
        Tvb tvb = Tvb.of(new DataSource("Frame", payload));
        ProtoItem eth = tree.root().addProtocol(ETH, tvb, 0, 0);
        eth.addUint(ETH_DST, tvb, 0, 0, 0x020000000002L);
        eth.addUint(ETH_SRC, tvb, 0, 0, 0x020000000001L);
        ProtoItem ip = tree.root().addProtocol(IP, tvb, 0, 0);
        ip.addUint(IP_SRC, tvb, 0, 0, ipv4(f[2]));
        ip.addUint(IP_DST, tvb, 0, 0, ipv4(f[4]));
        if (f[6].equals("tcp")) {
            ProtoItem tcp = tree.root().addProtocol(TCP, tvb, 0, 0);
            tcp.addUint(TCP_SRCPORT, tvb, 0, 0, Long.parseLong(f[3]));
            tcp.addUint(TCP_DSTPORT, tvb, 0, 0, Long.parseLong(f[5]));
            tcp.addUint(TCP_STREAM, tvb, 0, 0, stream);
            tcp.addUint(TCP_LEN, tvb, 0, 0, payload.length);
            tcp.addUint(TCP_SEQ, tvb, 0, 0, Long.parseLong(f[7]));
            tcp.addUint(TCP_ACK, tvb, 0, 0, Long.parseLong(f[8]));
            tcp.addUint(TCP_HDR_LEN, tvb, 0, 0, 20);
            tcp.addBool(TCP_SYN, tvb, 0, 0, f[9].contains("S"));
            if (payload.length > 0) {
                tcp.addBytes(TCP_PAYLOAD, tvb, 0, payload.length, payload);
            }
        } else {
            ProtoItem udp = tree.root().addProtocol(UDP, tvb, 0, 0);
            udp.addUint(UDP_SRCPORT, tvb, 0, 0, Long.parseLong(f[3]));
            udp.addUint(UDP_DSTPORT, tvb, 0, 0, Long.parseLong(f[5]));
            udp.addUint(UDP_STREAM, tvb, 0, 0, stream);
            udp.addUint(UDP_LENGTH, tvb, 0, 0, 8 + payload.length);
            if (payload.length > 0) {
                udp.addBytes(UDP_PAYLOAD, tvb, 0, payload.length, payload);
            }
        }
        int len = (f[6].equals("tcp") ? 54 : 42) + payload.length;
        FrameMeta meta = new FrameMeta(number, 0, 1, 0, nanos, 6, len, len, firstNanos, firstNanos, firstNanos, 0,
                null);
        return new DissectedPacket(meta, tree, new Columns(false), Address.NONE, Address.NONE, Address.NONE,
                Address.NONE, Address.NONE, Address.NONE, List.of("eth", "ethertype", "ip", f[6]), List.of(), false);
    }

    /**
     * The packets of a ".segments" file; streams are numbered per protocol in order of first
     * appearance of each address/port pair, as tshark numbers them when no port is reused.
     */
    static List<DissectedPacket> fromLines(List<String> lines) {
        List<String> rows = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        long first = rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).trim().split("\\s+")[1]) * 1000;
        Map<String, Long> streams = new HashMap<>();
        Map<String, Long> next = new HashMap<>();
        List<DissectedPacket> out = new ArrayList<>();
        for (String l : rows) {
            String[] f = l.trim().split("\\s+");
            String a = f[2] + ":" + f[3];
            String b = f[4] + ":" + f[5];
            String key = f[6] + " " + (a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
            long stream = streams.computeIfAbsent(key, k -> next.merge(f[6], 1L, Long::sum) - 1);
            out.add(fromLine(l, first, stream));
        }
        return out;
    }

    static long ipv4(String dotted) {
        long v = 0;
        for (String part : dotted.split("\\.")) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }
}
