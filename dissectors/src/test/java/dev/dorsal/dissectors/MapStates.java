package dev.dorsal.dissectors;

import dev.dorsal.engine.spi.FlowShortcut;
import dev.dorsal.engine.spi.Key;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A capture's per-dissector state in a plain map, for tests that call a flow shortcut directly. */
public final class MapStates implements FlowShortcut.States {
    private final Map<Key<?>, Object> map = new HashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T state(Key<T> key, Supplier<T> create) {
        return (T) map.computeIfAbsent(key, k -> create.get());
    }
}
