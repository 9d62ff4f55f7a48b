package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Adds a field read from the packet only when its bytes are there. {@link ProtoItem#add} links the
 * new node before it reads the value, so a field past the end of a short packet would stay in the
 * tree with a zero or missing value; tshark checks the bytes first and adds nothing. Reading
 * first throws the same short or malformed error without leaving that node behind.
 */
public final class Items {
    private Items() {}

    /**
     * {@code parent.add(f, tvb, off, len)}, failing before anything is added when the bytes are
     * missing. A field without a value (FT_NONE) is not checked, as in tshark: it is added over the
     * bytes that are there, then given its full length.
     */
    public static ProtoItem add(ProtoItem parent, FieldDef f, Tvb tvb, int off, int len) {
        if (f.type() == FieldType.NONE && len > 0 && !tvb.has(off, len)) {
            ProtoItem item = parent.add(f, tvb, off, Math.max(0, Math.min(len, tvb.length() - off)));
            return item == parent ? item : item.setLength(len);
        }
        require(tvb, off, len);
        return parent.add(f, tvb, off, len);
    }

    /** {@code parent.addLE(f, tvb, off, len)}, failing first when the bytes are missing. */
    public static ProtoItem addLE(ProtoItem parent, FieldDef f, Tvb tvb, int off, int len) {
        require(tvb, off, len);
        return parent.addLE(f, tvb, off, len);
    }

    private static void require(Tvb tvb, int off, int len) {
        if (len > 0 && !tvb.has(off, len)) {
            tvb.bytes(off, len); // throws the short or malformed error
        }
    }
}
