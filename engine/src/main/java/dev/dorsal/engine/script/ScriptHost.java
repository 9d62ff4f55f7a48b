package dev.dorsal.engine.script;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.graalvm.polyglot.Source;

/**
 * Loads JavaScript dissectors into a {@link Registry}, where they sit beside the Java dissectors:
 * a script's {@code new Proto(...)} becomes a ProtocolDef with its fields and a handle, its
 * {@code DissectorTable.get(...).add(...)} binds that handle into the same tables. Each script runs
 * in its own sandboxed context on one shared engine.
 *
 * <pre>{@code
 * Registry registry = Registry.loadDefault();
 * ScriptHost scripts = new ScriptHost(registry, ScriptOptions.defaults());
 * scripts.loadStandard();                       // bundled examples + ~/.config/dorsal/plugins
 * scripts.load(Path.of("mine.js"));             // like tshark -X lua_script:mine.js
 * }</pre>
 *
 * <p>Single-threaded like the dissection it serves: load, reload and dissect from one thread.
 */
public final class ScriptHost implements AutoCloseable {
    /** Class-path folder of the bundled example dissectors (the scripts module). */
    public static final String BUNDLED = "dorsal/scripts/dissectors";

    private final Registry registry;
    private final ScriptOptions options;
    private final Watchdog watchdog;
    private final Source prelude;
    private final Map<String, ScriptContext> scripts = new LinkedHashMap<>();
    private final Map<String, String> digests = new LinkedHashMap<>();
    private final Map<String, Path> paths = new LinkedHashMap<>();
    private final ScriptRegistry shared;
    private final BitSet primed = new BitSet();
    private final List<FieldDef> primedFields = new ArrayList<>();
    private final List<ScriptListener> listeners = new ArrayList<>();
    private final List<ScriptException> loadErrors = new ArrayList<>();
    private boolean wantsAllFields;
    private Function<String, Predicate<DissectedPacket>> filterCompiler;

    public ScriptHost(Registry registry) {
        this(registry, ScriptOptions.defaults());
    }

    public ScriptHost(Registry registry, ScriptOptions options) {
        this.registry = registry;
        this.shared = ScriptRegistry.of(registry);
        registry.scriptHostOpened();
        this.options = options;
        this.watchdog = new Watchdog(options.callTimeLimit());
        this.filterCompiler = this::existenceFilter;
        try (InputStream in = ScriptHost.class.getResourceAsStream("api.js")) {
            if (in == null) {
                throw new IllegalStateException("dev/dorsal/engine/script/api.js missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.prelude = Source.newBuilder("js", text, ScriptException.PRELUDE_NAME).cached(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- loading -------------------------------------------------------------------------------

    /** Loads one script (tshark's {@code -X lua_script:FILE}); throws {@link ScriptException} on any error in it. */
    public void load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScriptException(file.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
        load(file.toString(), text, file);
    }

    /** Loads a script from text; {@code name} is the file name errors will show. */
    public void load(String name, String text) {
        load(name, text, null);
    }

    private void load(String name, String text, Path path) {
        ScriptContext old = scripts.get(name);
        if (old != null) {
            unload(old);
        }
        ScriptContext c;
        try {
            c = new ScriptContext(this, name, text);
        } catch (ScriptException e) {
            scripts.remove(name);
            throw e;
        }
        scripts.put(name, c);
        digests.put(name, digest(text));
        if (path != null) {
            paths.put(name, path);
        }
    }

    /**
     * Loads every {@code *.js} of {@code files} (folders are listed, sorted by name); a script that fails
     * is reported in {@link #loadErrors()} and the others still load. Returns the errors of this call.
     */
    public List<ScriptException> loadAll(Collection<Path> files) {
        List<ScriptException> errors = new ArrayList<>();
        for (Path p : files) {
            List<Path> list;
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    list = s.filter(x -> x.getFileName().toString().endsWith(".js")).sorted().toList();
                } catch (IOException e) {
                    errors.add(new ScriptException(p.toString(), 0, 0, "cannot list: " + e.getMessage(), e));
                    continue;
                }
            } else {
                list = List.of(p);
            }
            for (Path f : list) {
                try {
                    load(f);
                } catch (ScriptException e) {
                    errors.add(e);
                }
            }
        }
        loadErrors.addAll(errors);
        return errors;
    }

    /** The user's plugin folder, {@code ~/.config/dorsal/plugins} (XDG_CONFIG_HOME honoured). */
    public static Path pluginDirectory() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("dorsal").resolve("plugins");
    }

    /** Loads the bundled dissectors, then the user's plugins; errors are collected, not thrown. */
    public List<ScriptException> loadStandard() {
        List<ScriptException> errors = new ArrayList<>(loadBundled());
        Path plugins = pluginDirectory();
        if (Files.isDirectory(plugins)) {
            errors.addAll(loadAll(List.of(plugins)));
        }
        return errors;
    }

    /** Loads the example dissectors shipped on the class path under {@value #BUNDLED}. */
    public List<ScriptException> loadBundled() {
        List<ScriptException> errors = new ArrayList<>();
        for (Map.Entry<String, String> e : bundledScripts().entrySet()) {
            try {
                load("bundled:" + e.getKey(), e.getValue());
            } catch (ScriptException x) {
                errors.add(x);
            }
        }
        loadErrors.addAll(errors);
        return errors;
    }

    /** Name → text of every bundled script, sorted by name. */
    public static Map<String, String> bundledScripts() {
        Map<String, String> out = new java.util.TreeMap<>();
        try {
            var urls = ScriptHost.class.getClassLoader().getResources(BUNDLED);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                readFolder(url, out);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list bundled scripts: " + e.getMessage(), e);
        }
        return out;
    }

    private static void readFolder(URL url, Map<String, String> out) throws IOException, URISyntaxException {
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            readFiles(fs.provider().getPath(uri), out);
        } else {
            readFiles(Path.of(uri), out);
        }
    }

