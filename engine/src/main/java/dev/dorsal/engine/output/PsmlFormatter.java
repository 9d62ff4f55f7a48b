package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;

/**
 * Writes {@code -T psml} as tshark 4.0 does: an XML header, a {@code <structure>} naming the summary
 * columns, then one {@code <packet>} per packet with each column's text, unpadded, in a
 * {@code <section>}; every packet is followed by an empty line.
 *
 * <pre>{@code
 * <packet>
 * <section>1</section>
 * <section>0.000000</section>
 * ...
 * </packet>
 * }</pre>
 */
public final class PsmlFormatter implements PacketFormatter {
    private final TimeFormat time;
    private final boolean resolveMac;
    private final StringBuilder cell = new StringBuilder(64);

    /** @param resolveMac false for {@code -n}: MAC addresses in Source/Destination as plain hex */
    public PsmlFormatter(TimeFormat time, boolean resolveMac) {
        this.time = time;
        this.resolveMac = resolveMac;
    }

    @Override
    public void begin(StringBuilder out) {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.append("<psml version=\"0\" creator=\"wireshark/4.0.17\">\n<structure>\n");
        for (Column c : Column.values()) {
            out.append("<section>");
            XmlText.escape(out, c.title());
            out.append("</section>\n");
        }
        out.append("</structure>\n\n");
    }

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        out.append("<packet>\n");
        for (Column c : Column.values()) {
            cell.setLength(0);
            c.append(cell, p, time, resolveMac);
            out.append("<section>");
            XmlText.escape(out, cell);
            out.append("</section>\n");
        }
        out.append("</packet>\n\n");
    }

    @Override
    public void end(StringBuilder out) {
        out.append("</psml>\n");
    }
}
