package dev.dorsal.dissectors.image;

import dev.dorsal.dissectors.http.MediaTypeTable;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.List;

/**
 * Registers the image dissectors tshark 4.0.17 hands HTTP bodies to by media type: GIF
 * ({@code image-gif}), JPEG/JFIF ({@code image-jfif}) and PNG ({@code png}). A body one of them
 * does not take (too short, wrong signature) goes back to HTTP, which shows it as {@code Media Type}.
 */
public final class ImageProvider implements DissectorProvider {
    /** The media-type table HTTP declares (its name, so this package does not depend on HTTP's). */

    private DissectorHandle gif;
    private DissectorHandle jfif;
    private DissectorHandle png;

    @Override
    public String name() {
        return "image";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(GifDissector.PROTO);
        r.fields(GifDissector.PROTO, GifDissector.FIELDS);
        r.experts(GifDissector.PROTO, List.of(GifDissector.UNKNOWN_BLOCK));
        gif = r.handle("image-gif", GifDissector.PROTO, GifDissector::dissect);
        r.protocol(JfifDissector.PROTO);
        r.fields(JfifDissector.PROTO, JfifDissector.FIELDS);
        r.experts(JfifDissector.PROTO, List.of(JfifDissector.APP0_NOT_JFIF, JfifExif.BOGUS_OFFSET));
        jfif = r.handle("image-jfif", JfifDissector.PROTO, JfifDissector::dissect);
        r.protocol(PngDissector.PROTO);
        r.fields(PngDissector.PROTO, PngDissector.FIELDS);
        png = r.handle("png", PngDissector.PROTO, PngDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        MediaTypeTable.add(t, gif, List.of("image/gif"));
        MediaTypeTable.add(t, jfif, List.of("image/jfif", "image/jpg", "image/jpeg", "image/pjpeg"));
        MediaTypeTable.add(t, png, List.of("image/png"));
    }
}
