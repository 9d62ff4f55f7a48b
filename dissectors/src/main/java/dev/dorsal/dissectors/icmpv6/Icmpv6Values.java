package dev.dorsal.dissectors.icmpv6;

import dev.dorsal.engine.spi.ValueString;

/** ICMPv6 message types, codes and option types with tshark 4.0.17's names (RFC 4443, 4861, 3810…). */
final class Icmpv6Values {
    private Icmpv6Values() {}

    static final int UNREACH = 1;
    static final int PACKET_TOO_BIG = 2;
    static final int TIME_EXCEEDED = 3;
    static final int PARAM_PROBLEM = 4;
    static final int ECHO_REQUEST = 128;
    static final int ECHO_REPLY = 129;
    static final int MLD_QUERY = 130;
    static final int MLD_REPORT = 131;
    static final int MLD_DONE = 132;
    static final int ROUTER_SOLICIT = 133;
    static final int ROUTER_ADVERT = 134;
    static final int NEIGHBOR_SOLICIT = 135;
    static final int NEIGHBOR_ADVERT = 136;
    static final int REDIRECT = 137;
    static final int MLD_REPORT_V2 = 143;

    static final ValueString TYPES = ValueString.builder()
            .add(1, "Destination Unreachable")
            .add(2, "Packet Too Big")
            .add(3, "Time Exceeded")
            .add(4, "Parameter Problem")
            .add(100, "Private experimentation")
            .add(101, "Private experimentation")
            .add(127, "Reserved for expansion of ICMPv6 error messages")
            .add(128, "Echo (ping) request")
            .add(129, "Echo (ping) reply")
            .add(130, "Multicast Listener Query")
            .add(131, "Multicast Listener Report")
            .add(132, "Multicast Listener Done")
            .add(133, "Router Solicitation")
            .add(134, "Router Advertisement")
            .add(135, "Neighbor Solicitation")
            .add(136, "Neighbor Advertisement")
            .add(137, "Redirect")
            .add(138, "Router Renumbering")
            .add(139, "Node Information Query")
            .add(140, "Node Information Reply")
            .add(141, "Inverse Neighbor Discovery Solicitation")
            .add(142, "Inverse Neighbor Discovery Advertisement")
            .add(143, "Multicast Listener Report Message v2")
            .add(144, "Home Agent Address Discovery Request")
            .add(145, "Home Agent Address Discovery Reply")
            .add(146, "Mobile Prefix Solicitation")
            .add(147, "Mobile Prefix Advertisement")
            .add(148, "Certification Path Solicitation")
            .add(149, "Certification Path Advertisement")
            .add(150, "Experimental Mobility")
            .add(151, "Multicast Router Advertisement")
            .add(152, "Multicast Router Solicitation")
            .add(153, "Multicast Router Termination")
            .add(154, "FMIPv6")
            .add(155, "RPL Control")
            .add(156, "Locator Update")
            .add(157, "Duplicate Address Request")
            .add(158, "Duplicate Address Confirmation")
            .add(159, "MPL Control Message")
            .add(160, "Extended Echo request")
            .add(161, "Extended Echo reply")
            .add(200, "Private experimentation")
            .add(201, "Private experimentation")
            .add(255, "Reserved for expansion of ICMPv6 informational messages")
            .build();

    static final ValueString OPTION_TYPES = ValueString.builder()
            .add(1, "Source link-layer address")
            .add(2, "Target link-layer address")
            .add(3, "Prefix information")
            .add(4, "Redirected header")
            .add(5, "MTU")
            .add(6, "NBMA Shortcut Limit Option")
            .add(7, "Advertisement Interval")
            .add(8, "Home Agent Information")
            .add(9, "Source Address List")
            .add(10, "Target Address List")
            .add(11, "CGA")
            .add(12, "RSA Signature")
            .add(13, "Timestamp")
            .add(14, "Nonce")
            .add(15, "Trust Anchor")
            .add(16, "Certificate")
            .add(17, "IP Address/Prefix Option")
            .add(18, "New Router Prefix Information")
            .add(19, "Link-layer Address")
            .add(20, "Neighbor Advertisement Acknowledgment")
            .add(23, "MAP")
            .add(24, "Route Information")
            .add(25, "Recursive DNS Server")
            .add(26, "RA Flags Extension")
            .add(27, "Handover Key Request")
            .add(28, "Handover Key Reply")
            .add(29, "Handover Assist Information")
            .add(30, "Mobile Node Identifier Option")
            .add(31, "DNS Search List Option")
            .add(32, "Proxy Signature (PS)")
            .add(33, "Address Registration Option")
            .add(34, "6LoWPAN Context Option")
            .add(35, "Authoritative Border Router")
            .add(36, "6LoWPAN Capability Indication Option")
            .add(37, "DHCP Captive-Portal")
            .add(38, "PREF64 Option")
            .add(138, "CARD Request")
            .add(139, "CARD Reply")
            .add(253, "RFC3692-style Experiment 1")
            .add(254, "RFC3692-style Experiment 2")
            .build();

    private static final ValueString UNREACH_CODES = ValueString.of(0, "no route to destination",
            1, "Administratively prohibited", 2, "Beyond scope of source address", 3, "Address unreachable",
            4, "Port unreachable", 5, "Source address failed ingress/egress policy", 6, "Reject route to destination",
            7, "Error in Source Routing Header");
    private static final ValueString TIME_EXCEEDED_CODES = ValueString.of(0, "hop limit exceeded in transit",
            1, "fragment reassembly time exceeded");
    private static final ValueString PARAM_PROBLEM_CODES = ValueString.of(0, "erroneous header field encountered",
            1, "unrecognized Next Header type encountered", 2, "unrecognized IPv6 option encountered",
            3, "IPv6 First Fragment has incomplete IPv6 Header Chain");

    /** The code names of {@code type}, or null when its codes are not named. */
    static ValueString codes(int type) {
        return switch (type) {
            case UNREACH -> UNREACH_CODES;
            case TIME_EXCEEDED -> TIME_EXCEEDED_CODES;
            case PARAM_PROBLEM -> PARAM_PROBLEM_CODES;
            default -> null;
        };
    }
}
