package dev.dorsal.dissectors.imap;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one IMAP connection (one {@code tcp.stream}): the last request sent under each tag
 * (matched without regard to case, as tshark matches them) and, for every tagged response line seen,
 * the request it answered, fixed when first seen so later passes show the same link. Per capture,
 * via {@link PacketInfo#state}.
 *
 * <p>Bounded: at most {@value #MAX_SESSIONS} connections (least recently used dropped first),
 * {@value #MAX_TAGS} tags per connection and {@value #MAX_MATCHES} remembered response lines per
 * connection (oldest dropped first; a response line forgotten is matched again, against the tags
 * known then).
 */
final class ImapSession {
    static final int MAX_SESSIONS = 10_000;
    static final int MAX_TAGS = 10_000;
    static final int MAX_MATCHES = 100_000;

    /** A request line: its frame, where it is in that frame, and when it was sent. */
    record Request(long frame, int line, long nanos) {}

    private static final Key<Map<Long, ImapSession>> KEY = Key.of("imap.sessions");

    /** Lower-cased tag to the last request sent under it. */
    final Map<String, Request> tags = lru(MAX_TAGS);
    /** Response line key ({@link #lineKey}) to the request it answered (a null-frame marker when none). */
    final Map<Long, Request> matches = lru(MAX_MATCHES);

    static final Request NONE = new Request(0, 0, 0);

    /** The lower-cased tag of a STARTTLS request not answered yet, or null. */
    String startTlsTag;

    /** A line's key: its frame and its index among the frame's lines. */
    static long lineKey(long frame, int line) {
        return (frame << 20) | (line & 0xfffff);
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    static ImapSession of(PacketInfo pinfo) {
        Map<Long, ImapSession> table = pinfo.state(KEY, () -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ImapSession> eldest) {
                return size() > MAX_SESSIONS;
            }
        });
        return table.computeIfAbsent(TcpPdus.stream(pinfo), s -> new ImapSession());
    }
}
