package dev.dorsal.engine.script;

/**
 * A capability a user may grant to JavaScript dissectors; without any, a script sees only the
 * dissector API (no files, no network, no processes, no Java classes).
 */
public enum ScriptPermission {
    /** Read files (through {@code load()} or a future file API); writes stay denied. */
    READ_FILES,
    /** Read and write files. */
    WRITE_FILES,
    /** Look up and use any Java class ({@code Java.type}): this also opens the network and processes. */
    HOST_CLASSES,
    /** Start processes. */
    PROCESSES,
    /** Start threads. */
    THREADS
}
