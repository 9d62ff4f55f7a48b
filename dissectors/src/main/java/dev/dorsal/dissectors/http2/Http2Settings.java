package dev.dorsal.dissectors.http2;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * A SETTINGS frame (RFC 9113 §6.5): six octets per setting, each shown as
 * {@code Settings - Max concurrent streams : 100} with its identifier and its value in the field of that
 * setting ({@code http2.settings.max_concurrent_streams}), or {@code Unknown Settings}. A payload that
 * is not a multiple of six ends in a malformed setting, as in tshark.
 */
final class Http2Settings {
    static final ValueString IDS = ValueString.of(1, "Header table size", 2, "Enable PUSH", 3, "Max concurrent streams",
            4, "Initial Windows size", 5, "Max frame size", 6, "Max header list size", 8, "Extended CONNECT");

    static final FieldDef SETTINGS = FieldDef.none("http2.settings", "Settings");
    static final FieldDef ID = FieldDef.uint16("http2.settings.id", "Settings Identifier").vals(IDS);
    static final FieldDef HEADER_TABLE_SIZE = FieldDef.uint32("http2.settings.header_table_size", "Header table size");
    static final FieldDef ENABLE_PUSH = FieldDef.uint32("http2.settings.enable_push", "Enable PUSH");
    static final FieldDef MAX_CONCURRENT_STREAMS = FieldDef.uint32("http2.settings.max_concurrent_streams",
            "Max concurrent streams");
    static final FieldDef INITIAL_WINDOW_SIZE = FieldDef.uint32("http2.settings.initial_window_size",
            "Initial Windows Size");
    static final FieldDef MAX_FRAME_SIZE = FieldDef.uint32("http2.settings.max_frame_size", "Max frame size");
    static final FieldDef MAX_HEADER_LIST_SIZE = FieldDef.uint32("http2.settings.max_header_list_size",
            "Max header list size");
    static final FieldDef EXTENDED_CONNECT = FieldDef.uint32("http2.settings.extended_connect", "Extended CONNECT");
    static final FieldDef UNKNOWN = FieldDef.uint32("http2.settings.unknown", "Unknown Settings");

    static final List<FieldDef> FIELDS = List.of(SETTINGS, ID, HEADER_TABLE_SIZE, ENABLE_PUSH, MAX_CONCURRENT_STREAMS,
            INITIAL_WINDOW_SIZE, MAX_FRAME_SIZE, MAX_HEADER_LIST_SIZE, EXTENDED_CONNECT, UNKNOWN);

    private Http2Settings() {}

    static void dissect(Http2Dissector.Frame f) {
        Tvb tvb = f.tvb();
        int end = Http2Dissector.FRAME_HEADER + f.length();
        for (int off = Http2Dissector.FRAME_HEADER; off < end; off += 6) {
            ProtoItem s = f.stream().add(SETTINGS, tvb, off, Math.min(6, end - off));
            s.add(ID, tvb, off, 2);
            int id = tvb.u16(off);
            String name = IDS.name(id);
            s.appendText(" - " + (name != null ? name : "Unknown (" + id + ")"));
            s.add(valueField(id), tvb, off + 2, 4);
            s.appendText(" : " + tvb.u32(off + 2));
        }
    }

    private static FieldDef valueField(int id) {
        return switch (id) {
            case 1 -> HEADER_TABLE_SIZE;
            case 2 -> ENABLE_PUSH;
            case 3 -> MAX_CONCURRENT_STREAMS;
            case 4 -> INITIAL_WINDOW_SIZE;
            case 5 -> MAX_FRAME_SIZE;
            case 6 -> MAX_HEADER_LIST_SIZE;
            case 8 -> EXTENDED_CONNECT;
            default -> UNKNOWN;
        };
    }
}
