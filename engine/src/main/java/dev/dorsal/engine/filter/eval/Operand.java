package dev.dorsal.engine.filter.eval;

/** Produces the values of one operand for a packet: none (absent), one, or several occurrences. */
public interface Operand {
    Object[] NONE = new Object[0];

    Object[] values(PacketView p);
}
