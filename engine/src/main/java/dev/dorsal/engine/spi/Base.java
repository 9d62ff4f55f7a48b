package dev.dorsal.engine.spi;

/** How an integer field's value is shown: Wireshark's field_display_e bases. */
public enum Base {
    NONE,
    DEC,
    HEX,
    OCT,
    /** Decimal, then hex in parentheses: {@code 57736 (0xe188)}. */
    DEC_HEX,
    /** Hex, then decimal in parentheses: {@code 0xe188 (57736)}. */
    HEX_DEC,
    /** Shown through a dissector-provided formatter. */
    CUSTOM,
    /** A port number (shown as decimal). */
    PT_TCP,
    PT_UDP,
    /** A 24-bit OUI, shown as {@code 02:00:00} (tshark adds the vendor's name when it knows it). */
    OUI
}
