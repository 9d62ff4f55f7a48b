package dev.dorsal.engine.script;

/**
 * What happened to one script so far: calls, errors (exceptions other than bounds errors),
 * interrupted calls, and whether its dissectors were switched off for running too long.
 */
public record ScriptStats(String script, long calls, long errors, long timeouts, boolean disabled, String lastError) {
    @Override
    public String toString() {
        return script + ": " + calls + " calls, " + errors + " errors, " + timeouts + " timeouts"
                + (disabled ? ", disabled" : "") + (lastError != null ? "; last error: " + lastError : "");
    }
}
