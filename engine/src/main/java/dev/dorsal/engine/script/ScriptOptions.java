package dev.dorsal.engine.script;

import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How scripts run: the time one call may take before it is interrupted, how many interruptions
 * disable a protocol, what a script may touch beyond the API, and where {@code print} goes.
 *
 * @param callTimeLimit   CPU time one dissector, heuristic or tap call may take (ten times that in wall time)
 * @param loadTimeLimit   longest time a script's top level may run while loading
 * @param maxTimeouts     interrupted calls after which the protocol's dissector is switched off
 * @param permissions     capabilities granted beyond the dissector API (none by default)
 * @param out             where {@code print()} and {@code console.log()} write
 */
public record ScriptOptions(Duration callTimeLimit, Duration loadTimeLimit, int maxTimeouts,
        Set<ScriptPermission> permissions, OutputStream out) {

    public ScriptOptions {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** Two seconds per call, ten seconds to load, three strikes, no permissions, print to stderr. */
    public static ScriptOptions defaults() {
        return new ScriptOptions(Duration.ofSeconds(2), Duration.ofSeconds(10), 3, Set.of(), System.err);
    }

    public ScriptOptions withCallTimeLimit(Duration d) {
        return new ScriptOptions(d, loadTimeLimit, maxTimeouts, permissions, out);
    }

    public ScriptOptions withPermissions(Set<ScriptPermission> p) {
        return new ScriptOptions(callTimeLimit, loadTimeLimit, maxTimeouts, p, out);
    }

    public ScriptOptions withOut(OutputStream o) {
        return new ScriptOptions(callTimeLimit, loadTimeLimit, maxTimeouts, permissions, o);
    }

    public ScriptOptions withMaxTimeouts(int n) {
        return new ScriptOptions(callTimeLimit, loadTimeLimit, n, permissions, out);
    }

    public boolean granted(ScriptPermission p) {
        return permissions.contains(p);
    }
}
