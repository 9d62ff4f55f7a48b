package dev.dorsal.shell.cli;

import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.script.ScriptException;
import dev.dorsal.engine.script.ScriptHost;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * JavaScript for a batch run, as tshark loads Lua: every {@code *.js} in the user's plugin folder
 * ({@code ~/.config/dorsal/plugins}), then each {@code -X js_script:FILE} in command-line order. A
 * script that fails to load is reported with its file, line and column, and the run goes on without
 * it. No host (and no JavaScript engine start-up) when there is nothing to load.
 */
final class CliScripts implements AutoCloseable {
    private static final String JS_SCRIPT = "js_script:";

    final ScriptHost host;
    /** Fields the scripts' Listener filters read (dissection must build them). */
    final java.util.BitSet filterInterest = new java.util.BitSet();

    private CliScripts(ScriptHost host) {
        this.host = host;
    }

    /** Fields dissection must build for the scripts: their extractors and their Listener filters. */
    java.util.BitSet interest() {
        java.util.BitSet b = host.interest();
        b.or(filterInterest);
        return b;
    }

    @Override
    public void close() {
        host.close();
    }

    /** The script files named by {@code -X} options; tshark's other keys are refused clearly. */
    static List<Path> scriptFiles(List<String> extensions) throws UsageError {
        List<Path> files = new ArrayList<>();
        for (String x : extensions) {
            if (x.startsWith(JS_SCRIPT) && x.length() > JS_SCRIPT.length()) {
                files.add(Path.of(x.substring(JS_SCRIPT.length())));
            } else if (x.startsWith("lua_script")) {
                throw new UsageError("-X " + x + ": Dorsal runs JavaScript, not Lua: translate the script "
                        + "(docs/js-api.md maps the Lua API) and load it with -X js_script:FILE", BatchCommand.EXIT_USAGE);
            } else {
                throw new UsageError("-X " + x + ": unknown extension option; Dorsal knows js_script:FILE",
                        BatchCommand.EXIT_USAGE);
            }
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UsageError("-X js_script: the script \"" + f + "\" doesn't exist.", BatchCommand.EXIT_USAGE);
            }
        }
        return files;
    }

    /** The user's plugins, sorted by name (none when the folder does not exist). */
    static List<Path> plugins() {
        Path dir = ScriptHost.pluginDirectory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".js") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A host with the plugins and {@code files} loaded, or null when there is nothing to load. */
    static CliScripts open(Registry registry, List<Path> files, PrintStream err) {
        List<Path> plugins = plugins();
        if (plugins.isEmpty() && files.isEmpty()) {
            return null;
        }
        ScriptHost host = new ScriptHost(registry);
        CliScripts loaded = new CliScripts(host);
        host.setFilterCompiler(text -> {
            if (text.isEmpty()) {
                return p -> true;
            }
            try {
                DisplayFilter f = DisplayFilter.compile(text, registry.fields());
                f.fieldsUsed().forEach(d -> {
                    for (var same : registry.fields().lookup(d.abbrev())) {
                        loaded.filterInterest.set(same.id());
                    }
                });
                return f::matches;
            } catch (FilterException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
        for (ScriptException e : host.loadAll(plugins)) {
            err.println(BatchCommand.PREFIX + e.getMessage());
        }
        for (Path f : files) {
            try {
                host.load(f);
            } catch (ScriptException e) {
                err.println(BatchCommand.PREFIX + e.getMessage());
            }
        }
        return loaded;
    }
}
