package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;

/**
 * Writes tshark's default one-line summary: No. (right, width 5), Time (right, width 10),
 * Source (right, width 12), " → ", Destination (left, width 12), Protocol, Length, Info.
 *
 * <pre>
 *     4   0.000155    127.0.0.2 → 127.0.0.1    HTTP 155 GET /index.html HTTP/1.1
 * </pre>
 *
 * <p>{@code -T tabs} is the same line, padded the same way, with a tab where a space separates two
 * columns and the arrow set between two tabs ({@link #tabs}).
 */
public final class SummaryFormatter implements PacketFormatter {
    private final TimeFormat time;
    private final boolean resolveMac;
    private final char delimiter;
    private final StringBuilder cell = new StringBuilder(32);

    public SummaryFormatter(TimeFormat time) {
        this(time, true);
    }

    /** @param resolveMac false for {@code -n}: MAC addresses in Source/Destination as plain hex */
    public SummaryFormatter(TimeFormat time, boolean resolveMac) {
        this(time, resolveMac, ' ');
    }

    private SummaryFormatter(TimeFormat time, boolean resolveMac, char delimiter) {
        this.time = time;
        this.resolveMac = resolveMac;
        this.delimiter = delimiter;
    }

    /** The {@code -T tabs} line: columns separated by tabs, the arrow by a tab on each side. */
    public static SummaryFormatter tabs(TimeFormat time, boolean resolveMac) {
        return new SummaryFormatter(time, resolveMac, '\t');
    }

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        line(p, out);
        out.append('\n');
    }

    /** Appends the line without its newline. */
    public void line(DissectedPacket p, StringBuilder out) {
        padLeft(out, Long.toString(p.frame().number()), 5);
        out.append(delimiter);
        cell.setLength(0);
        time.append(cell, p.frame());
        padLeft(out, cell, 10);
        out.append(delimiter);
        padLeft(out, Column.source(p, resolveMac), 12);
        out.append(delimiter).append('→').append(delimiter);
        String dst = Column.destination(p, resolveMac);
        out.append(dst);
        for (int i = dst.length(); i < 12; i++) {
            out.append(' ');
        }
        out.append(delimiter).append(p.columns().protocol()).append(delimiter).append(p.frame().originalLength())
                .append(delimiter).append(p.columns().info());
    }

    private static void padLeft(StringBuilder out, CharSequence s, int width) {
        for (int i = s.length(); i < width; i++) {
            out.append(' ');
        }
        out.append(s);
    }
}
