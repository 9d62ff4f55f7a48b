package dev.dorsal.dissectors.ftp;

import dev.dorsal.engine.spi.ValueString;

/** FTP reply codes (RFC 959, 2228, 2428) with the names tshark 4.0.17 gives them. */
final class FtpValues {
    private FtpValues() {}

    static final ValueString RESPONSE_CODES = ValueString.of(
            110, "Restart marker reply",
            120, "Service ready in nnn minutes",
            125, "Data connection already open; transfer starting",
            150, "File status okay; about to open data connection",
            200, "Command okay",
            202, "Command not implemented, superfluous at this site",
            211, "System status, or system help reply",
            212, "Directory status",
            213, "File status",
            214, "Help message",
            215, "NAME system type",
            220, "Service ready for new user",
            221, "Service closing control connection",
            225, "Data connection open; no transfer in progress",
            226, "Closing data connection",
            227, "Entering Passive Mode",
            229, "Entering Extended Passive Mode",
            230, "User logged in, proceed",
            232, "User logged in, authorized by security data exchange",
            234, "Security data exchange complete",
            235, "Security data exchange completed successfully",
            250, "Requested file action okay, completed",
            257, "PATHNAME created",
            331, "User name okay, need password",
            332, "Need account for login",
            334, "Requested security mechanism is ok",
            335, "Security data is acceptable, more is required",
            336, "Username okay, need password. Challenge is ...",
            350, "Requested file action pending further information",
            421, "Service not available, closing control connection",
            425, "Can't open data connection",
            426, "Connection closed; transfer aborted",
            431, "Need some unavailable resource to process security",
            450, "Requested file action not taken",
            451, "Requested action aborted: local error in processing",
            452, "Requested action not taken. Insufficient storage space in system",
            500, "Syntax error, command unrecognized",
            501, "Syntax error in parameters or arguments",
            502, "Command not implemented",
            503, "Bad sequence of commands",
            504, "Command not implemented for that parameter",
            522, "Network protocol not supported",
            530, "Not logged in",
            532, "Need account for storing files",
            533, "Command protection level denied for policy reasons",
            534, "Request denied for policy reasons",
            535, "Failed security check (hash, sequence, etc)",
            536, "Requested PROT level not supported by mechanism",
            537, "Command protection level not supported by security mechanism",
            550, "Requested action not taken: File unavailable",
            551, "Requested action aborted: page type unknown",
            552, "Requested file action aborted: Exceeded storage allocation",
            553, "Requested action not taken: File name not allowed",
            631, "Integrity protected reply",
            632, "Confidentiality and integrity protected reply",
            633, "Confidentiality protected reply");

    /** RFC 2428 address families of EPRT. */
    static final ValueString EPRT_FAMILIES = ValueString.of(1, "IPv4", 2, "IPv6");
}
