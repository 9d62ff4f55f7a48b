package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FlowShortcut;
import dev.dorsal.engine.spi.FollowData;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code -z follow,tcp|udp|tls,<mode>,<stream|addresses>[,<range>]}: the payload of one stream, each
 * chunk tagged with its side. Node 0 is the source of the first packet of the stream (the SYN's
 * sender for a TCP connection captured from its start), node 1 the other side. TCP payload is put in
 * sequence order by {@link TcpFollowStream}; UDP datagrams with a payload are taken as they come.
 *
 * <p>{@code tls} follows the decrypted application data the TLS dissector queues for this tap (one
 * chunk per record, in dissection order), on the TCP stream or addresses given. As in tshark 4.0.17,
 * node 0 is the source of the stream's first packet with any decrypted record (in TLS 1.3 that is
 * usually the server), and node 1 is printed as {@code :0}.
 *
 * <p>Bounded state: at most {@value #MAX_BYTES} bytes of payload are kept. Data past that is not
 * stored, and the report then ends with a line saying how many bytes were left out.
 */
final class FollowTap implements Tap {
    static final long MAX_BYTES = 256L << 20;
    /** The tap the TLS dissector queues decrypted records for ({@link FollowData}). */
    static final String TLS_TAP = "tls";

    private final FollowArgs args;
    private final List<FollowRecord> records = new ArrayList<>();
    private final TcpFollowStream tcp;
    private final String streamField;
    private final String srcPortField;
    private final String dstPortField;
    private Address client;
    private int clientPort;
    private Address server;
    private int serverPort;
    private long kept;
    private long droppedBytes;

    FollowTap(FollowArgs args) {
        this.args = args;
        this.streamField = args.transport() + ".stream";
        this.srcPortField = args.proto() + ".srcport";
        this.dstPortField = args.proto() + ".dstport";
        this.tcp = args.proto().equals("tcp") ? new TcpFollowStream(this::keep) : null;
    }

    private void keep(FollowRecord r) {
        if (kept + r.data().length > MAX_BYTES) {
            droppedBytes += r.data().length;
            return;
        }
        kept += r.data().length;
        records.add(r);
    }

    @Override
    public void packet(DissectedPacket p) {
        if (args.proto().equals("tls")) {
            tlsPacket(p);
            return;
        }
        String proto = args.proto();
        Layers.eachOverIp(p, proto, hop -> {
            ProtoItem n = hop.node();
            if (args.addr() == null && Layers.num(n, streamField, -1) != args.stream()) {
                return; // another stream: most packets, so decided before anything else is looked up
            }
            int sport = (int) Layers.num(n, srcPortField, -1);
            int dport = (int) Layers.num(n, dstPortField, -1);
            if (!selected(n, hop.src(), sport, hop.dst(), dport)) {
                return;
            }
            if (proto.equals("tcp")) {
                tcpSegment(p, n, hop.src(), sport, hop.dst(), dport);
            } else {
                udpDatagram(p, n, hop.src(), sport, hop.dst(), dport);
            }
        });
    }

    @Override
    public String flowTransport() {
        // Following a TCP stream by its index: the frames of every other stream only need their index.
        return args.proto().equals("tcp") && args.addr() == null ? "tcp" : null;
    }

    @Override
    public boolean takesFlowOf(long stream) {
        return stream != args.stream();
    }

    @Override
    public void flow(FlowShortcut.Flow f, int originalLength, long relativeNanos) {
        // another stream's frame: nothing of it is followed
    }

    /** Decrypted TLS records of the followed TCP stream, as the TLS dissector queued them. */
    private void tlsPacket(DissectedPacket p) {
        List<Object> decrypted = p.tapData(TLS_TAP);
        if (decrypted.isEmpty()) {
            return;
        }
        Layers.eachOverIp(p, "tcp", hop -> {
            ProtoItem n = hop.node();
            int sport = (int) Layers.num(n, "tcp.srcport", -1);
            int dport = (int) Layers.num(n, "tcp.dstport", -1);
            if (!selected(n, hop.src(), sport, hop.dst(), dport)) {
                return;
            }
            if (client == null) {
                client = hop.src();
                clientPort = sport; // tshark never sets node 1 for TLS: it prints ":0"
            }
            boolean fromServer = !(hop.src().equals(client) && sport == clientPort);
            for (Object o : decrypted) {
                if (o instanceof FollowData d && d.applicationData()) {
                    keep(new FollowRecord(fromServer, p.frame().number(), p.frame().timestampNanos(), d.bytes()));
                }
            }
        });
    }

    private boolean selected(ProtoItem n, Address src, int sport, Address dst, int dport) {
        if (args.addr() == null) {
            return Layers.num(n, streamField, -1) == args.stream();
        }
        Address[] a = args.addr();
        int[] port = args.port();
        return (src.equals(a[0]) && sport == port[0] && dst.equals(a[1]) && dport == port[1])
                || (src.equals(a[1]) && sport == port[1] && dst.equals(a[0]) && dport == port[0]);
    }

    /** Makes the first packet's source node 0; returns whether this one comes from node 1. */
    private boolean side(Address src, int sport, Address dst, int dport) {
        if (client == null) {
            client = src;
            clientPort = sport;
            server = dst;
            serverPort = dport;
        }
        return !(src.equals(client) && sport == clientPort);
    }

    private void tcpSegment(DissectedPacket p, ProtoItem n, Address src, int sport, Address dst, int dport) {
        boolean isServer = side(src, sport, dst, dport);
        int length = (int) Layers.num(n, "tcp.len", 0);
        byte[] data = payload(n, "tcp.payload", (int) Layers.num(n, "tcp.hdr_len", 20), length);
        tcp.segment(isServer, (int) Layers.num(n, "tcp.seq", 0), (int) Layers.num(n, "tcp.ack", 0),
                Layers.num(n, "tcp.flags.syn", 0) != 0, length, data, p.frame().number(), p.frame().timestampNanos());
    }

    private void udpDatagram(DissectedPacket p, ProtoItem n, Address src, int sport, Address dst, int dport) {
        int length = (int) Layers.num(n, "udp.length", 8) - 8;
        byte[] data = payload(n, "udp.payload", 8, Math.max(length, 0));
        if (data.length == 0) {
            return;
        }
        keep(new FollowRecord(side(src, sport, dst, dport), p.frame().number(), p.frame().timestampNanos(), data));
    }

    /**
     * The captured payload of a layer: the payload field when the dissector added one, else the
     * bytes after the header in the layer's buffer, at most {@code length} of them.
     */
    private static byte[] payload(ProtoItem layer, String field, int headerLength, int length) {
        ProtoItem item = Layers.find(layer, field);
        if (item != null) {
            byte[] b = item.bytesValue();
            return b.length > length ? java.util.Arrays.copyOf(b, length) : b;
        }
        Tvb tvb = layer.tvb();
        int start = layer.offset() + headerLength;
        if (tvb == null || length <= 0 || start >= tvb.length()) {
            return new byte[0];
        }
        return tvb.bytes(start, Math.min(length, tvb.remaining(start)));
    }

    @Override
    public void finish(PrintStream out) {
        StringBuilder sb = new StringBuilder(4096);
        FollowPrinter.print(sb, args, client, clientPort, server, serverPort, records);
        if (droppedBytes > 0 || (tcp != null && tcp.droppedSegments() > 0)) {
            sb.append("(").append(droppedBytes).append(" bytes past the ").append(MAX_BYTES)
                    .append("-byte follow buffer and ").append(tcp == null ? 0 : tcp.droppedSegments())
                    .append(" out-of-order segments past the waiting limit were left out)\n");
        }
        out.print(sb);
    }

    @Override
    public Set<String> fieldsNeeded() {
        String p = args.transport();
        Set<String> s = new java.util.HashSet<>(Set.of("ip", "ip.src", "ip.dst", "ipv6", "ipv6.src", "ipv6.dst", p,
                p + ".srcport", p + ".dstport", p + ".stream", p + ".payload"));
        s.addAll(Layers.IPV6_EXTRAS);
        if (p.equals("tcp")) {
            s.addAll(Set.of("tcp.len", "tcp.hdr_len", "tcp.seq", "tcp.ack", "tcp.flags.syn"));
        } else {
            s.add("udp.length");
        }
        if (!args.proto().equals(p)) {
            // follow,tls reads what TLS hands its tap, not fields: naming the protocol keeps it running
            // when only transport fields are otherwise wanted (see DissectionOptions).
            s.add(args.proto());
        }
        return s;
    }

    @Override
    public boolean needsDetailedTree() {
        return false;
    }
}
