package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;

/**
 * Writes {@code -T text}: any of the summary line ({@code -P}, or by default), the details tree
 * ({@code -V}/{@code -O}) and the hex dump ({@code -x}), separated as tshark 4.0 separates them:
 *
 * <pre>
 * summary            (no blank line after a lone summary line)
 * tree, blank line   (the blank line is left out when a hex dump follows…)
 * blank line, hex    (…which is preceded by one when a summary or tree came first)
 * blank line
 * </pre>
 */
public final class TextFormatter implements PacketFormatter {
    private final SummaryFormatter summary;
    private final TextTreeFormatter tree;
    private final HexDumpFormatter hex;

    /** Each part may be null; at least one should not be. */
    public TextFormatter(SummaryFormatter summary, TextTreeFormatter tree, HexDumpFormatter hex) {
        this.summary = summary;
        this.tree = tree;
        this.hex = hex;
    }

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        if (summary != null) {
            summary.packet(p, out);
        }
        if (tree != null) {
            tree.tree(p, out);
            if (hex == null) {
                out.append('\n');
            }
        }
        if (hex != null) {
            if (summary != null || tree != null) {
                out.append('\n');
            }
            hex.packet(p, out);
        }
    }
}
