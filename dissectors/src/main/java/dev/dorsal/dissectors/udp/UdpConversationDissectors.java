package dev.dorsal.dissectors.udp;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * UDP conversations a protocol announced (Wireshark's conversation_new + conversation_set_dissector):
 * a TFTP read or write request to port 69 announces the transfer between the client's port and any
 * port of the server, and the datagrams of that transfer then go to TFTP before the {@code udp.port}
 * table is consulted, whatever their ports (UDP tries conversations first, as tshark does).
 *
 * <p>An announcement names both addresses, the first one's port and the second's or {@link #ANY_PORT}
 * (which stays a wildcard); it matches datagrams either way from the frame that made it on. Of the
 * announcements matching a datagram, the latest wins.
 *
 * <p>Bounded: at most {@value #MAX_ANNOUNCED} announcements per capture, the oldest dropped first.
 */
public final class UdpConversationDissectors {
    /** Port wildcard for {@link #announce}. */
    public static final int ANY_PORT = -1;
    /** Most announcements kept per capture. */
    public static final int MAX_ANNOUNCED = 10_000;

    /** One announced conversation: the frame that announced it, its dissector and that dissector's data. */
    public static final class Announced {
        private final Address a;
        private final int portA;
        private final Address b;
        private final int portB;
        private final long setupFrame;
        private final DissectorHandle handle;
        private final Object data;

        Announced(Address a, int portA, Address b, int portB, long setupFrame, DissectorHandle handle, Object data) {
            this.a = a;
            this.portA = portA;
            this.b = b;
            this.portB = portB;
            this.setupFrame = setupFrame;
            this.handle = handle;
            this.data = data;
        }

        /** The frame whose dissection made the announcement. */
        public long setupFrame() { return setupFrame; }

        /** What the announcing dissector attached, or null. */
        public Object data() { return data; }

        DissectorHandle handle() { return handle; }

        boolean matches(Address src, int sp, Address dst, int dp) {
            return oneWay(src, sp, dst, dp) || oneWay(dst, dp, src, sp);
        }

        private boolean oneWay(Address x, int px, Address y, int py) {
            return a.equals(x) && b.equals(y) && portA == px && (portB == ANY_PORT || portB == py);
        }
    }

    private static final Key<ArrayDeque<Announced>> TABLE = Key.of("udp.conversation.dissectors");
    /** The announcement that called the current dissector, if any. */
    static final Key<Announced> CURRENT = Key.of("udp.conversation.current");

    private UdpConversationDissectors() {}

    /** Announces the conversation {@code a:portA ↔ b:portB} ({@code portB} may be {@link #ANY_PORT}) for {@code handle}. */
    public static void announce(PacketInfo pinfo, Address a, int portA, Address b, int portB, DissectorHandle handle,
            Object data) {
        ArrayDeque<Announced> table = pinfo.state(TABLE, ArrayDeque::new);
        if (table.size() >= MAX_ANNOUNCED) {
            table.pollFirst();
        }
        table.addLast(new Announced(a, portA, b, portB, pinfo.number(), handle, data));
    }

    /** The announcement the current dissector was called for, or null when something else called it. */
    public static Announced current(PacketInfo pinfo) {
        return pinfo.get(CURRENT);
    }

    /** The latest announcement matching the current datagram made at or before its frame, or null. */
    static Announced find(PacketInfo pinfo, int srcPort, int dstPort) {
        ArrayDeque<Announced> table = pinfo.state(TABLE, ArrayDeque::new);
        if (table.isEmpty()) {
            return null;
        }
        long frame = pinfo.number();
        for (Iterator<Announced> it = table.descendingIterator(); it.hasNext();) {
            Announced a = it.next();
            if (a.setupFrame <= frame && a.matches(pinfo.netSrc(), srcPort, pinfo.netDst(), dstPort)) {
                return a;
            }
        }
        return null;
    }
}
