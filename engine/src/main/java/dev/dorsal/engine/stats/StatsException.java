package dev.dorsal.engine.stats;

/**
 * A {@code -z} argument tshark refuses, with the exact text tshark prints, where it prints it, and
 * the exit code. Most messages go to stderr with exit code 1; {@code -z expert} reports a bad filter
 * on stdout.
 */
public final class StatsException extends Exception {
    private final int exitCode;
    private final boolean stdout;

    public StatsException(String message) {
        this(message, 1, false);
    }

    public StatsException(String message, int exitCode, boolean stdout) {
        super(message);
        this.exitCode = exitCode;
        this.stdout = stdout;
    }

    public int exitCode() { return exitCode; }

    /** True when tshark prints this message on stdout rather than stderr. */
    public boolean toStdout() { return stdout; }
}
