package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the length prefix of a TLS variable-length vector ({@code opaque x<min..max>}), adds it to the
 * tree and checks it against its bounds and the enclosing structure, the way tshark reports bad
 * vectors (expert infos rather than exceptions, so the rest of the message still shows).
 *
 * <pre>{@code
 * int n = TlsVectors.length(tree, tvb, off, end, EXTENSIONS_LENGTH, 0, 0xffff);
 * if (n < 0) return end;     // no room, or truncated: skip to the end of the enclosing structure
 * }</pre>
 */
final class TlsVectors {
    private TlsVectors() {}

    static final ExpertDef VECTOR_LENGTH = new ExpertDef("tls.malformed.vector_length",
            "Variable vector length is outside the permitted range", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef BUFFER_TOO_SMALL = new ExpertDef("tls.malformed.buffer_too_small",
            "Malformed message, not enough data is available", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef TRAILING_DATA = new ExpertDef("tls.malformed.trailing_data",
            "Undecoded trailing data is present", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    static final List<ExpertDef> EXPERTS = List.of(VECTOR_LENGTH, BUFFER_TOO_SMALL, TRAILING_DATA);

    /**
     * Adds the length field of a vector at {@code offset} and returns the vector's length, or -1 when
     * the length cannot be read or runs past {@code end} (both reported as expert infos).
     */
    static int length(ProtoItem tree, Tvb tvb, int offset, int end, FieldDef lengthField, long min, long max) {
        int size = max > 0xffffff ? 4 : max > 0xffff ? 3 : max > 0xff ? 2 : 1;
        if (end - offset < size) {
            tree.addText(tvb, offset, end - offset, "No more room for vector of length " + size)
                    .expert(BUFFER_TOO_SMALL, "No more room for vector of length " + size);
            return -1;
        }
        long value = tvb.uint(offset, size);
        ProtoItem item = tree.add(lengthField, tvb, offset, size);
        if (value < min) {
            item.expert(VECTOR_LENGTH, "Vector length " + value + " is smaller than minimum " + min);
        } else if (value > max) {
            item.expert(VECTOR_LENGTH, "Vector length " + value + " is larger than maximum " + max);
        }
        int room = end - offset - size;
        if (room < value) {
            item.expert(BUFFER_TOO_SMALL, "Vector length " + value + " is too large, truncating it to " + room);
            return -1;
        }
        return (int) value;
    }

    /** Checks that a vector's contents ended exactly at {@code end}; reports leftovers or overruns. */
    static boolean end(ProtoItem tree, Tvb tvb, int offset, int end) {
        if (offset < end) {
            int trailing = end - offset;
            String msg = trailing + " trailing byte" + (trailing == 1 ? " was" : "s were") + " unprocessed";
            tree.addText(tvb, offset, trailing, msg).expert(TRAILING_DATA, msg);
            return false;
        }
        if (offset > end) {
            int excess = offset - end;
            String msg = "Dissector processed too much data (" + excess + " byte" + (excess == 1 ? "" : "s") + ")";
            tree.addText(tvb, end, excess, msg).expert(BUFFER_TOO_SMALL, msg);
            return false;
        }
        return true;
    }
}
