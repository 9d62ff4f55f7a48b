package dev.dorsal.shell.session;

/**
 * Where long work reports how far it got: a progress bar on a terminal, nothing when output is piped.
 * {@code done} and {@code total} are in the same unit (frames or bytes); total 0 means unknown.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (what, done, total) -> {};

    void update(String what, long done, long total);

    /** Called when the work ended (the bar is erased). */
    default void done() {}
}
