package dev.dorsal.shell.cli;

/** A mistake on the command line or in the input: a message for stderr and an exit code, never a stack trace. */
final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final boolean toStdout;

    UsageError(String message, int exitCode) {
        this(message, exitCode, false);
    }

    /** @param toStdout true for the few messages tshark prints on stdout, without its prefix */
    UsageError(String message, int exitCode, boolean toStdout) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.toStdout = toStdout;
    }

    boolean toStdout() {
        return toStdout;
    }

    int exitCode() {
        return exitCode;
    }
}
