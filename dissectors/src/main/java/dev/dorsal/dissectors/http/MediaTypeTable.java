package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.Tables;

/**
 * Registers body dissectors on HTTP's {@code media_type} table (XML, images, SDP, IMF…). The table is
 * HTTP's: in a registry without HTTP nothing hands bodies on by media type, and the registration is
 * skipped.
 */
public final class MediaTypeTable {
    private MediaTypeTable() {}

    /** Hands bodies of each of {@code types} to {@code handle}, when there is a media-type table. */
    public static void add(Tables t, DissectorHandle handle, Iterable<String> types) {
        DissectorTable media;
        try {
            media = t.table(HttpProvider.MEDIA_TYPE_TABLE);
        } catch (IllegalStateException e) {
            return; // no HTTP dissector: no media-type table to be found in
        }
        for (String type : types) {
            media.add(type, handle);
        }
    }
}
