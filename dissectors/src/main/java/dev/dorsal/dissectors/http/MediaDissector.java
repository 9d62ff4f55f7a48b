package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Shows an entity of a media type no dissector handles as one opaque block, {@code Media Type} with
 * {@code Media type: application/x-foo (4 bytes)}, and appends {@code (application/x-foo)} to Info.
 * Handle {@code media}; filter prefix {@code media}.
 */
final class MediaDissector {
    static final ProtocolDef PROTO = new ProtocolDef("Media Type", "Media", "media");
    static final String HANDLE = "media";

    static final FieldDef TYPE = FieldDef.bytes("media.type", "Media type");

    static final List<FieldDef> FIELDS = List.of(TYPE);

    private MediaDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        HttpBody.Media media = pinfo.get(HttpBody.MEDIA);
        String type = media != null ? media.type() : "";
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfo(" (" + type + ")");
        }
        int n = tvb.reportedLength();
        if (n > 0) {
            ProtoItem ti = tree.addProtocol(PROTO, tvb, 0, tvb.length());
            ProtoItem t = ti.add(TYPE, tvb, 0, tvb.length());
            if (tree.tree().detailed()) {
                String params = media != null && media.parameters() != null ? "; " + media.parameters() : "";
                t.setText("Media type: " + type + params + " (" + n + (n == 1 ? " byte)" : " bytes)"));
            }
        }
        return Math.max(1, tvb.length());
    }
}
