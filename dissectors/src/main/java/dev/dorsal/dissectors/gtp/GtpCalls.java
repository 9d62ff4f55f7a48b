package dev.dorsal.dissectors.gtp;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PassLinks;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs GTP requests with their responses as tshark 4.0.17 does, for version 1 and version 2 apart. A
 * request waits, by its sequence number, in its UDP conversation (a later request with the same number
 * replaces it); the first response with that number answers it, whatever the two message types, and
 * shows "Response To" and the time since the request. Single pass shows a request's response only with
 * {@code -2}, as tshark. Only the message types tshark pairs take part (probed on tshark 4.0.17: version
 * 1's echo, PDP context, SGSN context, identification, forward relocation, MS info change and data
 * record transfer requests; version 2's requests and commands with a response of the next type).
 *
 * <p>State is per capture and bounded: at most {@value #MAX_WAITING} requests wait for a response, the
 * oldest dropped first.
 */
final class GtpCalls {
    static final int MAX_WAITING = 100_000;

    static final FieldDef V1_RESPONSE_IN = FieldDef.framenum("gtp.response_in", "Response In");
    static final FieldDef V1_RESPONSE_TO = FieldDef.framenum("gtp.response_to", "Response To");
    static final FieldDef V1_TIME = FieldDef.relativeTime("gtp.time", "Time");
    static final List<FieldDef> V1_FIELDS = List.of(V1_RESPONSE_IN, V1_RESPONSE_TO, V1_TIME);

    static final FieldDef V2_RESPONSE_IN = FieldDef.framenum("gtpv2.response_in", "Response In");
    static final FieldDef V2_RESPONSE_TO = FieldDef.framenum("gtpv2.response_to", "Response To");
    static final FieldDef V2_TIME = FieldDef.relativeTime("gtpv2.response_time", "Response Time");
    static final List<FieldDef> V2_FIELDS = List.of(V2_RESPONSE_IN, V2_RESPONSE_TO, V2_TIME);

    private static final Key<GtpCalls> V1 = Key.of("gtp.calls");
    private static final Key<GtpCalls> V2 = Key.of("gtpv2.calls");

    /** The UDP conversation (endpoints in a fixed order) and the sequence number. */
    private record Waiting(Address a, int portA, Address b, int portB, long seq) {}

    private record Request(long frame, long nanos) {}

    private final Map<Waiting, Request> waiting = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Waiting, Request> eldest) {
            return size() > MAX_WAITING;
        }
    };

    private GtpCalls() {}

    /** Links a version 1 message, after its IEs. */
    static void trackV1(Tvb tvb, PacketInfo pinfo, ProtoItem gtp, long seq, int type) {
        boolean request = switch (type) {
            case 1, 16, 18, 20, 48, 50, 53, 128, 240 -> true;
            default -> false;
        };
        boolean response = switch (type) {
            case 2, 17, 19, 21, 49, 51, 54, 129, 241 -> true;
            default -> false;
        };
        track(tvb, pinfo, gtp, seq, request, response, V1, V1_RESPONSE_IN, V1_RESPONSE_TO, V1_TIME);
    }

    /** Links a version 2 message. */
    static void trackV2(Tvb tvb, PacketInfo pinfo, ProtoItem gtpv2, long seq, int type) {
        boolean request = switch (type) {
            case 25, 27, 29, 32, 34, 36, 64, 66, 68, 95, 97, 99, 130, 133, 135, 137, 139 -> true;
            default -> false;
        };
        boolean response = switch (type) {
            case 26, 28, 30, 33, 35, 37, 65, 67, 69, 96, 98, 100, 131, 134, 136, 138, 140 -> true;
            default -> false;
        };
        track(tvb, pinfo, gtpv2, seq, request, response, V2, V2_RESPONSE_IN, V2_RESPONSE_TO, V2_TIME);
    }

    private static void track(Tvb tvb, PacketInfo pinfo, ProtoItem tree, long seq, boolean request,
            boolean response, Key<GtpCalls> key, FieldDef responseIn, FieldDef responseTo, FieldDef time) {
        if (!request && !response) {
            return;
        }
        GtpCalls state = pinfo.state(key, GtpCalls::new);
        Waiting w = waiting(pinfo, seq);
        long frame = pinfo.number();
        PassLinks links = pinfo.links();
        if (request) {
            state.waiting.remove(w); // a repeated number starts over, as the newest request
            state.waiting.put(w, new Request(frame, pinfo.frame().timestampNanos()));
            long rsp = links.secondPass() ? links.recall(responseIn.abbrev(), frame) : 0;
            if (rsp != 0) {
                generated(tree, tree.addUint(responseIn, tvb, 0, 0, rsp));
            }
            return;
        }
        Request req = state.waiting.remove(w);
        if (req == null) {
            return;
        }
        if (links.learning()) {
            links.learn(responseIn.abbrev(), req.frame, frame);
        }
        generated(tree, tree.addUint(responseTo, tvb, 0, 0, req.frame));
        generated(tree, tree.addTime(time, tvb, 0, 0, pinfo.frame().timestampNanos() - req.nanos));
    }

    private static Waiting waiting(PacketInfo pinfo, long seq) {
        Address s = pinfo.netSrc();
        Address d = pinfo.netDst();
        int sp = pinfo.srcPort();
        int dp = pinfo.dstPort();
        int c = Arrays.compare(s.bytes(), d.bytes());
        if (c < 0 || (c == 0 && sp <= dp)) {
            return new Waiting(s, sp, d, dp, seq);
        }
        return new Waiting(d, dp, s, sp, seq);
    }

    private static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
