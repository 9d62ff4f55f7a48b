package dev.dorsal.dissectors.http2;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * The frames that carry no header block or body (RFC 9113 §6.3, 6.4, 6.7-6.9, RFC 7838 ALTSVC, RFC 8336
 * ORIGIN, RFC 9218 PRIORITY_UPDATE, the old BLOCKED) and frames of unknown types, whose payload is
 * shown as {@code Unknown}. Fixed-size payloads are read field by field, so a short one ends in a
 * malformed field as in tshark.
 */
final class Http2Control {
    static final ValueString ERRORS = ValueString.of(0, "NO_ERROR", 1, "PROTOCOL_ERROR", 2, "INTERNAL_ERROR",
            3, "FLOW_CONTROL_ERROR", 4, "SETTINGS_TIMEOUT", 5, "STREAM_CLOSED", 6, "FRAME_SIZE_ERROR",
            7, "REFUSED_STREAM", 8, "CANCEL", 9, "COMPRESSION_ERROR", 10, "CONNECT_ERROR", 11, "ENHANCE_YOUR_CALM",
            12, "INADEQUATE_SECURITY", 13, "HTTP_1_1_REQUIRED");

    static final FieldDef EXCLUSIVE = FieldDef.bool("http2.exclusive", "Exclusive", 32, 0x80000000L)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef STREAM_DEPENDENCY = FieldDef.uint32("http2.stream_dependency", "Stream Dependency")
            .mask(0x7fffffffL);
    static final FieldDef WEIGHT = FieldDef.uint8("http2.headers.weight", "Weight");
    static final FieldDef WEIGHT_REAL = FieldDef.uint8("http2.headers.weight_real", "Weight real");
    static final FieldDef RST_ERROR = FieldDef.uint32("http2.rst_stream.error", "Error").vals(ERRORS);
    static final FieldDef PING = FieldDef.bytes("http2.ping", "Ping");
    static final FieldDef PONG = FieldDef.bytes("http2.pong", "Pong");
    /** tshark spells it so. */
    static final FieldDef GOAWAY_RESERVED = FieldDef.uint32("http2.goway.r", "Reserved").hex().mask(0x80000000L);
    static final FieldDef LAST_STREAM_ID = FieldDef.uint32("http2.goaway.last_stream_id", "Last-Stream-ID")
            .mask(0x7fffffffL);
    static final FieldDef GOAWAY_ERROR = FieldDef.uint32("http2.goaway.error", "Error").vals(ERRORS);
    static final FieldDef GOAWAY_DATA = FieldDef.bytes("http2.goaway.addata", "Additional Debug Data");
    static final FieldDef WINDOW_RESERVED = FieldDef.uint32("http2.window_update.r", "Reserved").hex()
            .mask(0x80000000L);
    static final FieldDef WINDOW_INCREMENT = FieldDef.uint32("http2.window_update.window_size_increment",
            "Window Size Increment").mask(0x7fffffffL);
    static final FieldDef ALTSVC_ORIGIN_LEN = FieldDef.uint16("http2.altsvc.origin.len", "Origin Length");
    static final FieldDef ALTSVC_ORIGIN = FieldDef.string("http2.altsvc.origin", "Origin");
    static final FieldDef ALTSVC_VALUE = FieldDef.string("http2.altsvc.field_value", "Field/Value");
    static final FieldDef ORIGIN = FieldDef.none("http2.origin", "Origin");
    static final FieldDef ORIGIN_LEN = FieldDef.uint16("http2.origin.origin_len", "Origin Length");
    static final FieldDef ORIGIN_ORIGIN = FieldDef.string("http2.origin.origin", "Origin");
    static final FieldDef PRIORITY_UPDATE_STREAM = FieldDef.uint64("http2.priority_update_stream_id",
            "Priority Update Stream ID");
    static final FieldDef PRIORITY_UPDATE_VALUE = FieldDef.string("http2.priority_update_field_value",
            "Priority Update Field Value");
    static final FieldDef UNKNOWN = FieldDef.bytes("http2.unknown", "Unknown");

