package dev.dorsal.shell.repl;

/** A user mistake in a command (bad arguments, no capture open): its message is shown, never a trace. */
public final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message, null, false, false);
    }
}
