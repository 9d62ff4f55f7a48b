package dev.dorsal.engine.spi;

/**
 * A typed key for per-packet layer data or per-capture dissector state. Compared by identity; each
 * key also has a small number of its own, so state stores can index an array instead of hashing
 * (dissectors look their state up several times per packet).
 */
public final class Key<T> {
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_INDEX =
            new java.util.concurrent.atomic.AtomicInteger();

    private final String name;
    private final int index;

    private Key(String name) {
        this.name = name;
        this.index = NEXT_INDEX.getAndIncrement();
    }

    /** A new key; make keys once (static fields), as each one takes a slot in every state store. */
    public static <T> Key<T> of(String name) {
        return new Key<>(name);
    }

    /** This key's number: 0 for the first key made, 1 for the next, and so on. */
    public int index() {
        return index;
    }

    @Override
    public String toString() {
        return name;
    }
}