    static final List<FieldDef> FIELDS = List.of(WEIGHT, WEIGHT_REAL, EXCLUSIVE, STREAM_DEPENDENCY, RST_ERROR, PING,
            PONG, GOAWAY_RESERVED, LAST_STREAM_ID, GOAWAY_ERROR, GOAWAY_DATA, WINDOW_RESERVED, WINDOW_INCREMENT,
            ALTSVC_ORIGIN_LEN, ALTSVC_ORIGIN, ALTSVC_VALUE, ORIGIN, ORIGIN_LEN, ORIGIN_ORIGIN, PRIORITY_UPDATE_STREAM,
            PRIORITY_UPDATE_VALUE, UNKNOWN);

    private Http2Control() {}

    static void dissect(Http2Dissector.Frame f) {
        Tvb tvb = f.tvb();
        ProtoItem t = f.stream();
        int off = Http2Dissector.FRAME_HEADER;
        int end = off + f.length();
        switch (f.type()) {
            case Http2Dissector.PRIORITY -> priority(t, tvb, off);
            case Http2Dissector.RST_STREAM -> t.add(RST_ERROR, tvb, off, 4);
            case Http2Dissector.PING -> t.add(f.flag(Http2Flags.ACK) ? PONG : PING, tvb, off, 8);
            case Http2Dissector.GOAWAY -> {
                t.add(GOAWAY_RESERVED, tvb, off, 4);
                t.add(LAST_STREAM_ID, tvb, off, 4);
                t.add(GOAWAY_ERROR, tvb, off + 4, 4);
                if (end > off + 8) {
                    t.add(GOAWAY_DATA, tvb, off + 8, end - off - 8);
                }
            }
            case Http2Dissector.WINDOW_UPDATE -> {
                t.add(WINDOW_RESERVED, tvb, off, 4);
                t.add(WINDOW_INCREMENT, tvb, off, 4);
            }
            case Http2Dissector.ALTSVC -> {
                t.add(ALTSVC_ORIGIN_LEN, tvb, off, 2);
                int n = tvb.u16(off);
                t.addString(ALTSVC_ORIGIN, tvb, off + 2, n, Http2Text.ascii(tvb, off + 2, n));
                int rest = end - off - 2 - n;
                t.addString(ALTSVC_VALUE, tvb, off + 2 + n, rest, Http2Text.ascii(tvb, off + 2 + n, rest));
            }
            case Http2Dissector.ORIGIN -> {
                while (off < end) {
                    // tshark gives every Origin item 6 octets, whatever the origin's length.
                    ProtoItem o = t.add(ORIGIN, tvb, off, Math.min(end - off, 6));
                    o.add(ORIGIN_LEN, tvb, off, 2);
                    int n = tvb.u16(off);
                    o.addString(ORIGIN_ORIGIN, tvb, off + 2, n, Http2Text.ascii(tvb, off + 2, n));
                    off += 2 + n;
                }
            }
            case Http2Dissector.PRIORITY_UPDATE -> {
                t.addUint(PRIORITY_UPDATE_STREAM, tvb, off, 4, tvb.u32(off));
                t.addString(PRIORITY_UPDATE_VALUE, tvb, off + 4, end - off - 4, Http2Text.ascii(tvb, off + 4, end - off - 4));
            }
            case Http2Dissector.BLOCKED -> { }
            default -> t.add(UNKNOWN, tvb, off, f.length());
        }
    }

    /** The priority fields of a PRIORITY frame, or of a HEADERS frame with the PRIORITY flag. */
    static void priority(ProtoItem t, Tvb tvb, int off) {
        t.add(EXCLUSIVE, tvb, off, 4);
        t.add(STREAM_DEPENDENCY, tvb, off, 4);
        t.add(WEIGHT, tvb, off + 4, 1);
        Http2Text.generated(t, t.addUint(WEIGHT_REAL, tvb, off + 4, 1, tvb.u8(off + 4) + 1));
    }
}
