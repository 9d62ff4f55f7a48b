package dev.dorsal.dissectors.radius;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
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
 * Pairs RADIUS requests with their responses as tshark 4.0.17 does. A request (Access, Accounting,
 * Password, Resource-Free, Resource-Query, NAS-Reboot, Event, Disconnect, CoA, ALU-State) opens a call
 * keyed by its UDP conversation, code and identifier; the same request again with the same
 * authenticator is a duplicate of it, one with another authenticator opens a new call. A response of
 * the matching kind and identifier answers the call (the first response is the call's response; the
 * same response code again is a duplicate). Single pass shows, for a request, the response only when
 * it came before (a late duplicate); {@code -2} shows every request's response.
 *
 * <p>State is per capture and bounded: at most {@value #MAX_CALLS} calls are kept, the least recently
 * used dropped first, and at most {@value #MAX_DUPLICATES} duplicate frames per call are linked to its
 * response in a second pass.
 */
final class RadiusCalls {
    static final int MAX_CALLS = 100_000;
    static final int MAX_DUPLICATES = 16;

    static final FieldDef REQ = FieldDef.bool("radius.req", "Request");
    static final FieldDef RSP = FieldDef.bool("radius.rsp", "Response");
    static final FieldDef REQFRAME = FieldDef.framenum("radius.reqframe", "Request Frame");
    static final FieldDef RSPFRAME = FieldDef.framenum("radius.rspframe", "Response Frame");
    static final FieldDef TIME = FieldDef.relativeTime("radius.time", "Time from request");
    static final FieldDef DUP = FieldDef.uint32("radius.dup", "Duplicate Message ID");
    static final FieldDef REQ_DUP = FieldDef.framenum("radius.req.dup", "Duplicate Request Frame Number");
    static final FieldDef RSP_DUP = FieldDef.framenum("radius.rsp.dup", "Duplicate Response Frame Number");
    static final List<FieldDef> FIELDS = List.of(REQ, RSP, REQFRAME, RSPFRAME, TIME, DUP, REQ_DUP, RSP_DUP);

    private static final Key<RadiusCalls> KEY = Key.of("radius.calls");

    /** The conversation (endpoints in a fixed order), the request code and the identifier. */
    private record CallKey(Address a, int portA, Address b, int portB, int requestCode, int id) {}

    private static final class Call {
        final long reqFrame;
        final long reqNanos;
        final byte[] authenticator;
        long rspFrame;
        int rspCode;
        long[] duplicates = new long[0];

        Call(long reqFrame, long reqNanos, byte[] authenticator) {
            this.reqFrame = reqFrame;
            this.reqNanos = reqNanos;
            this.authenticator = authenticator;
        }
    }

    private final Map<CallKey, Call> calls = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CallKey, Call> eldest) {
            return size() > MAX_CALLS;
        }
    };

    private RadiusCalls() {}

    /** The request code a code answers (itself for a request), or 0 for codes tshark does not pair. */
    static int requestCode(int code) {
        return switch (code) {
            case 1, 2, 3, 11 -> 1;
            case 4, 5 -> 4;
            case 7, 8, 9 -> 7;
            case 21, 22 -> 21;
            case 23, 24 -> 23;
            case 26, 27 -> 26;
            case 33, 34 -> 33;
            case 40, 41, 42 -> 40;
            case 43, 44, 45 -> 43;
            case 129, 130, 131, 132 -> 129;
            default -> 0;
        };
    }

    /** Records this message and adds the request/response items after the authenticator. */
    static void track(Tvb tvb, PacketInfo pinfo, ProtoItem radius, int code, int id) {
        int requestCode = requestCode(code);
        if (requestCode == 0) {
            return;
        }
        RadiusCalls state = pinfo.state(KEY, RadiusCalls::new);
        CallKey key = key(pinfo, requestCode, id);
        long frame = pinfo.number();
        Columns cols = pinfo.columns();
        PassLinks links = pinfo.links();
        if (code == requestCode) {
            hidden(radius, radius.addBool(REQ, tvb, 0, 0, true));
            byte[] authenticator = tvb.bytes(4, 16);
            Call call = state.calls.get(key);
            if (call != null && call.reqFrame != frame && Arrays.equals(call.authenticator, authenticator)) {
                hidden(radius, radius.addUint(DUP, tvb, 0, 0, id));
                generated(radius, radius.addUint(REQ_DUP, tvb, 0, 0, call.reqFrame));
                if (cols.enabled()) {
                    cols.appendInfo(", Duplicate Request");
                }
                if (call.rspFrame != 0) {
                    if (links.learning()) {
                        links.learn(RSPFRAME.abbrev(), frame, call.rspFrame);
                    }
                } else if (call.duplicates.length < MAX_DUPLICATES) {
                    call.duplicates = Arrays.copyOf(call.duplicates, call.duplicates.length + 1);
                    call.duplicates[call.duplicates.length - 1] = frame;
                }
            } else {
                call = new Call(frame, pinfo.frame().timestampNanos(), authenticator);
                state.calls.put(key, call);
            }
            long rsp = links.secondPass() ? links.recall(RSPFRAME.abbrev(), frame) : call.rspFrame;
            if (rsp != 0) {
                label(generated(radius, radius.addUint(RSPFRAME, tvb, 0, 0, rsp)),
                        "The response to this request is in frame " + rsp);
            }
            return;
        }
        hidden(radius, radius.addBool(RSP, tvb, 0, 0, true));
        Call call = state.calls.get(key);
        if (call == null) {
            return;
        }
        boolean duplicate = call.rspFrame != 0 && call.rspFrame != frame && call.rspCode == code;
        if (call.rspFrame == 0) {
            call.rspFrame = frame;
            call.rspCode = code;
            if (links.learning()) {
                links.learn(RSPFRAME.abbrev(), call.reqFrame, frame);
                for (long dup : call.duplicates) {
                    links.learn(RSPFRAME.abbrev(), dup, frame);
                }
            }
        }
        label(generated(radius, radius.addUint(REQFRAME, tvb, 0, 0, call.reqFrame)),
                "This is a response to a request in frame " + call.reqFrame);
        generated(radius, radius.addTime(TIME, tvb, 0, 0, pinfo.frame().timestampNanos() - call.reqNanos));
        if (duplicate) {
            hidden(radius, radius.addUint(DUP, tvb, 0, 0, id));
            generated(radius, radius.addUint(RSP_DUP, tvb, 0, 0, call.rspFrame));
            if (cols.enabled()) {
                cols.appendInfo(", Duplicate Response");
            }
        }
    }

    private static CallKey key(PacketInfo pinfo, int requestCode, int id) {
        Address s = pinfo.netSrc();
        Address d = pinfo.netDst();
        int sp = pinfo.srcPort();
        int dp = pinfo.dstPort();
        int c = Arrays.compare(s.bytes(), d.bytes());
        if (c < 0 || (c == 0 && sp <= dp)) {
            return new CallKey(s, sp, d, dp, requestCode, id);
        }
        return new CallKey(d, dp, s, sp, requestCode, id);
    }

    private static void hidden(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setHidden();
        }
    }

    private static ProtoItem generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
        return item;
    }

    private static void label(ProtoItem item, String text) {
        if (item.tree().detailed() && item.field() != null && item.field().abbrev().startsWith("radius.")) {
            item.setText(text);
        }
    }
}
