package dev.dorsal.engine.script;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.HeuristicList;
import dev.dorsal.engine.spi.Preference;
import dev.dorsal.engine.spi.ProtocolDef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * The load-time half of the host façade the API prelude calls: protocols, fields, experts,
 * preferences, dissector tables, heuristics, field extractors and listeners, all registered in the
 * shared {@link Registry} beside the Java dissectors. Scripts never see this object directly.
 */
public final class RegistrationApi {
    private static final Pattern PROTO_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private final ScriptContext ctx;
    private final ScriptHost host;
    private final Registry registry;
    private final List<List<FieldDef>> pending = new ArrayList<>();
    private final List<String> pendingExtractors = new ArrayList<>();

    RegistrationApi(ScriptContext ctx) {
        this.ctx = ctx;
        this.host = ctx.host;
        this.registry = ctx.host.registry();
    }

    /** Names of the field types, in the order the prelude numbers {@code ftypes}. */
    @Export
    public String[] ftypeNames() {
        FieldType[] all = FieldType.values();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].name();
        }
        return out;
    }

    @Export
    public String version() {
        return "Dorsal 0.1 (Wireshark 4.0.17 compatible API)";
    }

    /** Declares a protocol; {@code reuse} takes over an existing (Java) protocol of the same name. */
    @Export
    public int proto(String name, String description, boolean reuse) {
        if (name == null || !PROTO_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Proto.new: bad argument #1 (name): '" + name
                    + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        if (description == null || description.isEmpty()) {
            throw new IllegalArgumentException("Proto.new: bad argument #2 (desc): must not be empty");
        }
        ScriptProto p = host.protoNamed(name);
        if (p != null && p.context() != null && p.context() != ctx && !p.context().closed()) {
            throw new IllegalArgumentException("Proto.new: there cannot be two protocols named '" + name
                    + "' (already declared by " + p.context().file + ")");
        }
        for (ScriptProto mine : ctx.protos) {
            if (mine.name.equals(name)) {
                throw new IllegalArgumentException("Proto.new: there cannot be two protocols named '" + name + "'");
            }
        }
        if (p == null) {
            ProtocolDef existing = registry.fields().protocol(name);
            if (existing != null && !reuse) {
                throw new IllegalArgumentException("Proto.new: there cannot be two protocols named '" + name
                        + "' (a Java dissector has it; pass {reuse: true} to take it over)");
            }
            ProtocolDef def = existing != null ? existing : new ProtocolDef(description, name.toUpperCase(java.util.Locale.ROOT), name);
            if (existing == null) {
                registry.protocol(def);
            }
            String handleName = existing != null ? name + "_js" : name;
            p = new ScriptProto(name, def, handleName, existing != null);
            ScriptProto self = p;
            p.handle = registry.handle(handleName, def, self::dissect);
            host.addProto(p);
        }
        int idx = ctx.protos.size();
        ctx.protos.add(p);
        pending.add(new ArrayList<>());
        p.bind(ctx, idx);
        return idx;
    }

    /** Declares a field of proto {@code idx}; returns its number in the script (for the wanted flags). */
    @Export
    public int field(int protoIdx, String ctor, String abbrev, String name, int ftype, int base, double mask,
            int bitWidth, Value vals, String tfsTrue, String tfsFalse, String desc) {
        FieldType type = FieldType.values()[ftype];
        FieldDef built = FieldSpecs.build(ctor, abbrev, name, type, base, (long) mask, bitWidth, vals, tfsTrue,
                tfsFalse, desc);
        for (FieldDef other : registry.fields().lookup(abbrev)) {
            if (!compatible(other.type(), type)) {
                throw new IllegalArgumentException(ctor + ": A field of an incompatible ftype with this abbrev already exists ('"
                        + abbrev + "' is " + other.type().name() + ")");
            }
        }
        ScriptProto p = ctx.protos.get(protoIdx);
        FieldDef f = null;
        // An identical declaration already registered (a Java dissector's, or this script's before a reload) is reused.
        String same = FieldSpecs.key("", built);
        for (FieldDef other : registry.fields().lookup(abbrev)) {
            if (FieldSpecs.key("", other).equals(same) && p.def.filterName().equals(other.protocolFilterName())) {
                f = other;
                break;
            }
        }
        if (f == null) {
            f = host.cachedField(FieldSpecs.key(p.name, built), built);
        }
        if (ctx.fields.contains(f)) {
            return ctx.fields.indexOf(f);
        }
        ctx.fields.add(f);
        if (f.id() < 0) {
            pending.get(protoIdx).add(f);
        }
        return ctx.fields.size() - 1;
    }

    private static boolean compatible(FieldType a, FieldType b) {
        return a == b || (a.isInteger() && b.isInteger()) || (a.isString() && b.isString());
    }

    @Export
    public int expert(int protoIdx, String abbrev, String text, int group, int severity) {
        FieldSpecs.checkAbbrev("ProtoExpert.new", abbrev);
        ExpertDef.Group g = null;
        for (ExpertDef.Group x : ExpertDef.Group.values()) {
            if (x.code == group) {
                g = x;
            }
        }
        ExpertDef.Severity s = null;
        for (ExpertDef.Severity x : ExpertDef.Severity.values()) {
            if (x.code == severity) {
                s = x;
            }
        }
        if (g == null) {
            throw new IllegalArgumentException("ProtoExpert.new: bad argument #3 (group): use expert.group.*");
        }
        if (s == null) {
            throw new IllegalArgumentException("ProtoExpert.new: bad argument #4 (severity): use expert.severity.*");
        }
        ScriptProto p = ctx.protos.get(protoIdx);
        ExpertDef known = registry.experts().get(abbrev);
        if (known != null) {
            if (!known.summary().equals(text) || known.group() != g || known.severity() != s) {
                throw new IllegalArgumentException("ProtoExpert.new: an expert info named '" + abbrev + "' already exists with another text, group or severity");
            }
            ctx.experts.add(known);
            return ctx.experts.size() - 1;
        }
        ExpertDef e = host.cachedExpert(p.name + '\u0000' + abbrev + '\u0000' + text + '\u0000' + group + '\u0000' + severity,
                new ExpertDef(abbrev, text, g, s));
        registry.experts(p.def, List.of(e));
        ctx.experts.add(e);
        return ctx.experts.size() - 1;
    }

    /** Registers the fields declared for proto {@code idx} since the last commit. */
    @Export
    public void commitFields(int protoIdx) {
        List<FieldDef> list = pending.get(protoIdx);
        if (!list.isEmpty()) {
            registry.fields(ctx.protos.get(protoIdx).def, List.copyOf(list));
            list.clear();
        }
    }

    // ---- preferences ---------------------------------------------------------------------------

    @Export
    public Preference preference(int protoIdx, String name, String title, String defaultValue) {
        if (name == null || !name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Pref: preference name '" + name + "' must be lower-case letters, digits or '_'");
        }
        return registry.preference(ctx.protos.get(protoIdx).def, name, title, defaultValue);
    }

    @Export
    public String prefValue(Preference p) {
        return p.value();
    }

    // ---- dissectors and tables -----------------------------------------------------------------

    @Export
    public DissectorHandle protoHandle(int idx) {
        return ctx.protos.get(idx).handle;
    }

    @Export
    public DissectorHandle handle(String name) {
        return registry.handle(name);
    }

    @Export
    public String handleName(DissectorHandle h) {
        return h.name();
    }

    @Export
    public String handleDescription(DissectorHandle h) {
        return h.protocol() != null ? h.protocol().name() : h.name();
    }

    @Export
    public String[] handleNames() {
        return registry.handles().keySet().stream().sorted().toArray(String[]::new);
    }

    @Export
    public DissectorTable table(String name) {
        return registry.findTable(name);
    }

    @Export
    public String[] tableNames() {
        return registry.tables().keySet().stream().sorted().toArray(String[]::new);
    }

    @Export
    public boolean tableIsString(DissectorTable t) {
        return t.keyType() == FieldType.STRING;
    }

    @Export
    public String tableUiName(DissectorTable t) {
        return t.uiName();
    }

    @Export
    public DissectorTable newTable(String name, String uiName, int ftype, int base) {
        if (registry.findTable(name) != null) {
            // Reloading the script that declared it: keep the table and its entries.
            return registry.findTable(name);
        }
        return registry.newTable(name, uiName, FieldType.values()[ftype], FieldSpecs.base(base));
    }

    @Export
    public void tableAdd(DissectorTable t, double key, DissectorHandle h) {
        long k = (long) key;
        ctx.undo.add(new ScriptContext.TableUndo(t, k, t.lookup(k), h));
        t.add(k, h);
    }

    @Export
    public void tableAddString(DissectorTable t, String key, DissectorHandle h) {
        ctx.undo.add(new ScriptContext.TableUndo(t, key, t.lookup(key), h));
        t.add(key, h);
    }

    @Export
    public void tableRemove(DissectorTable t, double key, DissectorHandle h) {
        long k = (long) key;
        if (h == null || t.lookup(k) == h) {
            t.remove(k);
        }
    }

    @Export
    public void tableRemoveAll(DissectorTable t, DissectorHandle h) {
        for (var e : t.entries().entrySet()) {
            if (e.getValue() == h) {
                t.remove(e.getKey());
            }
        }
    }

    @Export
    public DissectorHandle tableGet(DissectorTable t, double key) {
        return t.lookup((long) key);
    }

    @Export
    public DissectorHandle tableGetString(DissectorTable t, String key) {
        return t.lookup(key);
    }

    /** Decode-As: {@code h} overrides the entry for {@code key}; null gives the registered dissector back. */
    @Export
    public void tableDecodeAs(DissectorTable t, double key, DissectorHandle h) {
        long k = (long) key;
        ctx.undo.add(new ScriptContext.TableUndo(t, "decode-as:" + k, null, h));
        t.decodeAs(k, h);
    }

    @Export
    public void heuristic(int protoIdx, String list, int fn) {
        HeuristicList hl;
        try {
            hl = registry.heuristics(list);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("Proto.register_heuristic: there is no heuristic list named '" + list + "'", e);
        }
        ScriptProto p = ctx.protos.get(protoIdx);
        String shortName = p.name + "_" + list;
        hl.add(shortName, p.def, (tvb, pinfo, tree) -> p.heuristic(fn, tvb, pinfo, tree), true);
        ctx.heuristics.add(shortName);
    }

    // ---- field extractors and listeners --------------------------------------------------------

    /** A field extractor; a field this script declares is resolved when the script's fields are registered. */
    @Export
    public int extractor(String name) {
        List<FieldDef> defs = registry.fields().lookup(name);
        ctx.extractors.add(defs);
        if (defs.isEmpty()) {
            pendingExtractors.add(name);
        } else {
            host.prime(defs);
        }
        return ctx.extractors.size() - 1;
    }

    /** Resolves extractors of fields declared later in the script; fails for names nobody registered. */
    @Export
    public void resolveExtractors() {
        for (int i = 0; i < ctx.extractors.size(); i++) {
            if (ctx.extractors.get(i).isEmpty()) {
                String name = pendingExtractors.remove(0);
                List<FieldDef> defs = registry.fields().lookup(name);
                if (defs.isEmpty()) {
                    throw new IllegalArgumentException("Field.new: a field named '" + name + "' does not exist");
                }
                ctx.extractors.set(i, defs);
                host.prime(defs);
            }
        }
    }

    @Export
    public void listener(int idx, String tap, String filter, boolean allFields) {
        ScriptListener l = new ScriptListener(ctx, idx, tap, filter, host.compileFilter(filter));
        ctx.listeners.add(l);
        host.addListener(l, allFields);
    }
}
