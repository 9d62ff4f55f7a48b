package dev.dorsal.engine.spi;

/** Looks at the bytes and, if they are its protocol, dissects them and returns true. */
@FunctionalInterface
public interface HeuristicDissector {
    boolean dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree);
}
