package dev.dorsal.engine.registry;

import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.Dissector;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.FlowShortcut;
import dev.dorsal.engine.spi.HeuristicList;
import dev.dorsal.engine.spi.Preference;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The one registry Java and JavaScript dissectors share: fields, protocols, handles, dissector tables,
 * heuristic lists and preferences. Providers are found with ServiceLoader and registered in two phases
 * (every register, then every handoff).
 */
public final class Registry implements Registrar, Tables {
    private final FieldRegistry fields = new FieldRegistry();
    private final Map<String, DissectorHandle> handles = new LinkedHashMap<>();
    private final Map<String, UintDissectorTable> tables = new LinkedHashMap<>();
    private final Map<String, OrderedHeuristicList> heuristics = new LinkedHashMap<>();
    private final Map<String, PreferenceValue> preferences = new LinkedHashMap<>();
    private final Map<String, ExpertDef> experts = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final Map<String, List<FlowShortcut>> flowShortcuts = new LinkedHashMap<>();
    private String currentProvider = "engine";

    public Registry() {
        protocol(CoreFields.WS_EXPERT_PROTO);
        fields(CoreFields.WS_EXPERT_PROTO, CoreFields.FIELDS);
        protocol(CoreFields.MALFORMED_PROTO);
        protocol(CoreFields.SHORT_PROTO);
        experts(CoreFields.MALFORMED_PROTO, List.of(CoreFields.MALFORMED_EXPERT, CoreFields.DISSECTOR_BUG));
        protocol(CoreFields.STRING_ERRORS_PROTO);
        experts(CoreFields.STRING_ERRORS_PROTO, List.of(CoreFields.TRAILING_STRAY));
    }

    /** A registry with every provider on the class path, registered and handed off. */
    public static Registry loadDefault() {
        Registry r = new Registry();
        List<DissectorProvider> providers = new ArrayList<>();
        ServiceLoader.load(DissectorProvider.class).forEach(providers::add);
        r.install(providers);
        return r;
    }

    /** Registers then hands off {@code providers}; a provider failing in either phase is named in the error. */
    public void install(List<DissectorProvider> providers) {
        for (DissectorProvider p : providers) {
            if (p.name() == null || p.name().isBlank()) {
                throw new IllegalStateException("dissector provider " + p.getClass().getName() + " has no name");
            }
            currentProvider = p.name();
            try {
                p.register(this);
            } catch (RuntimeException e) {
                throw new IllegalStateException("provider " + p.name() + " failed to register: " + e.getMessage(), e);
            }
        }
        for (DissectorProvider p : providers) {
            currentProvider = p.name();
            try {
                p.handoff(this);
            } catch (RuntimeException e) {
                throw new IllegalStateException("provider " + p.name() + " failed in handoff: " + e.getMessage(), e);
            }
        }
        currentProvider = "engine";
    }

    public FieldRegistry fields() {
        return fields;
    }

    /** One line per registration step, for {@code --debug-registry} and tests. */
    public List<String> log() {
        return Collections.unmodifiableList(log);
    }

    /** Script hosts open on this registry: while there is one, scripts may call any handle. */
    private final java.util.concurrent.atomic.AtomicInteger scriptHosts = new java.util.concurrent.atomic.AtomicInteger();

    /** A JavaScript host opened on this registry (its scripts may call any handle). */
    public void scriptHostOpened() {
        scriptHosts.incrementAndGet();
    }

    /** A JavaScript host closed; its scripts' table entries are undone. */
    public void scriptHostClosed() {
        scriptHosts.decrementAndGet();
    }

    /**
     * Whether a TCP or UDP payload could be handed to one of {@code lowerLayers} (a tunnel registered on
     * a port or heuristic list, by a dissector or by Decode-As), or to a script, which may call any handle.
     */
    public boolean mayCarryLowerLayersAboveTransport(java.util.Set<String> lowerLayers) {
        if (scriptHosts.get() > 0) {
            return true;
        }
        for (String name : List.of("tcp.port", "udp.port")) {
            UintDissectorTable t = tables.get(name);
            if (t == null) {
                continue;
            }
            for (DissectorHandle h : t.reachableHandles()) {
                if (h.protocol() != null && lowerLayers.contains(h.protocol().filterName())) {
                    return true;
                }
            }
        }
        for (String name : List.of("tcp", "udp")) {
            OrderedHeuristicList list = heuristics.get(name);
            if (list != null && list.carriesAnyOf(lowerLayers)) {
                return true;
            }
        }
        return false;
    }

    // ---- Registrar -----------------------------------------------------------------------------

    @Override
    public void protocol(ProtocolDef protocol) {
        fields.addProtocol(protocol);
        log.add(currentProvider + ": protocol " + protocol.filterName());
    }

    @Override
    public void fields(ProtocolDef owner, List<FieldDef> list) {
        for (FieldDef f : list) {
            fields.add(f, owner.filterName());
        }
        log.add(currentProvider + ": " + list.size() + " fields for " + owner.filterName());
    }

