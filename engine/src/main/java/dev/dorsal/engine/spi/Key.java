package dev.dorsal.engine.spi;

/** A typed key for per-packet layer data or per-capture dissector state. Compared by identity. */
public final class Key<T> {
    private final String name;

    private Key(String name) {
        this.name = name;
    }

    public static <T> Key<T> of(String name) {
        return new Key<>(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
