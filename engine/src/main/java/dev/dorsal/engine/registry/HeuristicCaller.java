package dev.dorsal.engine.registry;

import dev.dorsal.engine.spi.HeuristicDissector;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;

/** The driver side of a heuristic call: layer bookkeeping and containment of the heuristic's errors. */
public interface HeuristicCaller {
    boolean tryHeuristic(ProtocolDef protocol, HeuristicDissector dissector, Tvb tvb, ProtoItem tree);
}