    @Override
    public void experts(ProtocolDef owner, List<ExpertDef> list) {
        for (ExpertDef e : list) {
            ExpertDef first = experts.putIfAbsent(e.abbrev(), e);
            // The same expert offered twice registers once; another one of the same name (tshark's GTP
            // has an error and a warning both named gtp.ext_length.invalid) registers its field too.
            if (first == null || first.field() != e.field()) {
                fields.add(e.field(), owner.filterName());
            }
        }
    }

    @Override
    public DissectorHandle handle(String name, ProtocolDef protocol, Dissector dissector) {
        DissectorHandle h = new DissectorHandle(name, protocol, dissector);
        handles.put(name, h);
        return h;
    }

    @Override
    public void flowShortcut(String transport, FlowShortcut shortcut) {
        flowShortcuts.computeIfAbsent(transport, t -> new ArrayList<>()).add(shortcut);
    }

    /**
     * The flow shortcut of {@code transport} when it may be used now: the shortcuts offered for it
     * whose hand-offs are all what the tables hold (a Decode As or a script's table entry turns one
     * off), tried in the order they were offered. Null when none is left.
     */
    public FlowShortcut flowShortcut(String transport) {
        List<FlowShortcut> usable = new ArrayList<>();
        for (FlowShortcut s : flowShortcuts.getOrDefault(transport, List.of())) {
            if (holds(s.assumes())) {
                usable.add(s);
            }
        }
        return usable.isEmpty() ? null : FlowShortcut.anyOf(usable);
    }

    private boolean holds(List<FlowShortcut.Binding> bindings) {
        for (FlowShortcut.Binding b : bindings) {
            UintDissectorTable t = tables.get(b.table());
            DissectorHandle h = handles.get(b.handle());
            if (t == null || h == null || t.lookup(b.key()) != h) {
                return false;
            }
        }
        return true;
    }

    @Override
    public DissectorTable newTable(String name, String uiName, FieldType keyType, Base base) {
        UintDissectorTable t = new UintDissectorTable(name, uiName, keyType, base);
        if (tables.putIfAbsent(name, t) != null) {
            throw new IllegalStateException("dissector table " + name + " declared twice");
        }
        return t;
    }

    @Override
    public HeuristicList newHeuristicList(String name) {
        return heuristics.computeIfAbsent(name, OrderedHeuristicList::new);
    }

    @Override
    public Preference preference(ProtocolDef owner, String name, String title, String defaultValue) {
        String full = owner.filterName() + "." + name;
        return preferences.computeIfAbsent(full, k -> new PreferenceValue(k, title, defaultValue));
    }

    // ---- Tables --------------------------------------------------------------------------------

    @Override
    public DissectorTable table(String name) {
        DissectorTable t = tables.get(name);
        if (t == null) {
            throw new IllegalStateException(currentProvider + ": no dissector table named " + name);
        }
        return t;
    }

    /** The table, or null when no provider declared it. */
    public DissectorTable findTable(String name) {
        return tables.get(name);
    }

    @Override
    public HeuristicList heuristics(String name) {
        HeuristicList h = heuristics.get(name);
        if (h == null) {
            throw new IllegalStateException(currentProvider + ": no heuristic list named " + name);
        }
        return h;
    }

    @Override
    public DissectorHandle handle(String name) {
        return handles.get(name);
    }

    @Override
    public Preference preference(String name) {
        return preferences.get(name);
    }

    /** Sets a preference from {@code -o name:value}; false when no such preference exists. */
    public boolean setPreference(String name, String value) {
        PreferenceValue p = preferences.get(name);
        if (p == null) {
            return false;
        }
        p.set(value);
        return true;
    }

    /** Enables or disables a heuristic by short name in every list; false when unknown. */
    public boolean setHeuristicEnabled(String shortName, boolean enabled) {
        boolean found = false;
        for (OrderedHeuristicList list : heuristics.values()) {
            for (OrderedHeuristicList.Entry e : list.entries()) {
                if (e.shortName().equals(shortName)) {
                    found = true;
                }
            }
            list.setEnabled(shortName, enabled);
        }
        return found;
    }

    public Map<String, DissectorHandle> handles() {
        return Collections.unmodifiableMap(handles);
    }

    public Map<String, ? extends DissectorTable> tables() {
        return Collections.unmodifiableMap(tables);
    }

    public Map<String, ? extends Preference> preferences() {
        return Collections.unmodifiableMap(preferences);
    }

    public Map<String, ExpertDef> experts() {
        return Collections.unmodifiableMap(experts);
    }

    private static final class PreferenceValue implements Preference {
        private final String name;
        private final String title;
        private volatile String value;

        PreferenceValue(String name, String title, String value) {
            this.name = name;
            this.title = title;
            this.value = value;
        }

        @Override public String name() { return name; }
        @Override public String title() { return title; }
        @Override public String value() { return value; }

        void set(String v) {
            value = v;
        }
    }
}
