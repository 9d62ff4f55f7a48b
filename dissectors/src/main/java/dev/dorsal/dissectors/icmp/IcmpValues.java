package dev.dorsal.dissectors.icmp;

import dev.dorsal.engine.spi.ValueString;

/** ICMP type and code names (RFC 792 and successors) as tshark 4.0.17 prints them. */
final class IcmpValues {
    private IcmpValues() {}

    static final int ECHO_REPLY = 0;
    static final int UNREACH = 3;
    static final int SOURCE_QUENCH = 4;
    static final int REDIRECT = 5;
    static final int ALT_HOST = 6;
    static final int ECHO = 8;
    static final int ROUTER_ADVERT = 9;
    static final int ROUTER_SOLICIT = 10;
    static final int TIME_EXCEEDED = 11;
    static final int PARAM_PROBLEM = 12;
    static final int TIMESTAMP = 13;
    static final int TIMESTAMP_REPLY = 14;
    static final int INFO_REQUEST = 15;
    static final int INFO_REPLY = 16;
    static final int MASK_REQUEST = 17;
    static final int MASK_REPLY = 18;
    static final int PHOTURIS = 40;
    static final int EXT_ECHO = 42;
    static final int EXT_ECHO_REPLY = 43;

    static final ValueString TYPES = ValueString.builder()
            .add(0, "Echo (ping) reply").add(1, "Reserved").add(2, "Reserved").add(3, "Destination unreachable")
            .add(4, "Source quench (flow control)").add(5, "Redirect").add(6, "Alternate host address")
            .add(8, "Echo (ping) request").add(9, "Router advertisement").add(10, "Router solicitation")
            .add(11, "Time-to-live exceeded").add(12, "Parameter problem").add(13, "Timestamp request")
            .add(14, "Timestamp reply").add(15, "Information request").add(16, "Information reply")
            .add(17, "Address mask request").add(18, "Address mask reply").add(19, "Reserved (for security)")
            .add(30, "Traceroute").add(31, "Datagram Conversion Error").add(32, "Mobile Host Redirect")
            .add(33, "IPv6 Where-Are-You").add(34, "IPv6 I-Am-Here").add(35, "Mobile Registration Request")
            .add(36, "Mobile Registration Reply").add(37, "Domain Name Request").add(38, "Domain Name Reply")
            .add(39, "SKIP").add(40, "Photuris").add(41, "Experimental mobility protocols")
            .add(42, "Extended Echo request").add(43, "Extended Echo reply")
            .build();

    static final String UNKNOWN_TYPE = "Unknown ICMP (obsolete or malformed?)";

    private static final ValueString UNREACH_CODES = ValueString.of(0, "Network unreachable", 1, "Host unreachable",
            2, "Protocol unreachable", 3, "Port unreachable", 4, "Fragmentation needed", 5, "Source route failed",
            6, "Destination network unknown", 7, "Destination host unknown", 8, "Source host isolated",
            9, "Network administratively prohibited", 10, "Host administratively prohibited",
            11, "Network unreachable for TOS", 12, "Host unreachable for TOS",
            13, "Communication administratively filtered", 14, "Host precedence violation",
            15, "Precedence cutoff in effect");
    private static final ValueString REDIRECT_CODES = ValueString.of(0, "Redirect for network",
            1, "Redirect for host", 2, "Redirect for TOS and network", 3, "Redirect for TOS and host");
    private static final ValueString ALT_HOST_CODES = ValueString.of(0, "Alternate address for host");
    private static final ValueString ROUTER_ADVERT_CODES = ValueString.of(0, "Normal router advertisement",
            16, "Does not route common traffic");
    private static final ValueString TIME_EXCEEDED_CODES = ValueString.of(0, "Time to live exceeded in transit",
            1, "Fragment reassembly time exceeded");
    private static final ValueString PARAM_PROBLEM_CODES = ValueString.of(0, "Pointer indicates the error",
            1, "Required option missing", 2, "Bad length");
    private static final ValueString PHOTURIS_CODES = ValueString.of(0, "Bad SPI", 1, "Authentication Failed",
            2, "Decompression Failed", 3, "Decryption Failed", 4, "Need Authentication", 5, "Need Authorization");
    private static final ValueString EXT_ECHO_CODES = ValueString.of(0, "No error");
    private static final ValueString EXT_ECHO_REPLY_CODES = ValueString.of(0, "No error", 1, "Malformed Query",
            2, "No Such Interface", 3, "No Such Table Entry", 4, "Multiple Interfaces Satisfy Query");

    /** The code table of {@code type}, or null when the type's codes are not named. */
    static ValueString codes(int type) {
        return switch (type) {
            case UNREACH -> UNREACH_CODES;
            case REDIRECT -> REDIRECT_CODES;
            case ALT_HOST -> ALT_HOST_CODES;
            case ROUTER_ADVERT -> ROUTER_ADVERT_CODES;
            case TIME_EXCEEDED -> TIME_EXCEEDED_CODES;
            case PARAM_PROBLEM -> PARAM_PROBLEM_CODES;
            case PHOTURIS -> PHOTURIS_CODES;
            case EXT_ECHO -> EXT_ECHO_CODES;
            case EXT_ECHO_REPLY -> EXT_ECHO_REPLY_CODES;
            default -> null;
        };
    }

    /** Type name; a router advertisement with code 0 or 16 is the Mobile IP kind (RFC 5944). */
    static String typeName(int type, int code) {
        if (type == ROUTER_ADVERT && (code == 0 || code == 16)) {
            return "Mobile IP Advertisement";
        }
        return TYPES.nameOr(type, UNKNOWN_TYPE);
    }
}
