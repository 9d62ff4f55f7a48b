package dev.dorsal.engine.spi;

/**
 * A plug-in that contributes dissectors, found by ServiceLoader. The engine calls every provider's
 * {@link #register} before any {@link #handoff}, so file and load order never matter.
 */
public interface DissectorProvider {
    /** A short name for logs and errors, usually the protocol's filter name. */
    String name();

    /** Declares protocols, fields, handles and the tables this provider owns. */
    void register(Registrar registrar);

    /** Binds this provider's handles into other providers' tables. */
    default void handoff(Tables tables) {}
}
