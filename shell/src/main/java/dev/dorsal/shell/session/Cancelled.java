package dev.dorsal.shell.session;

/** The running command was stopped with Ctrl-C; the shell prints "cancelled" and shows the prompt. */
public final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Cancelled() {
        super("cancelled", null, false, false);
    }
}
