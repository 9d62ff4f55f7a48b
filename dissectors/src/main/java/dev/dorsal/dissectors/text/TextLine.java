package dev.dorsal.dissectors.text;

import dev.dorsal.engine.spi.Tvb;

/**
 * One line of a line-based protocol as tshark's {@code tvb_find_line_end} finds it in the captured
 * bytes: it ends at CR, LF or CRLF, or at the end of the data. {@code length} excludes the end of
 * line, {@code next} is where the following line starts.
 */
public record TextLine(int offset, int length, int next) {
    /** The line starting at {@code off}; the rest of the captured data when no end of line follows. */
    public static TextLine at(Tvb tvb, int off) {
        int end = tvb.length();
        byte[] d = tvb.backingArray();
        int base = tvb.start();
        for (int i = off; i < end; i++) {
            byte b = d[base + i];
            if (b == '\n') {
                return new TextLine(off, i - off, i + 1);
            }
            if (b == '\r') {
                int next = i + 1 < end && d[base + i + 1] == '\n' ? i + 2 : i + 1;
                return new TextLine(off, i - off, next);
            }
        }
        return new TextLine(off, Math.max(0, end - off), Math.max(off, end));
    }

    /** The bytes of the line and its end of line, escaped as tshark shows them in labels. */
    public String formatWithEnd(Tvb tvb) {
        return FormatText.format(tvb.backingArray(), tvb.start() + offset, next - offset);
    }

    /** The bytes of the line without its end, escaped as tshark shows them in labels and Info. */
    public String format(Tvb tvb) {
        return FormatText.format(tvb.backingArray(), tvb.start() + offset, length);
    }
}
