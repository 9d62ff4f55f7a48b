package dev.dorsal.dissectors.ntp;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PassLinks;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs NTP requests with their responses within a UDP conversation: a client request (mode 3)
 * with the next server response (mode 4), a private request (mode 7) with the next private
 * response, a control request (mode 6) with the control response of the same sequence number; a
 * newer request replaces an unanswered one. As in tshark, the pairs are found while the capture is
 * read and shown only by a second pass ({@code -2}): a single pass shows none, not even the request
 * a response answers.
 *
 * <p>State is per capture and bounded: at most {@value #MAX_PENDING} unanswered requests are kept,
 * the least recently used dropped first.
 */
final class NtpTransactions {
    static final int MAX_PENDING = 100_000;

    static final FieldDef RESPONSE_IN = FieldDef.framenum("ntp.response_in", "Response In");
    static final FieldDef REQUEST_IN = FieldDef.framenum("ntp.request_in", "Request In");
    static final FieldDef DELTA_TIME = FieldDef.relativeTime("ntp.delta_time", "Delta Time");
    static final List<FieldDef> FIELDS = List.of(RESPONSE_IN, REQUEST_IN, DELTA_TIME);

    private static final Key<NtpTransactions> KEY = Key.of("ntp.transactions");
    /** Learned delays are stored plus one: a learned value of 0 would mean "nothing learned". */
    private static final String DELTA_KIND = DELTA_TIME.abbrev();

    /** A conversation (endpoints in a fixed order) and the sequence number of a control message (-1 otherwise). */
    private record PendingKey(Address a, int portA, Address b, int portB, int sequence) {}

    private record Request(long frame, long nanos) {}

    private final Map<PendingKey, Request> pending = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PendingKey, Request> eldest) {
            return size() > MAX_PENDING;
        }
    };

    private NtpTransactions() {}

    /** Key of the pending client request of a conversation, and of the pending private (mode 7) request. */
    static final int CLIENT_SERVER = -1;
    static final int PRIVATE = -2;

    /**
     * Records a whole message header (tshark pairs only messages read that far): a request waits for
     * the next response of its conversation with the same {@code key}, a control message's sequence
     * number or {@link #CLIENT_SERVER} / {@link #PRIVATE}.
     */
    static void track(PacketInfo pinfo, int key, boolean response) {
        PassLinks links = pinfo.links();
        if (!links.learning()) {
            return;
        }
        NtpTransactions state = pinfo.state(KEY, NtpTransactions::new);
        PendingKey pendingKey = key(pinfo, key);
        long now = pinfo.frame().timestampNanos();
        if (!response) {
            state.pending.put(pendingKey, new Request(pinfo.number(), now));
            return;
        }
        Request request = state.pending.remove(pendingKey);
        if (request != null) {
            links.learn(RESPONSE_IN.abbrev(), request.frame, pinfo.number());
            links.learn(REQUEST_IN.abbrev(), pinfo.number(), request.frame);
            links.learn(DELTA_KIND, pinfo.number(), now - request.nanos + 1);
        }
    }

    /** Shows, in a second pass, the frame that answered this request or the request this answers. */
    static void show(PacketInfo pinfo, ProtoItem ntp, Tvb tvb, boolean response) {
        PassLinks links = pinfo.links();
        if (!links.secondPass()) {
            return;
        }
        long frame = pinfo.number();
        if (!response) {
            long rep = links.recall(RESPONSE_IN.abbrev(), frame);
            if (rep != 0) {
                generated(ntp, ntp.addUint(RESPONSE_IN, tvb, 0, 0, rep));
            }
            return;
        }
        long req = links.recall(REQUEST_IN.abbrev(), frame);
        if (req != 0) {
            generated(ntp, ntp.addUint(REQUEST_IN, tvb, 0, 0, req));
            generated(ntp, ntp.addTime(DELTA_TIME, tvb, 0, 0, links.recall(DELTA_KIND, frame) - 1));
        }
    }

    private static PendingKey key(PacketInfo pinfo, int sequence) {
        Address s = pinfo.src();
        Address d = pinfo.dst();
        int sp = pinfo.srcPort();
        int dp = pinfo.dstPort();
        int c = java.util.Arrays.compare(s.bytes(), d.bytes());
        if (c < 0 || (c == 0 && sp <= dp)) {
            return new PendingKey(s, sp, d, dp, sequence);
        }
        return new PendingKey(d, dp, s, sp, sequence);
    }

    private static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
