package dev.dorsal.dissectors.image;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/** String fields of the image formats, shown as tshark shows a string: up to its first NUL. */
final class ImageText {
    private ImageText() {}

    /**
     * Adds the {@code n} bytes at {@code off} as string field {@code f}; bytes other than NUL after
     * the first NUL get tshark's "Trailing stray characters" warning.
     */
    static ProtoItem add(ProtoItem parent, FieldDef f, Tvb tvb, int off, int n) {
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
