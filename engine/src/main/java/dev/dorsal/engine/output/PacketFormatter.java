package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;

/**
 * Writes dissected packets in one output format. The caller calls {@link #begin}, then
 * {@link #packet} for every displayed packet, then {@link #end}, and sends the text to the output.
 */
public interface PacketFormatter {
    /** Text before the first packet (JSON's "[", a fields header line). */
    default void begin(StringBuilder out) {}

    /** Appends the text of one packet. */
    void packet(DissectedPacket p, StringBuilder out);

    /** Text after the last packet. */
    default void end(StringBuilder out) {}
}
