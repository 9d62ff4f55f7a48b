package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Matches SIP over UDP as tshark does while it reads a capture. Each direction of a Call-ID remembers
 * its last transaction (CSeq number and method, what was seen of it, its original frame): a request
 * or final response seen again for it is a resend of that frame, and a new CSeq starts over. A
 * response finds the request of its CSeq sent the other way (its frame and the time since, and for BYE
 * the release time). Over TCP nothing
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

    private enum State { NOTHING, REQUEST, PROVISIONAL, FINAL }

    /** The transaction last seen in one direction of a Call-ID: tshark's hash value. */
    private static final class Seen {
        long cseq;
        String method;
        State state = State.NOTHING;
        long frame;
        long requestNanos;
    }

    private final Map<Direction, Seen> directions = lru();
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
        Seen v = directions.get(out);
        long compare;
        if (v == null) {
            v = new Seen();
            v.cseq = cseq;
            v.method = method;
            v.requestNanos = now;
            directions.put(out, v);
            compare = 0;
        } else {
            compare = v.cseq;
            if (cseq != v.cseq) {
                // a new transaction in this direction: forget the old one
                v.cseq = cseq;
                v.method = method;
                v.state = State.NOTHING;
                v.frame = 0;
                if (status == 0) {
                    v.requestNanos = now;
                }
            }
        }
        long original = 0;
        if (status == 0) {
            if (compare == cseq && v.state == State.REQUEST && v.method.equals(method)) {
                original = v.frame;
            } else {
                v.state = State.REQUEST;
                v.frame = frame;
            }
        } else {
            if (compare == cseq && v.state == State.FINAL && v.method.equals(method)) {
                original = v.frame;
            }
            if (status >= 200) {
                v.state = State.FINAL;
                if (original == 0) {
                    v.frame = frame;
                }
            } else {
                v.state = State.PROVISIONAL;
            }
        }
        if (status == 0) {
            return new Result(original != 0, original, 0, 0, false);
        }
        Seen req = directions.get(new Direction(callId, pinfo.dst(), pinfo.dstPort(), pinfo.src(), pinfo.srcPort()));
        if (req == null || req.cseq != cseq || !req.method.equals(method) || req.frame == 0) {
            return new Result(original != 0, original, 0, 0, false);
        }
        long millis = (now - req.requestNanos) / 1_000_000L;
        return new Result(original != 0, original, req.frame, millis, method.equals("BYE"));
    }
}
