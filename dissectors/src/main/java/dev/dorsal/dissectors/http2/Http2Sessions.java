package dev.dorsal.dissectors.http2;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What HTTP/2 remembers of each connection, in the order frames are dissected (tshark runs one pass):
 * per direction, the HPACK decoder and, per stream, the body's media type and content coding (from
 * that direction's last header block) and the DATA payloads gathered until END_STREAM.
 *
 * <p>Bounded: at most {@value #MAX_CONNECTIONS} connections and {@value #MAX_STREAMS} streams per
 * direction are kept (least recently used dropped first), and a body keeps at most
 * {@value #MAX_BODY} octets (the rest of a longer body is not reassembled). The HPACK table is bounded
 * by the protocol ({@link HpackDecoder}).
 */
final class Http2Sessions {
    static final int MAX_CONNECTIONS = 65_536;
    static final int MAX_STREAMS = 1024;
    static final int MAX_BODY = 16 << 20;

    private static final Key<Http2Sessions> KEY = Key.of("http2.sessions");

    /** One DATA payload of a body: the frame it came in and its bytes. */
    record Fragment(long frame, byte[] data) {}

    /** One direction of one stream. */
    static final class StreamHalf {
        String contentType;
        String contentParameters;
        String contentEncoding;
        final List<Fragment> body = new ArrayList<>(2);
        long buffered;
        /** The body outgrew {@link #MAX_BODY}: its fragments are no longer kept. */
        boolean overflow;

        void add(long frame, byte[] data) {
            if (overflow || buffered + data.length > MAX_BODY) {
                overflow = true;
                body.clear();
                return;
            }
            body.add(new Fragment(frame, data));
            buffered += data.length;
        }

        void clearBody() {
            body.clear();
            buffered = 0;
            overflow = false;
        }
    }

    /** One direction of a connection. */
    static final class Direction {
        final HpackDecoder hpack = new HpackDecoder();
        private final Map<Long, StreamHalf> streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, StreamHalf> eldest) {
                return size() > MAX_STREAMS;
            }
        };

        StreamHalf stream(long id) {
            return streams.computeIfAbsent(id, k -> new StreamHalf());
        }
    }

    /** One connection: its two directions (by the order of the endpoints). */
    static final class Session {
        final Direction[] directions = {new Direction(), new Direction()};
    }

    private record ConnKey(String transport, Address a, int portA, Address b, int portB) {}

    private final Map<ConnKey, Session> sessions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ConnKey, Session> eldest) {
            return size() > MAX_CONNECTIONS;
        }
    };

    /** The session of the packet's connection, created when {@code create}; else null when there is none. */
    static Session of(PacketInfo pinfo, boolean create) {
        Http2Sessions all = pinfo.state(KEY, Http2Sessions::new);
        ConnKey k = key(pinfo);
        return create ? all.sessions.computeIfAbsent(k, x -> new Session()) : all.sessions.get(k);
    }

    /** The direction of the current packet in {@code session}. */
    static Direction direction(PacketInfo pinfo, Session session) {
        return session.directions[forward(pinfo) ? 0 : 1];
    }

    private static boolean forward(PacketInfo pinfo) {
        int c = Arrays.compare(pinfo.src().bytes(), pinfo.dst().bytes());
        return c < 0 || c == 0 && pinfo.srcPort() <= pinfo.dstPort();
    }

    private static ConnKey key(PacketInfo pinfo) {
        if (forward(pinfo)) {
            return new ConnKey(pinfo.portType(), pinfo.src(), pinfo.srcPort(), pinfo.dst(), pinfo.dstPort());
        }
        return new ConnKey(pinfo.portType(), pinfo.dst(), pinfo.dstPort(), pinfo.src(), pinfo.srcPort());
    }
}