    private static void readFiles(Path dir, Map<String, String> out) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".js")).sorted().toList()) {
                out.putIfAbsent(p.getFileName().toString(), Files.readString(p));
            }
        }
    }

    /**
     * Re-reads every script loaded from a file and reloads those whose text changed: their table entries are
     * undone, their context closed, and the new version registered (handles keep their identity, so
     * tables and Decode-As entries pointing at them follow). Returns the names reloaded.
     */
    public List<String> reload() {
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, Path> e : new ArrayList<>(paths.entrySet())) {
            String text;
            try {
                text = Files.readString(e.getValue());
            } catch (IOException x) {
                continue;
            }
            if (!digest(text).equals(digests.get(e.getKey())) || !scripts.containsKey(e.getKey())) {
                load(e.getKey(), text, e.getValue());
                done.add(e.getKey());
            }
        }
        return done;
    }

    private void unload(ScriptContext c) {
        List<ScriptContext.TableUndo> undo = c.undo;
        for (int i = undo.size() - 1; i >= 0; i--) {
            ScriptContext.TableUndo u = undo.get(i);
            DissectorTable t = u.table();
            if (u.key() instanceof Long k) {
                if (t.lookup(k) == u.added()) {
                    if (u.previous() != null) {
                        t.add(k, u.previous());
                    } else {
                        t.remove(k);
                    }
                }
            } else if (u.key() instanceof String s && s.startsWith("decode-as:")) {
                t.decodeAs(Long.parseLong(s.substring(10)), null);
            } else if (u.key() instanceof String s && u.previous() != null) {
                t.add(s, u.previous());
            }
        }
        for (String h : c.heuristics) {
            registry.setHeuristicEnabled(h, false);
        }
        listeners.removeIf(l -> l.context == c);
        c.close();
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- taps ----------------------------------------------------------------------------------

    /**
     * Sets how {@code Listener} filters are compiled (the display-filter engine); by default a filter may
     * only be empty or name one field or protocol that must be present.
     */
    public void setFilterCompiler(Function<String, Predicate<DissectedPacket>> compiler) {
        this.filterCompiler = compiler;
    }

    Predicate<DissectedPacket> compileFilter(String filter) {
        return filterCompiler.apply(filter == null ? "" : filter.trim());
    }

    private Predicate<DissectedPacket> existenceFilter(String filter) {
        if (filter.isEmpty()) {
            return p -> true;
        }
        if (!registry.fields().exists(filter)) {
            throw new IllegalArgumentException("Listener.new: filter '" + filter
                    + "' is not a field or protocol name (full display filters need the host's filter compiler)");
        }
        prime(registry.fields().lookup(filter));
        return p -> !FieldValues.find(p.tree(), filter).isEmpty();
    }

    /** Passes a dissected packet to every listener whose filter matches; errors are counted per script. */
    public void tap(DissectedPacket packet) {
        if (listeners.isEmpty()) {
            return;
        }
        TapPacket tp = null;
        for (ScriptListener l : List.copyOf(listeners)) {
            if (l.context.closed() || !l.matches.test(packet)) {
                continue;
            }
            if (tp == null) {
                tp = TapPacket.of(packet);
            }
            try {
                l.context.tap(l, tp);
            } catch (RuntimeException e) {
                // Counted in the script's stats; one listener's failure does not stop the others.
            }
        }
    }

    /** Calls every listener's {@code draw()} (end of the capture). */
    public void draw() {
        for (ScriptListener l : List.copyOf(listeners)) {
            try {
                l.context.draw(l);
            } catch (RuntimeException e) {
                // Counted in the script's stats.
            }
        }
    }

    /** Calls every listener's {@code reset()} (before a capture is read again). */
    public void resetTaps() {
        for (ScriptListener l : List.copyOf(listeners)) {
            try {
                l.context.reset(l);
            } catch (RuntimeException e) {
                // Counted in the script's stats.
            }
        }
    }

    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    // ---- what the driver needs -----------------------------------------------------------------

    /**
     * Field ids that scripts read (field extractors, listener filters): add them to the dissection's
     * interest set, or extractors find nothing when the tree is not detailed.
     */
    public BitSet interest() {
        BitSet b = new BitSet();
        for (FieldDef f : primedFields) {
            if (f.id() >= 0) {
                b.set(f.id());
            }
        }
        b.or(primed);
        return b;
    }

    /** True when a listener asked for all fields ({@code new Listener(tap, filter, true)}): dissect with a full tree. */
    public boolean wantsAllFields() {
        return wantsAllFields;
    }

    /** Per-script counts of calls, errors and timeouts. */
    public List<ScriptStats> stats() {
        return scripts.values().stream().map(ScriptContext::stats).toList();
    }

    /** Errors of scripts that failed to load through {@link #loadAll} or {@link #loadStandard}. */
    public List<ScriptException> loadErrors() {
        return List.copyOf(loadErrors);
    }

    /** A short report for stderr: one line per script with errors or timeouts, nothing when all went well. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (ScriptException e : loadErrors) {
            sb.append("dorsal: script failed to load: ").append(e.getMessage()).append('\n');
        }
        for (ScriptStats s : stats()) {
            if (s.errors() > 0 || s.timeouts() > 0) {
                sb.append("dorsal: script ").append(s).append('\n');
            }
        }
        return sb.toString();
    }

    /** Names of the loaded scripts. */
    public List<String> scripts() {
        return List.copyOf(scripts.keySet());
    }

    /** "GraalVM CE" with the optimizing compiler, "Interpreted" without. */
    public static String runtimeName() {
        return JsEngine.implementationName();
    }

    /**
     * Unloads every script: their table entries, Decode-As entries and heuristics are undone (their
     * protocols and fields stay registered, as a registry cannot forget them) and their contexts closed.
     */
    @Override
    public void close() {
        List<ScriptContext> all = new ArrayList<>(scripts.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            unload(all.get(i));
        }
        scripts.clear();
        watchdog.stop();
        if (!closed) {
            closed = true;
            registry.scriptHostClosed();
        }
    }

    private boolean closed;

    // ---- package-private plumbing --------------------------------------------------------------

    Registry registry() { return registry; }
    ScriptOptions options() { return options; }
    Watchdog watchdog() { return watchdog; }
    Source prelude() { return prelude; }

    ScriptProto protoNamed(String name) {
        synchronized (shared) {
            return shared.protos.get(name);
        }
    }

    void addProto(ScriptProto p) {
        synchronized (shared) {
            shared.protos.put(p.name, p);
        }
    }

    FieldDef cachedField(String key, FieldDef f) {
        synchronized (shared) {
            return shared.fields.computeIfAbsent(key, k -> f);
        }
    }

    ExpertDef cachedExpert(String key, ExpertDef e) {
        synchronized (shared) {
            return shared.experts.computeIfAbsent(key, k -> e);
        }
    }

    void prime(List<FieldDef> defs) {
        for (FieldDef f : defs) {
            if (f.id() >= 0) {
                primed.set(f.id());
            } else {
                primedFields.add(f);
            }
        }
    }

    void addListener(ScriptListener l, boolean allFields) {
        // A listener's pinfo.src_port/dst_port are read back from the tree.
        for (String f : List.of("tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport")) {
            prime(registry.fields().lookup(f));
        }
        listeners.add(l);
        wantsAllFields |= allFields;
    }
}
