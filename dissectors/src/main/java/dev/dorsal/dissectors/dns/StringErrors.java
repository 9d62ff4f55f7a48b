package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.ExpertDef;

/**
 * Flags a string field whose bytes go on past a NUL, as tshark's core string check does
 * ({@code _ws.string}). DNS and HTTP both add it, so there is one instance, registered by both.
 */
public final class StringErrors {
    /** Bytes other than NUL after the NUL that ends a string value. */
    public static final ExpertDef TRAILING_STRAY = new ExpertDef("_ws.string.trailing_stray_characters",
            "Trailing stray characters", ExpertDef.Group.UNDECODED, ExpertDef.Severity.WARN);

    private StringErrors() {}
}
