package dev.dorsal.dissectors.gtp;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PassLinks;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links GTP requests and responses as tshark 4.0.17 does, for version 1 and version 2 apart, keyed by
 * UDP conversation and sequence number. A request waits (a later request with the same number takes
 * its place); the first response with that number answers it, whatever the two message types, and
 * the pair is kept. A message found in a kept pair then shows the link: a request "Response In", a
 * response "Response To" and the time since the request, and so does any other message (not a
 * T-PDU) that carries the number of a kept pair, as in tshark. As tshark, the second pass of {@code -2}
 * starts from the tables the first pass left, so a request re-read waits again and may be answered by
 * a later response. Only the message types tshark pairs are requests and responses (probed on tshark
 * 4.0.17: version 1's echo, PDP context, SGSN context, identification, forward relocation, MS info
 * change and data record transfer; version 2's requests and commands answered by the next type).
 *
 * <p>State is per capture and bounded: at most {@value #MAX_NUMBERS} waiting requests and as many
 * sequence numbers with kept pairs, the oldest dropped first, and {@value #MAX_PAIRS} pairs per number.
 */
final class GtpCalls {
    static final int MAX_NUMBERS = 100_000;
    static final int MAX_PAIRS = 16;

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

    private enum Kind { REQUEST, RESPONSE, OTHER }

    /** The UDP conversation (endpoints in a fixed order) and the sequence number. */
    private record Number(Address a, int portA, Address b, int portB, long seq) {}

    private static final class Pair {
        long request;
        long requestNanos;
        long response;
    }

    private final Map<Number, Pair> waiting = bounded();
    private final Map<Number, Deque<Pair>> kept = bounded();

    private GtpCalls() {}

    private static <V> Map<Number, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Number, V> eldest) {
                return size() > MAX_NUMBERS;
            }
        };
    }

    /** Links a version 1 (or GTP', version 0) message, after its IEs. */
    static void trackV1(Tvb tvb, PacketInfo pinfo, ProtoItem gtp, long seq, int type) {
        Kind kind = switch (type) {
            case 1, 16, 18, 20, 48, 50, 53, 128, 240 -> Kind.REQUEST;
            case 2, 17, 19, 21, 49, 51, 54, 129, 241 -> Kind.RESPONSE;
            default -> Kind.OTHER;
        };
        track(tvb, pinfo, gtp, seq, kind, V1, V1_RESPONSE_IN, V1_RESPONSE_TO, V1_TIME);
    }

    /** Links a version 2 message, after its IEs. */
    static void trackV2(Tvb tvb, PacketInfo pinfo, ProtoItem gtpv2, long seq, int type) {
        Kind kind = switch (type) {
            case 25, 27, 29, 32, 34, 36, 64, 66, 68, 95, 97, 99, 130, 133, 135, 137, 139 -> Kind.REQUEST;
            case 26, 28, 30, 33, 35, 37, 65, 67, 69, 96, 98, 100, 131, 134, 136, 138, 140 -> Kind.RESPONSE;
            default -> Kind.OTHER;
        };
        track(tvb, pinfo, gtpv2, seq, kind, V2, V2_RESPONSE_IN, V2_RESPONSE_TO, V2_TIME);
    }

    private static void track(Tvb tvb, PacketInfo pinfo, ProtoItem tree, long seq, Kind kind, Key<GtpCalls> key,
            FieldDef responseIn, FieldDef responseTo, FieldDef time) {
        GtpCalls state = pinfo.state(key, () -> tables(pinfo, key));
        Number n = number(pinfo, seq);
        long frame = pinfo.number();
        Pair pair = state.find(n, kind, frame);
        boolean request = kind == Kind.REQUEST;
        if (pair == null) {
            if (kind == Kind.REQUEST) {
                Pair p = state.waiting.remove(n);
                p = p != null ? p : new Pair();
                p.request = frame;
                p.requestNanos = pinfo.frame().timestampNanos();
                p.response = 0;
                state.waiting.put(n, p);
                return;
            }
            if (kind == Kind.OTHER) {
                return;
            }
            pair = state.waiting.remove(n);
            if (pair == null) {
                return;
            }
            pair.response = frame;
            Deque<Pair> pairs = state.kept.computeIfAbsent(n, k -> new ArrayDeque<>());
            pairs.addFirst(pair);
            if (pairs.size() > MAX_PAIRS) {
                pairs.removeLast();
            }
        }
        if (request) {
            generated(tree, tree.addUint(responseIn, tvb, 0, 0, pair.response));
        } else {
            generated(tree, tree.addUint(responseTo, tvb, 0, 0, pair.request));
            generated(tree, tree.addTime(time, tvb, 0, 0, pinfo.frame().timestampNanos() - pair.requestNanos));
        }
    }

    /** The kept pair this message belongs to: its request, its response, or for another message any pair. */
    private Pair find(Number n, Kind kind, long frame) {
        Deque<Pair> pairs = kept.get(n);
        if (pairs == null) {
            return null;
        }
        for (Pair p : pairs) {
            if (kind == Kind.OTHER || (kind == Kind.REQUEST ? p.request : p.response) == frame) {
                return p;
            }
        }
        return null;
    }

    /** A new table, or in the second pass of two the one the first pass left (tshark keeps its tables). */
    private static GtpCalls tables(PacketInfo pinfo, Key<GtpCalls> key) {
        PassLinks links = pinfo.links();
        String kind = key == V1 ? "gtp.calls" : "gtpv2.calls";
        if (links.secondPass() && links.recallObject(kind, 0) instanceof GtpCalls first) {
            return first;
        }
        GtpCalls calls = new GtpCalls();
        if (links.learning()) {
            links.learnObject(kind, 0, calls);
        }
        return calls;
    }

    private static Number number(PacketInfo pinfo, long seq) {
        Address s = pinfo.netSrc();
        Address d = pinfo.netDst();
        int sp = pinfo.srcPort();
        int dp = pinfo.dstPort();
        int c = Arrays.compare(s.bytes(), d.bytes());
        if (c < 0 || (c == 0 && sp <= dp)) {
            return new Number(s, sp, d, dp, seq);
        }
        return new Number(d, dp, s, sp, seq);
    }

    private static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
