package dev.dorsal.engine.filter.eval;

/** A compiled test: says whether a packet's collected fields satisfy one part of the filter. */
public interface Test {
    boolean test(PacketView p);
}
