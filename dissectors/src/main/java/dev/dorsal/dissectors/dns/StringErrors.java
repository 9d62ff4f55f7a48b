package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.ExpertDef;

/**
 * Flags a string field whose bytes go on past a NUL, as tshark's core string check does
 * ({@code _ws.string}). The engine registers it under {@code _ws.string} (so EK names it after that
 * protocol); DNS, HTTP and SSH add it.
 */
public final class StringErrors {
    /** Bytes other than NUL after the NUL that ends a string value. */
    public static final ExpertDef TRAILING_STRAY = CoreFields.STRING_TRAILING_STRAY;

    private StringErrors() {}
}
