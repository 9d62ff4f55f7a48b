package dev.dorsal.engine.spi;

/** Lookups of tables, heuristic lists and handles: for handoff, and for dispatch while dissecting. */
public interface Tables {
    /** The table named {@code name}; fails fast with a message naming it when it does not exist. */
    DissectorTable table(String name);

    HeuristicList heuristics(String name);

    /** The handle named {@code name}, or null. */
    DissectorHandle handle(String name);

    /** The preference {@code name}, or null. */
    Preference preference(String name);
}
