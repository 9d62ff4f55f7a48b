package dev.dorsal.engine.registry;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtocolDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every registered field and protocol, by abbreviation. Several FieldDefs may share one abbreviation
 * (as in Wireshark, e.g. different value strings); lookups return all of them.
 */
public final class FieldRegistry {
    private final List<FieldDef> byId = new ArrayList<>();
    private final List<FieldDef> all = new ArrayList<>();
    private final Map<String, List<FieldDef>> byName = new HashMap<>();
    private final Map<String, ProtocolDef> protocols = new HashMap<>();

    synchronized void addProtocol(ProtocolDef p) {
        if (protocols.containsKey(p.filterName())) {
            if (protocols.get(p.filterName()) != p) {
                throw new IllegalStateException("protocol " + p.filterName() + " registered twice");
            }
            return;
        }
        protocols.put(p.filterName(), p);
        add(p.field(), p.filterName());
    }

    synchronized void add(FieldDef f, String protocolFilterName) {
        // Ids are process-wide (FieldDef.bind hands out the next one on first registration), so the
        // same static FieldDef can live in several registries: tests, the shell, reloaded scripts.
        f.bind(protocolFilterName);
        int id = f.id();
        if (id < byId.size() && byId.get(id) == f) {
            return;
        }
        while (byId.size() <= id) {
            byId.add(null);
        }
        byId.set(id, f);
        all.add(f);
        byName.computeIfAbsent(f.abbrev(), k -> new ArrayList<>(1)).add(f);
    }

    /** All fields with this abbreviation (empty when unknown). */
    public List<FieldDef> lookup(String abbrev) {
        List<FieldDef> list = byName.get(abbrev);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /** The first field with this abbreviation, or null. */
    public FieldDef first(String abbrev) {
        List<FieldDef> list = byName.get(abbrev);
        return list == null ? null : list.get(0);
    }

    public ProtocolDef protocol(String filterName) {
        return protocols.get(filterName);
    }

    public boolean exists(String abbrev) {
        return byName.containsKey(abbrev);
    }

    /** The field with this id, or null when it is not registered here. */
    public FieldDef byId(int id) {
        return id >= 0 && id < byId.size() ? byId.get(id) : null;
    }

    /** Upper bound (exclusive) of the ids of fields registered here, for sizing bit sets. */
    public int size() {
        return byId.size();
    }

    /** Every field in registration order (protocols included). */
    public List<FieldDef> all() {
        return Collections.unmodifiableList(all);
    }

    public Map<String, ProtocolDef> protocols() {
        return Collections.unmodifiableMap(protocols);
    }
}
