package dev.dorsal.shell.cli;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.FieldDef;
import java.util.Set;

/** Compiles {@code -Y} filters with the engine's display-filter compiler. */
final class DisplayFilters {
    private DisplayFilters() {}

    static PacketFilter compile(String text, FieldRegistry registry) throws FilterCompileException {
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(text, registry);
        } catch (FilterException e) {
            throw new FilterCompileException(e.getMessage());
        }
        return new PacketFilter() {
            @Override
            public Set<FieldDef> fieldsUsed() {
                return f.fieldsUsed();
            }

            @Override
            public boolean matches(DissectedPacket packet) {
                return f.matches(packet);
            }
        };
    }
}
