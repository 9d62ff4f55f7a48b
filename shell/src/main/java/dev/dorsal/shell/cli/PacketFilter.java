package dev.dorsal.shell.cli;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FieldDef;
import java.util.Set;

/** A compiled {@code -Y} display filter, as the batch CLI uses it. */
public interface PacketFilter {
    /** Fields the filter reads; dissection builds nodes for them. */
    Set<FieldDef> fieldsUsed();

    boolean matches(DissectedPacket packet);
}
