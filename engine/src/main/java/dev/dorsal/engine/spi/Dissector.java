package dev.dorsal.engine.spi;

/** Dissects the bytes of {@code tvb} into {@code tree}; returns the bytes consumed, 0 to say "not mine". */
@FunctionalInterface
public interface Dissector {
    int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree);
}
