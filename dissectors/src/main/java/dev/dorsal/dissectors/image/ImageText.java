package dev.dorsal.dissectors.image;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/** String fields of the image formats, read as tshark reads them and flagged as it flags them. */
final class ImageText {
    private ImageText() {}

    /**
     * Adds the {@code n} bytes at {@code off} as the ASCII string field {@code f} (JPEG comments, Exif
     * values): {@link AsciiText}'s value, and tshark's "Trailing stray characters" warning when
     * bytes other than NUL follow the NUL that ends it.
     */
    static ProtoItem ascii(ProtoItem parent, FieldDef f, Tvb tvb, int off, int n) {
        ProtoItem item = parent.addString(f, tvb, off, n, AsciiText.of(tvb, off, n));
        if (AsciiText.strayAfterNul(tvb, off, n)) {
            item.expert(StringErrors.TRAILING_STRAY);
        }
        return item;
    }

    /**
     * Adds the {@code n} bytes at {@code off} as the ISO 8859-1 string field {@code f} (PNG text, which
     * the PNG specification defines as Latin-1, as tshark reads it), up to its first NUL.
     */
    static ProtoItem latin1(ProtoItem parent, FieldDef f, Tvb tvb, int off, int n) {
        StringBuilder text = new StringBuilder();
        int i = off;
        for (; i < off + n; i++) {
            int c = tvb.u8(i);
            if (c == 0) {
                break;
            }
            text.append((char) c);
        }
        ProtoItem item = parent.addString(f, tvb, off, n, text.toString());
        for (; i < off + n; i++) {
            if (tvb.u8(i) != 0) {
                item.expert(StringErrors.TRAILING_STRAY);
                break;
            }
        }
        return item;
    }
}
