package dev.dorsal.dissectors.ip;

import dev.dorsal.engine.spi.ValueString;

/**
 * Names of Differentiated Services codepoints (RFC 2474, 2597, 3246, 5865, 8622) and ECN codepoints
 * (RFC 3168), long for the bit fields and short for the summary "(DSCP: AF11, ECN: ECT(0))".
 * Shared by IPv4's DS field and IPv6's traffic class.
 */
public final class Dscp {
    private Dscp() {}

    public static final ValueString NAMES = ValueString.of(0, "Default", 1, "Lower Effort", 8, "Class Selector 1",
            10, "Assured Forwarding 11", 12, "Assured Forwarding 12", 14, "Assured Forwarding 13",
            16, "Class Selector 2", 18, "Assured Forwarding 21", 20, "Assured Forwarding 22",
            22, "Assured Forwarding 23", 24, "Class Selector 3", 26, "Assured Forwarding 31",
            28, "Assured Forwarding 32", 30, "Assured Forwarding 33", 32, "Class Selector 4",
            34, "Assured Forwarding 41", 36, "Assured Forwarding 42", 38, "Assured Forwarding 43",
            40, "Class Selector 5", 44, "Voice Admit", 46, "Expedited Forwarding", 48, "Class Selector 6",
            56, "Class Selector 7");

    public static final ValueString SHORT_NAMES = ValueString.of(0, "CS0", 1, "LE", 8, "CS1", 10, "AF11",
            12, "AF12", 14, "AF13", 16, "CS2", 18, "AF21", 20, "AF22", 22, "AF23", 24, "CS3", 26, "AF31",
            28, "AF32", 30, "AF33", 32, "CS4", 34, "AF41", 36, "AF42", 38, "AF43", 40, "CS5", 44, "VOICE-ADMIT",
            46, "EF PHB", 48, "CS6", 56, "CS7");

    public static final ValueString ECN_NAMES = ValueString.of(0, "Not ECN-Capable Transport",
            1, "ECN-Capable Transport codepoint '01'", 2, "ECN-Capable Transport codepoint '10'",
            3, "Congestion Experienced");

    public static final ValueString ECN_SHORT_NAMES = ValueString.of(0, "Not-ECT", 1, "ECT(1)", 2, "ECT(0)", 3, "CE");

    /** "DSCP: AF11, ECN: ECT(0)" for a traffic-class byte. */
    public static String summary(int tos) {
        return "DSCP: " + SHORT_NAMES.nameOr(tos >>> 2, "Unknown") + ", ECN: " + ECN_SHORT_NAMES.nameOr(tos & 3, "Unknown");
    }
}
