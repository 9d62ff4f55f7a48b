package dev.dorsal.dissectors.http2;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * The frames that carry a header block fragment: HEADERS (RFC 9113 §6.2, with its optional padding and
 * priority fields), PUSH_PROMISE (§6.6, with the promised stream) and CONTINUATION (§6.10; tshark honours
 * the PADDED flag on it too). The fragment goes to the HPACK decoder of the frame's direction in frame
 * order, and what it decodes is shown under the frame ({@link Http2Headers}). Padding longer than the
 * payload ends the frame as malformed.
 */
final class Http2HeaderBlock {
    static final FieldDef PAD_LENGTH_FIELD = FieldDef.uint8("http2.padding", "Pad Length").hex();
    static final FieldDef PAD_LENGTH = FieldDef.uint16("http2.pad_length", "Pad Length");
    static final FieldDef FRAGMENT = FieldDef.bytes("http2.headers", "Header Block Fragment");
    static final FieldDef PADDING = FieldDef.bytes("http2.headers.padding", "Padding");
    static final FieldDef PUSH_RESERVED = FieldDef.uint32("http2.push_promise.r", "Reserved").hex().mask(0x80000000L);
    static final FieldDef PROMISED_STREAM = FieldDef.uint32("http2.push_promise.promised_stream_id",
            "Promised-Stream-ID").mask(0x7fffffffL);
    static final FieldDef PUSH_FRAGMENT = FieldDef.bytes("http2.push_promise.header", "Header Block Fragment");
    static final FieldDef PUSH_PADDING = FieldDef.bytes("http2.push_promise.padding", "Padding");
    static final FieldDef CONTINUATION_FRAGMENT = FieldDef.string("http2.continuation.header", "Continuation Header");
    static final FieldDef CONTINUATION_PADDING = FieldDef.bytes("http2.continuation.padding", "Padding");

    static final List<FieldDef> FIELDS = List.of(PAD_LENGTH_FIELD, PAD_LENGTH, FRAGMENT, PADDING, PUSH_RESERVED,
            PROMISED_STREAM, PUSH_FRAGMENT, PUSH_PADDING, CONTINUATION_FRAGMENT, CONTINUATION_PADDING);

    private Http2HeaderBlock() {}

    static void dissect(Http2Dissector.Frame f) {
        Tvb tvb = f.tvb();
        ProtoItem t = f.stream();
        int off = Http2Dissector.FRAME_HEADER;
        int end = off + f.length();
        int pad = padLength(f, off);
        if (f.flag(Http2Flags.PADDED)) {
            off++;
        }
        if (f.type() == Http2Dissector.HEADERS && f.flag(Http2Flags.PRIORITY)) {
            Http2Control.priority(t, tvb, off);
            off += 5;
        } else if (f.type() == Http2Dissector.PUSH_PROMISE) {
            t.add(PUSH_RESERVED, tvb, off, 4);
            t.add(PROMISED_STREAM, tvb, off, 4);
            off += 4;
        }
        int n = end - off - pad;
        if (n < 0) {
            throw new MalformedException("padding of " + pad + " longer than the payload");
        }
        if (f.type() == Http2Dissector.CONTINUATION) {
            t.addString(CONTINUATION_FRAGMENT, tvb, off, n, Http2Text.ascii(tvb, off, n));
        } else {
            t.add(f.type() == Http2Dissector.HEADERS ? FRAGMENT : PUSH_FRAGMENT, tvb, off, n);
        }
        byte[] fragment = tvb.bytes(off, n);
        List<HpackDecoder.Field> fields = f.direction().hpack.decode(fragment, 0, n, f.flag(Http2Flags.END_HEADERS));
        Http2Headers.show(f, fields, off);
        if (f.flag(Http2Flags.PADDED)) {
            FieldDef padding = switch (f.type()) {
                case Http2Dissector.HEADERS -> PADDING;
                case Http2Dissector.PUSH_PROMISE -> PUSH_PADDING;
                default -> CONTINUATION_PADDING;
            };
            t.add(padding, tvb, off + n, pad);
        }
    }

    /**
     * The pad length of a frame that may be padded: {@code Pad Length: 0x03} and {@code [Pad Length: 3]}
     * when the PADDED flag is set, else only {@code [Pad Length: 0]}, as tshark shows both.
     */
    static int padLength(Http2Dissector.Frame f, int off) {
        ProtoItem t = f.stream();
        Tvb tvb = f.tvb();
        int pad = 0;
        if (f.flag(Http2Flags.PADDED)) {
            t.add(PAD_LENGTH_FIELD, tvb, off, 1);
            pad = tvb.u8(off);
        }
        Http2Text.generated(t, t.addUint(PAD_LENGTH, tvb, off, f.flag(Http2Flags.PADDED) ? 1 : 0, pad));
        return pad;
    }
}
