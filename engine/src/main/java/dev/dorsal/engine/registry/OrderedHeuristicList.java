package dev.dorsal.engine.registry;

import dev.dorsal.engine.spi.HeuristicDissector;
import dev.dorsal.engine.spi.HeuristicList;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Heuristics tried newest first (Wireshark prepends), each only while enabled. */
final class OrderedHeuristicList implements HeuristicList {
    record Entry(String shortName, ProtocolDef protocol, HeuristicDissector dissector, boolean enabled) {}

    private final String name;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    OrderedHeuristicList(String name) {
        this.name = name;
    }

    @Override public String name() { return name; }

    @Override
    public void add(String shortName, ProtocolDef protocol, HeuristicDissector dissector, boolean enabled) {
        entries.removeIf(e -> e.shortName.equals(shortName));
        entries.add(0, new Entry(shortName, protocol, dissector, enabled));
    }

    @Override
    public void setEnabled(String shortName, boolean enabled) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.shortName.equals(shortName)) {
                entries.set(i, new Entry(e.shortName, e.protocol, e.dissector, enabled));
            }
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public boolean tryHeuristics(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        for (Entry e : entries) {
            if (e.enabled && ((HeuristicCaller) pinfo).tryHeuristic(e.protocol, e.dissector, tvb, tree)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a protocol named in {@code protocols} is on this list. */
    boolean carriesAnyOf(java.util.Set<String> protocols) {
        for (Entry e : entries) {
            if (protocols.contains(e.protocol().filterName())) {
                return true;
            }
        }
        return false;
    }
}
