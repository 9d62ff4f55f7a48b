package dev.dorsal.dissectors.http2;

import dev.dorsal.dissectors.http.HttpShared;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A DATA frame (RFC 9113 §6.1): its optional padding and its data. The data of a stream's direction is
 * gathered until the frame with END_STREAM (the others are labelled {@code (partial entity body)});
 * that frame shows the whole body, with {@code [N Body fragments (X bytes): #8(6), #9(5)]} when it came
 * in several frames (a {@code Reassembled body} data source), inflates it when its content coding is
 * gzip or deflate ({@code Content-encoded entity body (gzip): 37 bytes -> 17 bytes}), and hands it to
 * the dissector of the media type its header block gave ({@code media_type}, as HTTP does).
 */
final class Http2Data {
    static final FieldDef DATA = FieldDef.bytes("http2.data.data", "Data");
    static final FieldDef PADDING = FieldDef.bytes("http2.data.padding", "Padding");
    static final FieldDef FRAGMENTS = FieldDef.none("http2.body.fragments", "Body fragments");
    static final FieldDef FRAGMENT = FieldDef.framenum("http2.body.fragment", "Body fragment");
    static final FieldDef FRAGMENT_COUNT = FieldDef.uint32("http2.body.fragment.count", "Body fragment count");
    static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint32("http2.body.reassembled.length",
            "Reassembled body length");
    static final FieldDef REASSEMBLED_DATA = FieldDef.bytes("http2.body.reassembled.data", "Reassembled body data");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("http2.body.reassembled.in", "Reassembled body in frame");
    // tshark's reassembly fields that never show here (DATA is gathered without overlaps or tails):
    // registered so that filters naming them compile, as in tshark.
    static final FieldDef SEGMENT = FieldDef.bytes("http2.data.segment", "DATA segment");
    static final FieldDef OVERLAP = FieldDef.bool("http2.body.fragment.overlap", "Body fragment overlap");
    static final FieldDef OVERLAP_CONFLICTS = FieldDef.bool("http2.body.fragment.overlap.conflicts",
            "Body fragment overlapping with conflicting data");
    static final FieldDef MULTIPLE_TAILS = FieldDef.bool("http2.body.fragment.multiple_tails",
            "Body has multiple tail fragments");
    static final FieldDef TOO_LONG = FieldDef.bool("http2.body.fragment.too_long_fragment", "Body fragment too long");
    static final FieldDef FRAGMENT_ERROR = FieldDef.framenum("http2.body.fragment.error", "Body defragment error");

    static final List<FieldDef> FIELDS = List.of(DATA, PADDING, FRAGMENTS, FRAGMENT, FRAGMENT_COUNT,
            REASSEMBLED_LENGTH, REASSEMBLED_DATA, REASSEMBLED_IN, SEGMENT, OVERLAP, OVERLAP_CONFLICTS, MULTIPLE_TAILS,
            TOO_LONG, FRAGMENT_ERROR);

    static final ExpertDef DECOMPRESSION_FAILED = new ExpertDef("http2.body_decompression_failed",
            "Body decompression failed", ExpertDef.Group.UNDECODED, ExpertDef.Severity.WARN);

    /** tshark's mark of a body reassembly that failed; Dorsal's never fails (registered for filters). */
    static final ExpertDef REASSEMBLY_ERROR = new ExpertDef("http2.reassembly_error", "Reassembly failed",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    static final List<ExpertDef> EXPERTS = List.of(DECOMPRESSION_FAILED, REASSEMBLY_ERROR);

    private Http2Data() {}

    static void dissect(Http2Dissector.Frame f) {
        Tvb tvb = f.tvb();
        ProtoItem t = f.stream();
        int off = Http2Dissector.FRAME_HEADER;
        int pad = Http2HeaderBlock.padLength(f, off);
        if (f.flag(Http2Flags.PADDED)) {
            off++;
        }
        int n = Http2Dissector.FRAME_HEADER + f.length() - off - pad;
        if (n < 0) {
            throw new dev.dorsal.engine.spi.MalformedException("padding of " + pad + " longer than the payload");
        }
        Http2Sessions.StreamHalf half = f.direction().stream(f.streamId());
        byte[] bytes = tvb.bytes(off, n);
        if (!f.flag(Http2Flags.END_STREAM)) {
            t.appendText(" (partial entity body)");
            half.add(f.pinfo().number(), bytes);
            // Where the body ends, as a first pass of two (tshark -2) learned.
            long in = f.pinfo().links().recall(REASSEMBLED_IN.abbrev(), linkKey(f.pinfo().number(), f.streamId()));
            if (in != 0) {
                t.addUint(REASSEMBLED_IN, tvb, off, 0, in);
            }
            t.add(DATA, tvb, off, n);
        } else {
            body(f, half, tvb, off, n, bytes);
        }
        if (f.flag(Http2Flags.PADDED)) {
            t.add(PADDING, tvb, off + n, pad);
        }
    }

    /**
     * The last frame of a body: the whole body (with the fragments tree when it came in several frames),
     * then, for a gzip, deflate or br content coding (names as sent, lower case: tshark matches them
     * exactly), the {@code Content-encoded entity body} item, and the media type's dissector.
     */
    private static void body(Http2Dissector.Frame f, Http2Sessions.StreamHalf half, Tvb tvb, int off, int n,
            byte[] bytes) {
        PacketInfo pinfo = f.pinfo();
        ProtoItem t = f.stream();
        Tvb body;
        if (half.body.isEmpty()) {
            body = tvb.slice(off, n);
        } else {
            half.add(pinfo.number(), bytes);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (Http2Sessions.Fragment fr : half.body) {
                whole.writeBytes(fr.data());
            }
            body = pinfo.addDataSource("Reassembled body", whole.toByteArray());
            fragments(t, body, half.body);
            for (Http2Sessions.Fragment fr : half.body) {
                pinfo.links().learn(REASSEMBLED_IN.abbrev(), linkKey(fr.frame(), f.streamId()), pinfo.number());
            }
        }
        half.clearBody();
        String encoding = half.contentEncoding;
        boolean coded = body.reportedLength() > 0 && encoding != null
                && (encoding.equals("gzip") || encoding.equals("deflate") || encoding.equals("br"));
        ProtoItem under = f.proto();
        if (!coded) {
            t.add(DATA, body, 0, body.length());
        } else {
            // Brotli has no decoder in the JDK: a br body is shown as one that did not inflate.
            byte[] inflated = encoding.equals("br") ? null : HttpShared.inflate(body);
            ProtoItem e = t.addText(body, 0, body.length(), "Content-encoded entity body (" + encoding + "): "
                    + body.length() + " bytes");
            if (inflated == null) {
                e.addText(body, 0, 0, "Body decompression failed").expert(DECOMPRESSION_FAILED);
            } else {
                e.appendText(" -> " + inflated.length + " bytes");
                body = pinfo.addDataSource("Uncompressed entity body", inflated);
            }
            e.add(DATA, body, 0, body.length());
            under = t;
        }
        if (half.contentType != null && body.reportedLength() > 0) {
            HttpShared.dissect(pinfo, body, under, half.contentType, half.contentParameters);
        }
    }

    /** The key of what a first pass learns about one stream's DATA in one frame. */
    private static long linkKey(long frame, long streamId) {
        return frame << 31 | streamId;
    }

    /** The "[2 Body fragments (11 bytes): #8(6), #8(5)]" tree, over the reassembled body. */
    private static void fragments(ProtoItem t, Tvb body, List<Http2Sessions.Fragment> parts) {
        int length = body.length();
        ProtoItem top = Http2Text.generated(t, t.add(FRAGMENTS, body, 0, length));
        StringBuilder label = new StringBuilder();
        label.append(parts.size()).append(" Body fragments (").append(length).append(length == 1 ? " byte): " : " bytes): ");
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            Http2Sessions.Fragment p = parts.get(i);
            label.append(i == 0 ? "#" : ", #").append(p.frame()).append('(').append(p.data().length).append(')');
        }
        top.setText(label.toString());
        for (Http2Sessions.Fragment p : parts) {
            int len = p.data().length;
            ProtoItem s = Http2Text.generated(top, top.addUint(FRAGMENT, body, at, len, p.frame()));
            s.setText("Frame: " + p.frame() + ", payload: " + at + "-" + (at + len - 1) + " (" + len
                    + (len == 1 ? " byte)" : " bytes)"));
            at += len;
        }
        Http2Text.generated(top, top.addUint(FRAGMENT_COUNT, body, 0, 0, parts.size()));
        Http2Text.generated(top, top.addUint(REASSEMBLED_LENGTH, body, 0, 0, length));
        Http2Text.generated(top, top.add(REASSEMBLED_DATA, body, 0, length));
    }
}
