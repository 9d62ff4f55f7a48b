package dev.dorsal.dissectors.quic;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The QUIC connections of a capture, found by their UDP 5-tuple (either direction) and numbered in the
 * order they appear ({@code quic.connection.number}, from 0).
 *
 * <p>Bounded: at most {@link #MAX_CONNECTIONS} connections are kept; the least recently used is
 * forgotten first (a later packet of it then starts a new connection, as after a capture gap).
 */
final class QuicConnections {
    static final Key<QuicConnections> KEY = Key.of("quic.connections");
    /** Most connections tracked at once. */
    static final int MAX_CONNECTIONS = 10_000;

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

    private final Map<Tuple, QuicConnection> connections = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Tuple, QuicConnection> eldest) {
            return size() > MAX_CONNECTIONS;
        }
    };
    private int created;

    static QuicConnections of(PacketInfo pinfo) {
        return pinfo.state(KEY, QuicConnections::new);
    }

    /** The connection of the packet's 5-tuple, or null. */
    QuicConnection find(PacketInfo pinfo) {
        return connections.get(Tuple.of(pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(), pinfo.dstPort()));
    }

    /** Starts a connection whose client is the packet's source; {@code dcid} and {@code version} key its Initial packets. */
    QuicConnection create(PacketInfo pinfo, long version, byte[] dcid) {
        QuicConnection c = new QuicConnection(created++, pinfo.netSrc(), pinfo.srcPort(), version, dcid);
        connections.put(Tuple.of(pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(), pinfo.dstPort()), c);
        return c;
    }
}
