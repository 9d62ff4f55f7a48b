package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Matches SIP over UDP as tshark does while it reads a capture: a request seen again with the same
 * Call-ID, CSeq and direction is a resend, and a response finds the request of its Call-ID and CSeq
 * sent the other way (its frame and the time since, and for BYE the release time). Over TCP nothing
 * is resent and no response is matched, as in tshark. The result of each frame is kept, so a second
 * pass (-2) shows what the first found.
 *
 * <p>State is per capture and bounded: at most {@value #MAX_ENTRIES} transactions and frame results,
 * the least recently used dropped first.
 */
final class SipTransactions {
    static final int MAX_ENTRIES = 100_000;

    private static final Key<SipTransactions> KEY = Key.of("sip.transactions");

    /** What tshark shows for a message: resent (and of which frame), and for a response its request. */
    record Result(boolean resend, long original, long requestFrame, long responseMillis, boolean release) {}

    private record Direction(String callId, Address src, int srcPort, Address dst, int dstPort) {}

    private record Seen(long cseq, String method, int status, long frame, long nanos) {}

    private final Map<Direction, Seen> requests = lru();
    private final Map<Direction, Seen> responses = lru();
    private final Map<String, Result> frames = lru();

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    private SipTransactions() {}

    /**
     * The result for the message {@code index} of this frame with Call-ID {@code callId}, CSeq
     * {@code cseq}/{@code method} and {@code status} (0 for a request).
     */
    static Result track(PacketInfo pinfo, int index, String callId, long cseq, String method, int status) {
        SipTransactions t = pinfo.state(KEY, SipTransactions::new);
        String frameKey = pinfo.number() + "/" + index;
        Result done = t.frames.get(frameKey);
        if (done != null) {
            return done;
        }
        Result r = !"udp".equals(pinfo.portType())
                ? new Result(false, 0, 0, 0, false)
                : t.udp(pinfo, callId, cseq, method, status);
        t.frames.put(frameKey, r);
        return r;
    }

    private Result udp(PacketInfo pinfo, String callId, long cseq, String method, int status) {
        long frame = pinfo.number();
        long now = pinfo.frame().timestampNanos();
        Direction out = new Direction(callId, pinfo.src(), pinfo.srcPort(), pinfo.dst(), pinfo.dstPort());
        if (status == 0) {
            Seen prev = requests.get(out);
            if (prev != null && prev.cseq == cseq && prev.method.equals(method) && prev.frame != frame) {
                return new Result(true, prev.frame, 0, 0, false);
            }
            requests.put(out, new Seen(cseq, method, 0, frame, now));
            return new Result(false, 0, 0, 0, false);
        }
        Seen prev = responses.get(out);
        boolean resend = prev != null && prev.cseq == cseq && prev.method.equals(method) && prev.status == status
                && prev.frame != frame;
        responses.put(out, new Seen(cseq, method, status, resend ? prev.frame : frame, now));
        Direction back = new Direction(callId, pinfo.dst(), pinfo.dstPort(), pinfo.src(), pinfo.srcPort());
        Seen req = requests.get(back);
        if (req == null || req.cseq != cseq || !req.method.equals(method)) {
            return new Result(resend, resend ? prev.frame : 0, 0, 0, false);
        }
        long millis = (now - req.nanos) / 1_000_000L;
        return new Result(resend, resend ? prev.frame : 0, req.frame, millis, method.equals("BYE"));
    }
}
