package dev.dorsal.shell.session;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.script.ScriptHost;
import dev.dorsal.engine.script.ScriptOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the shell has open: the captures (one of them current), the registry with its preferences and
 * Decode-As entries, the JavaScript dissectors loaded, and the shell's settings. Changes that alter
 * dissection (preferences, Decode-As, scripts) drop every capture's cached dissection results.
 */
public final class Session implements AutoCloseable {
    private final Registry registry;
    private final Settings settings = new Settings();
    private final List<LoadedCapture> captures = new ArrayList<>();
    private final Map<String, String> preferencesSet = new LinkedHashMap<>();
    private final Map<String, String> originalPreferences = new LinkedHashMap<>();
    private final Map<String, String> decodeAs = new LinkedHashMap<>();
    private ScriptHost scripts;
    private ScriptOptions scriptOptions = ScriptOptions.defaults();
    private LoadedCapture current;
    private int nextId = 1;

    public Session(Registry registry) {
        this.registry = registry;
    }

    public Registry registry() { return registry; }
    public Settings settings() { return settings; }

    // ---- captures ---------------------------------------------------------------------------

    /** Opens {@code path} (indexing starts in the background) and makes it current. */
    public LoadedCapture open(Path path) throws CaptureFileException {
        LoadedCapture c = new LoadedCapture(nextId, path);
        nextId++;
        captures.add(c);
        current = c;
        return c;
    }

    public List<LoadedCapture> captures() {
        return List.copyOf(captures);
    }

    /** The current capture, or null when none is open. */
    public LoadedCapture current() {
        return current;
    }

    public void select(LoadedCapture c) {
        current = c;
    }

    /** The capture with this id, or null. */
    public LoadedCapture capture(int id) {
        for (LoadedCapture c : captures) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    public void close(LoadedCapture c) {
        captures.remove(c);
        c.close();
        if (current == c) {
            current = captures.isEmpty() ? null : captures.getLast();
        }
    }

    // ---- what changes dissection -------------------------------------------------------------

    /** Sets a dissector preference; false when there is no such preference or the value is refused. */
    public boolean setPreference(String name, String value) {
        var p = registry.preference(name);
        if (p == null) {
            return false;
        }
        originalPreferences.putIfAbsent(name, p.value());
        if (!registry.setPreference(name, value)) {
            return false;
        }
        preferencesSet.put(name, value);
        dissectionChanged();
        return true;
    }

    /** Preferences changed in this session, name to value. */
    public Map<String, String> preferencesSet() {
        return Map.copyOf(preferencesSet);
    }

    /** Decode-As entries made in this session, "table==value" to protocol. */
    public Map<String, String> decodeAs() {
        return decodeAs;
    }

    /** The dissector scripts host, created on first use. */
    public ScriptHost scripts() {
        if (scripts == null) {
            scripts = new ScriptHost(registry, scriptOptions);
            scripts.setFilterCompiler(text -> {
                if (text.isEmpty()) {
                    return p -> true;
                }
                try {
                    var f = dev.dorsal.engine.filter.DisplayFilter.compile(text, registry.fields());
                    return f::matches;
                } catch (dev.dorsal.engine.filter.FilterException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            });
        }
        return scripts;
    }

    /** The scripts host if scripts were loaded, else null. */
    public ScriptHost scriptsIfLoaded() {
        return scripts;
    }

    /** Options for scripts (dissectors and queries): time limits, permissions, output. */
    public ScriptOptions scriptOptions() {
        return scriptOptions;
    }

    public void setScriptOptions(ScriptOptions o) {
        this.scriptOptions = o;
    }

    /** Field ids the loaded scripts read, for the dissection interest sets. */
    public BitSet scriptInterest() {
        return scripts == null ? new BitSet() : scripts.interest();
    }

    /** Dissection may now give other results: every capture forgets its cached values and state. */
    public void dissectionChanged() {
        for (LoadedCapture c : captures) {
            c.invalidateDissection();
        }
    }

    @Override
    public void close() {
        for (LoadedCapture c : List.copyOf(captures)) {
            c.close();
        }
        captures.clear();
        if (scripts != null) {
            scripts.close();
        }
        // The registry outlives the session (tests run many in one JVM): undo what this one changed.
        decodeAs.keySet().forEach(key -> {
            int eq = key.indexOf("==");
            var table = registry.findTable(key.substring(0, eq));
            if (table != null) {
                table.decodeAs(Long.parseLong(key.substring(eq + 2)), null);
            }
        });
        decodeAs.clear();
        originalPreferences.forEach(registry::setPreference);
    }
}
