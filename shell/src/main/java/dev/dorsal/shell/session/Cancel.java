package dev.dorsal.shell.session;

/**
 * Ctrl-C for the command that is running: the terminal's signal handler calls {@link #request()},
 * loops over packets call {@link #check()} between packets and stop with {@link Cancelled}. One per
 * command run; {@link #NEVER} for work that cannot be interrupted (batch runs).
 */
public final class Cancel {
    /** A token that is never cancelled. */
    public static final Cancel NEVER = new Cancel();

    private volatile boolean requested;
    private volatile Runnable onRequest;

    /** Asks the running work to stop at its next check. */
    public void request() {
        if (this == NEVER) {
            return;
        }
        requested = true;
        Runnable r = onRequest;
        if (r != null) {
            r.run();
        }
    }

    public boolean requested() {
        return requested;
    }

    /** Throws {@link Cancelled} when a stop was requested. */
    public void check() {
        if (requested) {
            throw new Cancelled();
        }
    }

    /**
     * Also runs {@code action} when a stop is requested (a JavaScript context is interrupted this way,
     * since it does not reach {@link #check()} while it computes); null removes it.
     */
    public void onRequest(Runnable action) {
        this.onRequest = action;
        if (action != null && requested) {
            action.run();
        }
    }
}
