package dev.dorsal.engine.spi;

/** An ordered list of heuristic dissectors tried on data no table claimed (e.g. "tcp", "udp"). */
public interface HeuristicList {
    String name();

    /** Adds a heuristic; the most recently added is tried first, as in Wireshark. */
    void add(String shortName, ProtocolDef protocol, HeuristicDissector dissector, boolean enabled);

    void setEnabled(String shortName, boolean enabled);

    /** Tries every enabled heuristic in order; true when one accepted the data. */
    boolean tryHeuristics(Tvb tvb, PacketInfo pinfo, ProtoItem tree);
}
