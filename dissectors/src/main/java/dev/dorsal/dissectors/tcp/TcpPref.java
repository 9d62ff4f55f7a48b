package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Preference;

/**
 * Reads a boolean TCP preference, parsing its text only when the text changes: TCP asks several
 * preferences per packet, and parsing a string each time showed in profiles.
 */
final class TcpPref {
    /** The text last seen and what it means; one immutable object, so a racing reader never sees half. */
    private record Parsed(String text, boolean value) {}

    private final Preference preference;
    private Parsed parsed = new Parsed(null, false);

    TcpPref(Preference preference) {
        this.preference = preference;
    }

    boolean on() {
        String text = preference.value();
        Parsed p = parsed;
        if (p.text != text) {
            // Identity is enough: an unchanged preference hands back the same string.
            p = new Parsed(text, preference.boolValue());
            parsed = p;
        }
        return p.value;
    }
}
