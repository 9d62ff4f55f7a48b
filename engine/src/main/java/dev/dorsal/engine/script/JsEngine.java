package dev.dorsal.engine.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Engine;

/**
 * The one polyglot {@link Engine} every script context shares, so parsed and compiled code is reused
 * across scripts and reloads. Its compilation settings come from system properties, measured
 * defaults otherwise (docs/benchmarks.md, "JavaScript dissectors"):
 *
 * <ul>
 *   <li>{@code dorsal.js.compilation=false}: run interpreted even when the JIT is available;
 *   <li>{@code dorsal.js.compilerThreads=N}: Truffle compiler threads (with background compilation);
 *   <li>{@code dorsal.js.mode=latency|throughput|default}: Truffle's engine mode (default latency);
 *   <li>{@code dorsal.js.backgroundCompilation=true|false} (default false: compile in the calling thread);
 *   <li>{@code dorsal.js.firstThreshold=N}: calls/loops before the first-tier compilation;
 *   <li>{@code dorsal.js.threshold=N}: calls/loops before the last-tier compilation.
 * </ul>
 */
public final class JsEngine {
    private static volatile Engine engine;
    private static volatile Map<String, String> applied = Map.of();

    private JsEngine() {}

    /** The shared engine, created on first use. */
    public static Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (JsEngine.class) {
                e = engine;
                if (e == null) {
                    e = create();
                    engine = e;
                }
            }
        }
        return e;
    }

    private static Engine create() {
        Map<String, String> opts = settings();
        Engine.Builder b = Engine.newBuilder("js").allowExperimentalOptions(true);
        opts.forEach(b::option);
        if ("false".equals(opts.get("engine.Compilation"))) {
            // Interpreter chosen on purpose: no warning per run. A missing JIT still warns.
            b.option("engine.WarnInterpreterOnly", "false");
        }
        try {
            Engine e = b.build();
            applied = Map.copyOf(opts);
            return e;
        } catch (IllegalArgumentException e) {
            // No optimizing runtime (the compiler jars are not on the upgrade module path): its options do
            // not exist. Run interpreted; Truffle's own warning says so on stderr unless that was chosen.
            applied = Map.of();
            Engine.Builder fallback = Engine.newBuilder("js");
            if (opts.containsKey("engine.Compilation")) {
                fallback.option("engine.WarnInterpreterOnly", "false");
            }
            return fallback.build();
        }
    }

    /** The engine options derived from the {@code dorsal.js.*} system properties and the defaults. */
    static Map<String, String> settings() {
        Map<String, String> o = new LinkedHashMap<>();
        String compilation = System.getProperty("dorsal.js.compilation", "true");
        if (!Boolean.parseBoolean(compilation)) {
            o.put("engine.Compilation", "false");
            return o;
        }
        // Measured on the project's 2-core machines (docs/benchmarks.md): compiling in the dissecting
        // thread itself beat background compiler threads by 3x in CPU time on a million packets, because
        // a background thread competing for the cores delivers the compiled code late, and the calls
        // meanwhile run interpreted. So compilation is synchronous by default.
        String background = System.getProperty("dorsal.js.backgroundCompilation", "false");
        o.put("engine.BackgroundCompilation", background);
        if (Boolean.parseBoolean(background)) {
            o.put("engine.CompilerThreads", System.getProperty("dorsal.js.compilerThreads", "1"));
        }
        // Latency mode compiles less aggressively and sooner: on the benchmark it cut the JIT's CPU time by a
        // third on the mixed capture and by a quarter on the all-UDP one.
        o.put("engine.Mode", System.getProperty("dorsal.js.mode", "latency"));
        String first = System.getProperty("dorsal.js.firstThreshold");
        if (first != null) {
            o.put("engine.FirstTierCompilationThreshold", first);
        }
        String threshold = System.getProperty("dorsal.js.threshold");
        if (threshold != null) {
            o.put("engine.LastTierCompilationThreshold", threshold);
        }
        return o;
    }

    /** "GraalVM CE" with the optimizing runtime, "Interpreted" without it. */
    public static String implementationName() {
        return get().getImplementationName();
    }

    /** Options the shared engine was built with, for reports. */
    public static Map<String, String> appliedOptions() {
        get();
        return applied;
    }
}
