package dev.dorsal.dissectors.quic;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Tvb;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The QUIC connections of a capture, numbered in the order they appear ({@code quic.connection.number},
 * from 0). A packet finds its connection by its Destination Connection ID first (the client's first
 * DCID, or a Source Connection ID either side announced), which also tells its direction, and else by
 * its UDP 5-tuple (either direction).
 *
 * <p>Bounded: at most {@link #MAX_CONNECTIONS} 5-tuples and {@link #MAX_CIDS} connection IDs are kept;
 * the least recently used are forgotten first (a later packet then starts a new connection, as after a
 * capture gap).
 */
final class QuicConnections {
    static final Key<QuicConnections> KEY = Key.of("quic.connections");
    /** Most 5-tuples tracked at once. */
    static final int MAX_CONNECTIONS = 10_000;
    /** Most connection IDs tracked at once. */
    static final int MAX_CIDS = 4 * MAX_CONNECTIONS;

    /** Both endpoints, lower one first, so either direction finds the connection. */
    private record Tuple(Address a, int portA, Address b, int portB) {
        static Tuple of(Address src, int srcPort, Address dst, int dstPort) {
            int c = Arrays.compareUnsigned(src.bytes(), dst.bytes());
            if (c == 0) {
                c = Integer.compare(srcPort, dstPort);
            }
            return c <= 0 ? new Tuple(src, srcPort, dst, dstPort) : new Tuple(dst, dstPort, src, srcPort);
        }
    }

    /** A connection ID as a map key. */
    private record Cid(String hex) {
        static Cid of(byte[] b) {
            return new Cid(java.util.HexFormat.of().formatHex(b));
        }
    }

    /** Who chose a connection ID: packets carrying it as DCID travel toward that side. */
    private record Owner(QuicConnection conn, boolean server) {}

    /** A connection found for a packet, with the direction the lookup told. */
    record Found(QuicConnection conn, boolean fromServer, int dcidLength) {}

    private final Map<Tuple, QuicConnection> connections = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Tuple, QuicConnection> eldest) {
            return size() > MAX_CONNECTIONS;
        }
    };
    private final Map<Cid, Owner> cids = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Cid, Owner> eldest) {
            return size() > MAX_CIDS;
        }
    };
    /** The lengths of the IDs in {@link #cids}: a short header's DCID has one of them. */
    private final TreeSet<Integer> cidLengths = new TreeSet<>();
    private int created;

    static QuicConnections of(PacketInfo pinfo) {
        return pinfo.state(KEY, QuicConnections::new);
    }

    /** The connection of a long-header packet whose DCID is {@code dcid}, or null. */
    Found findLong(PacketInfo pinfo, byte[] dcid) {
        Owner o = dcid.length > 0 ? cids.get(Cid.of(dcid)) : null;
        if (o != null) {
            return new Found(o.conn, !o.server, dcid.length);
        }
        return byTuple(pinfo);
    }

    /** The connection of a short-header packet (its DCID follows the first byte), or null. */
    Found findShort(PacketInfo pinfo, Tvb tvb) {
        for (int length : cidLengths.descendingSet()) {
            if (tvb.has(1, length)) {
                Owner o = cids.get(Cid.of(tvb.bytes(1, length)));
                if (o != null) {
                    return new Found(o.conn, !o.server, length);
                }
            }
        }
        Found f = byTuple(pinfo);
        if (f == null) {
            return null;
        }
        byte[] cid = f.fromServer ? f.conn.clientCid : f.conn.serverCid;
        return new Found(f.conn, f.fromServer, cid == null ? 0 : cid.length);
    }

    /** Whether the packet's 5-tuple belongs to a connection already. */
    boolean knowsTuple(PacketInfo pinfo) {
        return byTuple(pinfo) != null;
    }

    private Found byTuple(PacketInfo pinfo) {
        QuicConnection c = connections.get(Tuple.of(pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(), pinfo.dstPort()));
        return c == null ? null : new Found(c, c.fromServer(pinfo.netSrc(), pinfo.srcPort()), 0);
    }

    /** Starts a connection whose client is the packet's source; {@code dcid} and {@code version} key its Initial packets. */
    QuicConnection create(PacketInfo pinfo, long version, byte[] dcid) {
        QuicConnection c = new QuicConnection(created++, pinfo.netSrc(), pinfo.srcPort(), version, dcid);
        connections.put(Tuple.of(pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(), pinfo.dstPort()), c);
        register(c, dcid, true);
        return c;
    }

    /** Notes a connection ID chosen by the server ({@code server}) or the client. */
    void register(QuicConnection c, byte[] cid, boolean server) {
        if (cid.length > 0) {
            cids.putIfAbsent(Cid.of(cid), new Owner(c, server));
            cidLengths.add(cid.length);
        }
    }
}
