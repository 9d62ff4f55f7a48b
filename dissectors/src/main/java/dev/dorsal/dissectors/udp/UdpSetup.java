package dev.dorsal.dissectors.udp;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FlowShortcut;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UDP conversations another protocol announces before they carry data (Wireshark's conversations
 * with a wildcard peer, as SDP sets up RTP): datagrams from or to an announced address and port go
 * to the announced dissector before the port table, and count as one UDP stream per announced
 * endpoint, not per address pair, as in tshark. The sender's endpoint is looked up first, then the
 * receiver's, and only when no conversation of the exact address pair exists yet.
 *
 * <p>Bounded: at most {@value #MAX_ANNOUNCED} endpoints per capture, the least recently used dropped.
 */
public final class UdpSetup {
    static final int MAX_ANNOUNCED = 100_000;

    /** An announced endpoint: the dissector for it and what its announcer tells that dissector. */
    static final class Announced {
        final DissectorHandle handle;
        final Object info;
        UdpConversations.Conversation conversation;

        Announced(DissectorHandle handle, Object info) {
            this.handle = handle;
            this.info = info;
        }
    }

    record Endpoint(Address address, int port) {}

    static final Key<Map<Endpoint, Announced>> TABLE = Key.of("udp.setup");
    /** The announcer's information for the conversation of the datagram being dissected. */
    private static final Key<Object> CURRENT = Key.of("udp.setup.current");

    private UdpSetup() {}

    /**
     * Announces that datagrams from or to {@code address}:{@code port} are {@code handle}'s, with
     * {@code info} for it; a later announcement of the same endpoint replaces the dissector and
     * information but keeps the stream.
     */
    public static void expect(PacketInfo pinfo, Address address, int port, DissectorHandle handle, Object info) {
        Map<Endpoint, Announced> table = table(pinfo);
        Endpoint key = new Endpoint(address, port);
        Announced old = table.get(key);
        Announced now = new Announced(handle, info);
        if (old != null) {
            now.conversation = old.conversation;
        }
        table.put(key, now);
    }

    /** What the announcer of the current datagram's conversation said, or null. */
    public static Object current(PacketInfo pinfo) {
        return pinfo.get(CURRENT);
    }

    static void setCurrent(PacketInfo pinfo, Object info) {
        pinfo.put(CURRENT, info);
    }

    static Map<Endpoint, Announced> table(PacketInfo pinfo) {
        return pinfo.state(TABLE, UdpSetup::newTable);
    }

    /** {@link #table(PacketInfo)} from a flow shortcut's view of the capture's state. */
    static Map<Endpoint, Announced> table(FlowShortcut.States states) {
        return states.state(TABLE, UdpSetup::newTable);
    }

    private static Map<Endpoint, Announced> newTable() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Endpoint, Announced> eldest) {
                return size() > MAX_ANNOUNCED;
            }
        };
    }
}
