package dev.dorsal.dissectors.http2;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * The flags octet of a frame header: {@code Flags: 0x05, End Headers, End Stream} with, below it, the
 * bits the frame's type defines (RFC 9113 §6) and the rest as {@code Unused}, each type with its own
 * fields as tshark names them. The names on the Flags line go from the high bit down.
 */
final class Http2Flags {
    static final int END_STREAM = 0x01;
    static final int ACK = 0x01;
    static final int END_HEADERS = 0x04;
    static final int PADDED = 0x08;
    static final int PRIORITY = 0x20;

    static final FieldDef FLAGS = FieldDef.uint8("http2.flags", "Flags").hex();
    static final FieldDef F_END_STREAM = flag("http2.flags.end_stream", "End Stream", END_STREAM);
    static final FieldDef F_END_HEADERS = flag("http2.flags.eh", "End Headers", END_HEADERS);
    static final FieldDef F_PADDED = flag("http2.flags.padded", "Padded", PADDED);
    static final FieldDef F_PRIORITY = flag("http2.flags.priority", "Priority", PRIORITY);
    static final FieldDef F_ACK_PING = flag("http2.flags.ack.ping", "ACK", ACK);
    static final FieldDef F_ACK_SETTINGS = flag("http2.flags.ack.settings", "ACK", ACK);
    static final FieldDef UNUSED = unused("http2.flags.unused", 0xff);
    static final FieldDef UNUSED_SETTINGS = unused("http2.flags.unused_settings", 0xfe);
    static final FieldDef UNUSED_PING = unused("http2.flags.unused_ping", 0xfe);
    static final FieldDef UNUSED_CONTINUATION = unused("http2.flags.unused_continuation", 0xfb);
    static final FieldDef UNUSED_PUSH_PROMISE = unused("http2.flags.unused_push_promise", 0xf3);
    static final FieldDef UNUSED_DATA = unused("http2.flags.unused_data", 0xf6);
    static final FieldDef UNUSED_HEADERS = unused("http2.flags.unused_headers", 0xd2);

    static final List<FieldDef> FIELDS = List.of(FLAGS, F_END_STREAM, F_END_HEADERS, F_PADDED, F_PRIORITY, F_ACK_PING,
            UNUSED, UNUSED_SETTINGS, UNUSED_PING, UNUSED_CONTINUATION, UNUSED_PUSH_PROMISE, UNUSED_DATA, UNUSED_HEADERS,
            F_ACK_SETTINGS);

    private Http2Flags() {}

    private static FieldDef flag(String abbrev, String name, int mask) {
        return FieldDef.bool(abbrev, name, 8, mask).tfs(TrueFalse.TRUE_FALSE);
    }

    private static FieldDef unused(String abbrev, int mask) {
        return FieldDef.uint8(abbrev, "Unused").hex().mask(mask);
    }

    /** Adds the flags of a frame of {@code type} (header at 0 in {@code tvb}) under {@code stream}; returns them. */
    static int add(ProtoItem stream, Tvb tvb, int type) {
        ProtoItem item = stream.add(FLAGS, tvb, 4, 1);
        int flags = tvb.u8(4);
        List<FieldDef> bits = switch (type) {
            case Http2Dissector.DATA -> List.of(UNUSED_DATA, F_PADDED, F_END_STREAM);
            case Http2Dissector.HEADERS -> List.of(UNUSED_HEADERS, F_PRIORITY, F_PADDED, F_END_HEADERS, F_END_STREAM);
            case Http2Dissector.SETTINGS -> List.of(UNUSED_SETTINGS, F_ACK_SETTINGS);
            case Http2Dissector.PUSH_PROMISE -> List.of(UNUSED_PUSH_PROMISE, F_PADDED, F_END_HEADERS);
            case Http2Dissector.PING -> List.of(UNUSED_PING, F_ACK_PING);
            case Http2Dissector.CONTINUATION -> List.of(UNUSED_CONTINUATION, F_PADDED, F_END_HEADERS);
            default -> List.of(UNUSED);
        };
        StringBuilder names = new StringBuilder();
        for (FieldDef f : bits) {
            if (f.type() == dev.dorsal.engine.spi.FieldType.BOOLEAN && (flags & f.mask()) != 0) {
                names.append(", ").append(f.name());
            }
        }
        // The names go from the high bit down, the fields from the Unused mask to bit 0: the same order.
        if (names.length() > 0) {
            item.appendText(names.toString());
        }
        for (FieldDef f : bits) {
            item.add(f, tvb, 4, 1);
        }
        return flags;
    }
}
