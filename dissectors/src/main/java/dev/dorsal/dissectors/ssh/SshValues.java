package dev.dorsal.dissectors.ssh;

import dev.dorsal.engine.spi.ValueString;

/** The names tshark 4.0.17 gives SSH message codes and MAC verdicts (-G values). */
final class SshValues {
    private SshValues() {}

    static final ValueString SSH1_MESSAGES = ValueString.of(0, "No Message", 1, "Disconnect", 2, "Public Key",
            3, "Session Key", 4, "User");

    static final ValueString MESSAGES = ValueString.of(1, "Disconnect", 2, "Ignore", 3, "Unimplemented",
            4, "Debug", 5, "Service Request", 6, "Service Accept", 20, "Key Exchange Init", 21, "New Keys",
            50, "User Authentication Request", 51, "User Authentication Failure",
            52, "User Authentication Success", 53, "User Authentication Banner", 80, "Global Request",
            81, "Request Success", 82, "Request Failure", 90, "Channel Open", 91, "Channel Open Confirmation",
            92, "Channel Open Failure", 93, "Window Adjust", 94, "Channel Data", 95, "Channel Extended Data",
            96, "Channel EOF", 97, "Channel Close", 98, "Channel Request", 99, "Channel Success",
            100, "Channel Failure", 60, "Public Key algorithm accepted");

    static final ValueString DH_MESSAGES = ValueString.of(30, "Diffie-Hellman Key Exchange Init",
            31, "Diffie-Hellman Key Exchange Reply");

    static final ValueString DH_GEX_MESSAGES = ValueString.of(30, "Diffie-Hellman Group Exchange Request (Old)",
            31, "Diffie-Hellman Group Exchange Group", 32, "Diffie-Hellman Group Exchange Init",
            33, "Diffie-Hellman Group Exchange Reply", 34, "Diffie-Hellman Group Exchange Request");

    static final ValueString ECDH_MESSAGES = ValueString.of(30, "Elliptic Curve Diffie-Hellman Key Exchange Init",
            31, "Elliptic Curve Diffie-Hellman Key Exchange Reply");

    static final ValueString MAC_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified", 3, "Not present",
            4, "Illegal");

    /** tshark's val_to_str: the name, or "Unknown (N)". */
    static String name(ValueString vs, int code) {
        String n = vs.name(code);
        return n != null ? n : "Unknown (" + code + ")";
    }
}
