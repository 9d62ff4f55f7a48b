package dev.dorsal.shell.cli;

import dev.dorsal.engine.registry.ProcessRegistry;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import java.util.HashMap;
import java.util.Map;

/**
 * The one registry of this JVM ({@link ProcessRegistry}): every run of the CLI (and every test)
 * shares it, and {@link #withPreferences} undoes a run's
 * {@code -o} settings and {@code -d} entries when it ends.
 */
public final class SharedRegistry {
    private SharedRegistry() {}

    /** The registry with every provider on the class path, loaded on first use ({@link ProcessRegistry}). */
    public static Registry get() {
        return ProcessRegistry.get();
    }

    /** Remembers preference values so that {@link Overrides#close()} puts them back. */
    static Overrides withPreferences() {
        return new Overrides(get());
    }

    /** The {@code -o} settings and {@code -d} entries of one run, undone on close. */
    static final class Overrides implements AutoCloseable {
        private final Registry registry;
        private final Map<String, String> saved = new HashMap<>();
        private final java.util.List<Map.Entry<DissectorTable, Long>> decoded = new java.util.ArrayList<>();

        private Overrides(Registry registry) {
            this.registry = registry;
        }

        /** Sets {@code name}; false when there is no such preference. */
        boolean set(String name, String value) {
            var p = registry.preference(name);
            if (p == null) {
                return false;
            }
            saved.putIfAbsent(name, p.value());
            return registry.setPreference(name, value);
        }

        /** Decode-As {@code key} of {@code table} as {@code handle} for this run (-d). */
        void decodeAs(DissectorTable table, long key, DissectorHandle handle) {
            table.decodeAs(key, handle);
            decoded.add(Map.entry(table, key));
        }

        @Override
        public void close() {
            saved.forEach(registry::setPreference);
            decoded.forEach(e -> e.getKey().decodeAs(e.getValue(), null));
        }
    }
}
