package dev.dorsal.dissectors.tcp;

import dev.dorsal.dissectors.conversation.AnnouncedConversations;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;

/**
 * Connections a protocol above TCP announced ({@link AnnouncedConversations}): FTP's data connections
 * (PASV, EPSV, PORT, EPRT), and the connection a STARTTLS, STLS or AUTH TLS reply hands to TLS. TCP
 * offers their segments to the announced dissector before its port table; a wildcard port is fixed
 * to the first one a segment matched, as tshark fixes a connection's.
 */
public final class TcpConversationDissectors {
    /** Port wildcard for announcements. */
    public static final int ANY_PORT = AnnouncedConversations.ANY_PORT;
    /** The announcements of TCP connections. */
    public static final AnnouncedConversations ANNOUNCED = new AnnouncedConversations("tcp", true);
    /** Frame where TCP first saw the connection of the current segment. */
    static final Key<Long> FIRST_FRAME = Key.of("tcp.conversation.first_frame");

    private TcpConversationDissectors() {}

    /**
     * The frame where the current segment's conversation was set up: the announcing frame when an
     * announcement called the dissector, else the first frame of the TCP connection (or -1 outside TCP).
     */
    public static long setupFrame(PacketInfo pinfo) {
        AnnouncedConversations.Announced a = ANNOUNCED.current(pinfo);
        if (a != null) {
            return a.setupFrame();
        }
        Long first = pinfo.get(FIRST_FRAME);
        return first == null ? -1 : first;
    }
}
