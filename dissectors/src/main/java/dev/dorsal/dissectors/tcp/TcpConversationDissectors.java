package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Connections a protocol above TCP announced (Wireshark's conversation_new + conversation_set_dissector):
 * FTP's PASV reply names the server port of the next data connection, and its segments then go to
 * FTP-DATA before the {@code tcp.port} table is consulted, whatever their ports.
 *
 * <p>An announcement names both addresses and one or both ports; a missing port ({@link #ANY_PORT})
 * matches any port and, as in tshark, is fixed to the first port it matched. Of the announcements
 * matching a segment (either direction), the latest one made at or before the segment's frame wins.
 *
 * <p>Bounded: at most {@value #MAX_ANNOUNCED} announcements per capture, the oldest dropped first.
 */
public final class TcpConversationDissectors {
    /** Port wildcard for {@link #announce}. */
    public static final int ANY_PORT = -1;
    /** Most announcements kept per capture. */
    public static final int MAX_ANNOUNCED = 10_000;

    /** One announced connection: who announced it (frame), its dissector and that dissector's data. */
    public static final class Announced {
        private final Address a;
        private final int portA;
        private final Address b;
        private int portB;
        private final long setupFrame;
        /** First frame the announcement applies to. */
        private final long fromFrame;
        private final DissectorHandle handle;
        private final Object data;

        Announced(Address a, int portA, Address b, int portB, long setupFrame, long fromFrame, DissectorHandle handle,
                Object data) {
            this.a = a;
            this.portA = portA;
            this.b = b;
            this.portB = portB;
            this.setupFrame = setupFrame;
            this.fromFrame = fromFrame;
            this.handle = handle;
            this.data = data;
        }

        /** The frame whose dissection made the announcement. */
        public long setupFrame() { return setupFrame; }

        /** What the announcing dissector attached, or null. */
        public Object data() { return data; }

        DissectorHandle handle() { return handle; }

        /** True when {@code src:sp → dst:dp} is this connection, either way; fixes a wildcard port on a match. */
        boolean matches(Address src, int sp, Address dst, int dp) {
            if (matchOneWay(src, sp, dst, dp)) {
                return true;
            }
            return matchOneWay(dst, dp, src, sp);
        }

        private boolean matchOneWay(Address x, int px, Address y, int py) {
            if (!a.equals(x) || !b.equals(y)) {
                return false;
            }
            if ((portA != ANY_PORT && portA != px) || (portB != ANY_PORT && portB != py)) {
                return false;
            }
            if (portB == ANY_PORT) {
                portB = py;
            }
            return true;
        }
    }

    private static final Key<ArrayDeque<Announced>> TABLE = Key.of("tcp.conversation.dissectors");
    /** The announcement that called the current dissector, if any. */
    static final Key<Announced> CURRENT = Key.of("tcp.conversation.current");
    /** Frame where TCP first saw the connection of the current segment. */
    static final Key<Long> FIRST_FRAME = Key.of("tcp.conversation.first_frame");

    private TcpConversationDissectors() {}

    /**
     * Announces the connection {@code a:portA ↔ b:portB} (either port may be {@link #ANY_PORT}, {@code portA}
     * only when {@code portB} is given) for {@code handle}, made by the current frame.
     */
    public static void announce(PacketInfo pinfo, Address a, int portA, Address b, int portB, DissectorHandle handle,
            Object data) {
        if (portA == ANY_PORT && portB != ANY_PORT) {
            announce(pinfo, b, portB, a, portA, handle, data);
            return;
        }
        add(pinfo, new Announced(a, portA, b, portB, pinfo.number(), pinfo.number(), handle, data));
    }

    /**
     * Hands the current segment's connection to {@code handle} from the next frame on (tshark's
     * ssl_starttls_ack: after a 220 reply to STARTTLS the connection carries TLS).
     */
    public static void announceAfter(PacketInfo pinfo, DissectorHandle handle) {
        add(pinfo, new Announced(pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(), pinfo.dstPort(), pinfo.number(),
                pinfo.number() + 1, handle, null));
    }

    private static void add(PacketInfo pinfo, Announced announced) {
        ArrayDeque<Announced> table = pinfo.state(TABLE, ArrayDeque::new);
        if (table.size() >= MAX_ANNOUNCED) {
            table.pollFirst();
        }
        table.addLast(announced);
    }

    /** The announcement the current dissector was called for, or null when the port table called it. */
    public static Announced current(PacketInfo pinfo) {
        return pinfo.get(CURRENT);
    }

    /**
     * The frame where the current segment's conversation was set up: the announcing frame when an
     * announcement called the dissector, else the first frame of the TCP connection (or -1 outside TCP).
     */
    public static long setupFrame(PacketInfo pinfo) {
        Announced a = current(pinfo);
        if (a != null) {
            return a.setupFrame;
        }
        Long first = pinfo.get(FIRST_FRAME);
        return first == null ? -1 : first;
    }

    /** The latest announcement matching the current segment made at or before its frame, or null. */
    static Announced find(PacketInfo pinfo, int srcPort, int dstPort) {
        ArrayDeque<Announced> table = pinfo.state(TABLE, ArrayDeque::new);
        if (table.isEmpty()) {
            return null;
        }
        long frame = pinfo.number();
        for (Iterator<Announced> it = table.descendingIterator(); it.hasNext();) {
            Announced a = it.next();
            if (a.fromFrame <= frame && a.matches(pinfo.netSrc(), srcPort, pinfo.netDst(), dstPort)) {
                return a;
            }
        }
        return null;
    }
}
