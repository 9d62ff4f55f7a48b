package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * What HTTP offers the protocols that carry HTTP semantics in other framings (HTTP/2): a Content-Type
 * value split into its lower-cased media type and parameters, the hand-off of a body to the dissector
 * of the {@code media_type} table for it, the content-coding inflater, and the
 * {@code http.path_segment} fields tshark's HTTP/2 uses.
 */
public final class HttpShared {
    /** A part of a request path before its query; HTTP/2 shows them under {@code :path}. */
    public static final FieldDef PATH_SEGMENT = FieldDef.string("http.path_segment", "Path segment");
    /** A parameter of a request path's query. */
    public static final FieldDef PATH_SUB_SEGMENT = FieldDef.string("http.path_sub_segment", "Path sub segment");

    static final List<FieldDef> FIELDS = List.of(PATH_SEGMENT, PATH_SUB_SEGMENT);

    private HttpShared() {}

    /** The media type of a Content-Type value, lower-cased, and its parameters (or null): {type, parameters}. */
    public static String[] split(String contentType) {
        HttpHeaders.Parsed p = new HttpHeaders.Parsed();
        HttpHeaders.contentType(contentType, p);
        return new String[] {p.contentType, p.contentTypeParameters};
    }

    /**
     * Hands {@code entity} to the dissector for {@code type} (lower-cased, without parameters), under
     * {@code tree}. Body dissectors read the type for their labels and Info. A type no dissector takes is
     * left alone: tshark's HTTP/2 does not fall back to {@code media} as its HTTP does.
     */
    public static void dissect(PacketInfo pinfo, Tvb entity, ProtoItem tree, String type, String parameters) {
        pinfo.put(HttpBody.MEDIA, new HttpBody.Media(type, parameters));
        DissectorTable media = pinfo.tables().table(HttpProvider.MEDIA_TYPE_TABLE);
        DissectorHandle handle = media.lookup(type);
        if (handle == null && type.startsWith("multipart/")) {
            handle = media.lookup("multipart/");
        }
        if (handle != null) {
            pinfo.call(handle, entity, tree);
        }
    }

    /** A gzip or deflate body inflated (at most 64 MiB), or null when it does not inflate. */
    public static byte[] inflate(Tvb entity) {
        return HttpBody.inflate(entity);
    }

    /** The description of HTTP status {@code code} ({@code Not Found}), or null when HTTP has none. */
    public static String statusDescription(int code) {
        return HttpStatus.DESCRIPTIONS.name(code);
    }
}
