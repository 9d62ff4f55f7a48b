package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;

/** What the parts of one HTTP message share while it is read: bytes, tree, kind and connection state. */
final class HttpMessage {
    final Tvb tvb;
    final PacketInfo pinfo;
    final boolean detailed;
    final HttpConversations.Conversation conv;
    final boolean tls;
    /** HTTP, or SSDP when HTTP's parser runs for it (HTTP over UDP 1900, the same fields). */
    final ProtocolDef proto;
    /** The HTTP protocol item (or the parent tree while it is not created yet). */
    ProtoItem tree;
    HttpMessageType type = HttpMessageType.OTHER;
    /**
     * A media-type dissector took the body: tshark's HTTP node then ends at the headers (its PDML
     * sizes), while a body shown as Media Type or as data under HTTP stays inside it.
     */
    boolean bodyOutsideItem;

    HttpMessage(Tvb tvb, PacketInfo pinfo, ProtoItem tree, HttpConversations.Conversation conv, boolean tls) {
        this.tvb = tvb;
        this.pinfo = pinfo;
        this.tree = tree;
        this.detailed = tree.tree().detailed();
        this.conv = conv;
        this.tls = tls;
        java.util.List<String> layers = pinfo.layerNames();
        this.proto = !layers.isEmpty() && layers.getLast().equals(HttpDissector.SSDP.filterName())
                ? HttpDissector.SSDP : HttpDissector.PROTO;
    }

    /** Where header lines go that have no field of their own: requests (and unknowns) vs responses. */
    FieldDef lineField() {
        return switch (type) {
            case RESPONSE -> HttpHeaders.RESPONSE_LINE;
            case OTHER -> HttpHeaders.UNKNOWN_HEADER;
            default -> HttpHeaders.REQUEST_LINE;
        };
    }
}
