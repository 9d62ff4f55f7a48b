package dev.dorsal.dissectors.conversation;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Conversations a protocol announced for another dissector (Wireshark's conversation_new +
 * conversation_set_dissector): FTP's PASV reply names the next data connection, a STARTTLS reply hands
 * its own connection to TLS, a TFTP request announces the transfer the server answers from a new port.
 * The transport (TCP, UDP) offers the segments of such a conversation to its dissector before its port
 * table, whatever their ports.
 *
 * <p>An announcement names both addresses and one or both ports; a missing port ({@link #ANY_PORT})
 * matches any port. For TCP it is fixed to the first port it matched, as tshark fixes a connection's;
 * for UDP it stays a wildcard. Of the announcements matching a packet (either direction), the latest
 * one in force at the packet's frame wins.
 *
 * <p>Bounded: at most {@value #MAX_ANNOUNCED} announcements per capture and transport, the oldest
 * dropped first.
 */
public final class AnnouncedConversations {
    /** Port wildcard for {@link #announce}. */
    public static final int ANY_PORT = -1;
    /** Most announcements kept per capture. */
    public static final int MAX_ANNOUNCED = 10_000;

    /** One announced conversation: who announced it (frame), its dissector and that dissector's data. */
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
        public long setupFrame() {
            return setupFrame;
        }

        /** What the announcing dissector attached, or null. */
        public Object data() {
            return data;
        }

        /** The dissector the conversation was announced for. */
        public DissectorHandle handle() {
            return handle;
        }

        /** True when {@code src:sp → dst:dp} is this conversation, either way; may fix a wildcard port. */
        boolean matches(Address src, int sp, Address dst, int dp, boolean fixWildcard) {
            return matchOneWay(src, sp, dst, dp, fixWildcard) || matchOneWay(dst, dp, src, sp, fixWildcard);
        }

        private boolean matchOneWay(Address x, int px, Address y, int py, boolean fixWildcard) {
            if (!a.equals(x) || !b.equals(y)) {
                return false;
            }
            if ((portA != ANY_PORT && portA != px) || (portB != ANY_PORT && portB != py)) {
                return false;
            }
            if (fixWildcard && portB == ANY_PORT) {
                portB = py;
            }
            return true;
        }
    }

    private final Key<ArrayDeque<Announced>> table;
    private final Key<Announced> current;
    private final boolean fixWildcard;

    /**
     * The announcements of one transport ({@code name} keys its per-capture table); {@code fixWildcard}
     * fixes a wildcard port to the first one a packet matched it with.
     */
    public AnnouncedConversations(String name, boolean fixWildcard) {
        this.table = Key.of(name + ".conversation.dissectors");
        this.current = Key.of(name + ".conversation.current");
        this.fixWildcard = fixWildcard;
    }

    /**
     * Announces the conversation {@code a:portA ↔ b:portB} (either port may be {@link #ANY_PORT},
     * {@code portA} only when {@code portB} is given) for {@code handle}, made by the current frame.
     */
    public void announce(PacketInfo pinfo, Address a, int portA, Address b, int portB, DissectorHandle handle,
            Object data) {
        if (portA == ANY_PORT && portB != ANY_PORT) {
            announce(pinfo, b, portB, a, portA, handle, data);
            return;
        }
        add(pinfo, new Announced(a, portA, b, portB, pinfo.number(), pinfo.number(), handle, data));
    }

    /**
     * Hands the current packet's conversation to {@code handle} from the next frame on (tshark's
     * ssl_starttls_ack: after a 220 reply to STARTTLS the connection carries TLS).
     */
    public void announceAfter(PacketInfo pinfo, DissectorHandle handle) {
        add(pinfo, new Announced(pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(), pinfo.dstPort(), pinfo.number(),
                pinfo.number() + 1, handle, null));
    }

    private void add(PacketInfo pinfo, Announced announced) {
        ArrayDeque<Announced> t = pinfo.state(table, ArrayDeque::new);
        if (t.size() >= MAX_ANNOUNCED) {
            t.pollFirst();
        }
        t.addLast(announced);
    }

    /** The latest announcement matching the current packet in force at its frame, or null. */
    public Announced find(PacketInfo pinfo, int srcPort, int dstPort) {
        ArrayDeque<Announced> t = pinfo.state(table, ArrayDeque::new);
        if (t.isEmpty()) {
            return null;
        }
        long frame = pinfo.number();
        for (Iterator<Announced> it = t.descendingIterator(); it.hasNext();) {
            Announced a = it.next();
            if (a.fromFrame <= frame && a.matches(pinfo.netSrc(), srcPort, pinfo.netDst(), dstPort, fixWildcard)) {
                return a;
            }
        }
        return null;
    }

    /**
     * Offers the packet to the dissector of its announced conversation, if any: true when that
     * dissector took it. While it runs, {@link #current} says which announcement called it.
     */
    public boolean tryDissect(PacketInfo pinfo, int srcPort, int dstPort, Tvb tvb, ProtoItem tree) {
        Announced announced = find(pinfo, srcPort, dstPort);
        pinfo.put(current, announced);
        if (announced == null) {
            return false;
        }
        if (pinfo.call(announced.handle(), tvb, tree) > 0) {
            return true;
        }
        pinfo.put(current, null);
        return false;
    }

    /** The announcement the current dissector was called for, or null when something else called it. */
    public Announced current(PacketInfo pinfo) {
        return pinfo.get(current);
    }
}
