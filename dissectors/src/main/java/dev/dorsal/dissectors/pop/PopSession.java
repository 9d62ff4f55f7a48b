package dev.dorsal.dissectors.pop;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one POP connection (one {@code tcp.stream}) as tshark keeps it: whether the last
 * command was RETR/TOP (its reply announces the message length) or STLS, the announced and read
 * byte counts that decide whether a data frame is the last of a message, the data frames not yet
 * reassembled, and what each frame's first look decided. Per capture, via {@link PacketInfo#state}.
 *
 * <p>Bounded: at most {@value #MAX_SESSIONS} connections (least recently used dropped first),
 * {@value #MAX_FRAMES} remembered frames per connection (oldest dropped first) and
 * {@value #MAX_FRAGMENTS} pending data frames per message (later ones are shown but not listed), and
 * {@value #MAX_MESSAGE_BYTES} bytes of one message kept for IMF; a joined message's bytes stay with the
 * frame that completed it (a remembered frame) for later passes.
 */
final class PopSession {
    static final int MAX_SESSIONS = 10_000;
    static final int MAX_FRAMES = 100_000;
    static final int MAX_FRAGMENTS = 10_000;

    /** At most this many bytes of one message are kept for IMF (the frames after are counted, not kept). */
    static final int MAX_MESSAGE_BYTES = 16 << 20;

    /** One data frame of a message: its number, length and captured bytes. */
    record Fragment(long frame, int length, byte[] bytes) {}

    /**
     * What the first look at a frame decided: for a data frame whether more follow, for a reply
     * whether its length was unreadable; for the frame completing a message, the frames it joined.
     */
    static final class Frame {
        boolean moreFrags;
        boolean totLenInvalid;
        /** A data frame that completes its message: IMF reads it (or the joined message). */
        boolean complete;
        List<Fragment> reassembled;
        /** The joined message's bytes, when more than one frame made it. */
        byte[] message;
    }

    private static final Key<Map<Long, PopSession>> KEY = Key.of("pop.sessions");

    boolean msgRequest;
    boolean stlsRequest;
    long msgReadLen;
    long msgTotLen;
    /** Bytes kept in {@link #pending}, at most {@value #MAX_MESSAGE_BYTES}. */
    long pendingBytes;
    final List<Fragment> pending = new ArrayList<>();
    final Map<Long, Frame> frames = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Frame> eldest) {
            return size() > MAX_FRAMES;
        }
    };

    static PopSession of(PacketInfo pinfo) {
        Map<Long, PopSession> table = pinfo.state(KEY, () -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, PopSession> eldest) {
                return size() > MAX_SESSIONS;
            }
        });
        return table.computeIfAbsent(TcpPdus.stream(pinfo), s -> new PopSession());
    }
}
