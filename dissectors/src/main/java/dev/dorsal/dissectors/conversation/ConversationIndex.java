package dev.dorsal.dissectors.conversation;

import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;

/**
 * Numbers conversations across transports in order of creation, as Wireshark's {@code conv_index}
 * does (one counter for every conversation of a capture, TCP and UDP alike), and tells upper layers
 * the number of the packet's conversation. TCP and UDP number each connection or address/port pair
 * when it first appears; COTP derives the destination reference it shows for class 0 and 1 data
 * from it. Conversations other protocols announce (FTP data, TFTP) are not counted separately.
 */
public final class ConversationIndex {
    /** Per capture: the next number to give. */
    private static final Key<long[]> NEXT = Key.of("conversation.index.next");
    /** Per packet: the number of the transport conversation being dissected. */
    private static final Key<Long> CURRENT = Key.of("conversation.index.current");

    private ConversationIndex() {}

    /** A number for a conversation created now. */
    public static long next(PacketInfo pinfo) {
        long[] next = pinfo.state(NEXT, () -> new long[1]);
        return next[0]++;
    }

    /** Records the number of the packet's (innermost) transport conversation. */
    public static void setCurrent(PacketInfo pinfo, long index) {
        pinfo.put(CURRENT, index);
    }

    /** The number of the packet's transport conversation, or -1 when none was recorded. */
    public static long current(PacketInfo pinfo) {
        Long c = pinfo.get(CURRENT);
        return c == null ? -1 : c;
    }
}
