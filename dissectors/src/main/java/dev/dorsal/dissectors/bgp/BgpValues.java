package dev.dorsal.dissectors.bgp;

import dev.dorsal.dissectors.ip.AddressFamilies;
import dev.dorsal.engine.spi.ValueString;

/** BGP code points with tshark 4.0.17's names for them (read off {@code tshark -G values}). */
final class BgpValues {
    private BgpValues() {}

    /** bgp.type */
    static final ValueString TYPES = ValueString.of(1, "OPEN Message",
        2, "UPDATE Message",
        3, "NOTIFICATION Message",
        4, "KEEPALIVE Message",
        5, "ROUTE-REFRESH Message",
        6, "CAPABILITY Message",
        128, "Cisco ROUTE-REFRESH Message");
    /** bgp.open.opt.param.type */
    static final ValueString PARAM_TYPES = ValueString.of(1, "Authentication",
        2, "Capability");
    /** bgp.cap.type */
    static final ValueString CAP_TYPES = ValueString.of(0, "Reserved capability",
        1, "Multiprotocol extensions capability",
        2, "Route refresh capability",
        3, "Cooperative route filtering capability",
        4, "Multiple routes to a destination capability",
        5, "Extended Next Hop Encoding",
        6, "BGP-Extended Message",
        7, "BGPsec capability",
        8, "Multiple Labels capability",
        9, "BGP Role",
        64, "Graceful Restart capability",
        65, "Support for 4-octet AS number capability",
        66, "Deprecated Dynamic Capability (Cisco)",
        67, "Support for Dynamic capability",
        68, "Multisession BGP Capability",
        69, "Support for Additional Paths",
        70, "Enhanced route refresh capability",
        71, "Long-Lived Graceful Restart (LLGR) Capability",
        72, "CP-ORF Capability",
        73, "FQDN Capability",
        128, "Route refresh capability (Cisco)",
        130, "Cooperative route filtering capability (Cisco)",
        131, "Multisession BGP Capability (Cisco)");
    /** bgp.cap.mp.afi */
    static final ValueString AFI = AddressFamilies.IANA;
    /** bgp.cap.mp.safi */
    static final ValueString SAFI = ValueString.of(0, "Reserved",
        1, "Unicast",
        2, "Multicast",
        3, "Unicast+Multicast (Deprecated)",
        4, "Labeled Unicast",
        5, "MCAST-VPN",
        6, "Multi-Segment Pseudowires",
        7, "Encapsulation (Deprecated)",
        8, "MCAST-VPLS",
        64, "Tunnel (Deprecated)",
        65, "VPLS",
        66, "Cisco MDT",
        67, "4over6",
        68, "6over4",
        69, "Layer-1 VPN",
        70, "EVPN",
        71, "BGP-LS",
        72, "BGP-LS-VPN",
        73, "SR Policy",
        74, "SD-WAN",
        75, "Routing Policy Distribution",
        76, "Classful Transport Planes",
        77, "Tunneled Traffic Flowspec",
        78, "MCAST-TREE",
        128, "Labeled VPN Unicast",
        129, "Labeled VPN Multicast",
        130, "Labeled VPN Unicast+Multicast (Deprecated)",
        132, "Route Target Filter",
        133, "Flow Spec Filter",
        134, "Flow Spec Filter VPN",
        140, "Layer-3 VPN (Deprecated)");
    /** bgp.cap.ap.sendreceive */
    static final ValueString SEND_RECEIVE = ValueString.of(1, "Receive",
        2, "Send",
        3, "Both");
    /** bgp.notify.major_error */
    static final ValueString MAJOR_ERRORS = ValueString.of(1, "Message Header Error",
        2, "OPEN Message Error",
        3, "UPDATE Message Error",
        4, "Hold Timer Expired",
        5, "Finite State Machine Error",
        6, "Cease",
        7, "CAPABILITY Message Error");
    /** bgp.notify.minor_error */
    static final ValueString MINOR_HEADER = ValueString.of(1, "Connection Not Synchronized",
        2, "Bad Message Length",
        3, "Bad Message Type");
    /** bgp.notify.minor_error_open */
    static final ValueString MINOR_OPEN = ValueString.of(1, "Unsupported Version Number",
        2, "Bad Peer AS",
        3, "Bad BGP Identifier",
        4, "Unsupported Optional Parameter",
        5, "Authentication Failure [Deprecated]",
        6, "Unacceptable Hold Time",
        7, "Unsupported Capability",
        8, "No supported AFI/SAFI (Cisco)");
    /** bgp.notify.minor_error_update */
    static final ValueString MINOR_UPDATE = ValueString.of(1, "Malformed Attribute List",
        2, "Unrecognized Well-known Attribute",
        3, "Missing Well-known Attribute",
        4, "Attribute Flags Error",
        5, "Attribute Length Error",
        6, "Invalid ORIGIN Attribute",
        7, "AS Routing Loop [Deprecated]",
        8, "Invalid NEXT_HOP Attribute",
        9, "Optional Attribute Error",
        10, "Invalid Network Field",
        11, "Malformed AS_PATH");
    /** bgp.notify.minor_error_state */
    static final ValueString MINOR_STATE = ValueString.of(1, "Receive Unexpected Message in OpenSent State",
        2, "Receive Unexpected Message in OpenConfirm State",
        3, "Receive Unexpected Message in Established State");
    /** bgp.notify.minor_error_cease */
    static final ValueString MINOR_CEASE = ValueString.of(1, "Maximum Number of Prefixes Reached",
        2, "Administratively Shutdown",
        3, "Peer De-configured",
        4, "Administratively Reset",
        5, "Connection Rejected",
        6, "Other Configuration Change",
        7, "Connection Collision Resolution",
        8, "Out of Resources",
        9, "Hard Reset");
    /** bgp.notify.minor_error_capability */
    static final ValueString MINOR_CAPABILITY = ValueString.of(1, "Invalid Action Value",
        2, "Invalid Capability Length",
        3, "Malformed Capability Value",
        4, "Unsupported Capability Code");
    /** bgp.route_refresh.subtype */
    static final ValueString RR_SUBTYPES = ValueString.of(0, "Normal route refresh request [RFC2918] with/without ORF [RFC5291]",
        1, "Demarcation of the beginning of a route refresh",
        2, "Demarcation of the ending of a route refresh");
    /** bgp.update.path_attribute.type_code */
    static final ValueString ATTR_TYPES = ValueString.of(1, "ORIGIN",
        2, "AS_PATH",
        3, "NEXT_HOP",
        4, "MULTI_EXIT_DISC",
        5, "LOCAL_PREF",
        6, "ATOMIC_AGGREGATE",
        7, "AGGREGATOR",
        8, "COMMUNITIES",
        9, "ORIGINATOR_ID",
        10, "CLUSTER_LIST",
        11, "DPA",
        12, "ADVERTISER",
        13, "RCID_PATH / CLUSTER_ID",
        14, "MP_REACH_NLRI",
        15, "MP_UNREACH_NLRI",
        16, "EXTENDED_COMMUNITIES",
        17, "AS4_PATH",
        18, "AS4_AGGREGATOR",
        19, "SAFI_SPECIFIC_ATTRIBUTE",
        20, "Connector Attribute",
        21, "AS_PATHLIMIT ",
        23, "TUNNEL_ENCAPSULATION_ATTRIBUTE",
        22, "PMSI_TUNNEL_ATTRIBUTE",
        24, "Traffic Engineering",
        25, "IPv6 Address Specific Extended Community",
        26, "AIGP",
        27, "PE Distinguisher Labels",
        28, "BGP Entropy Label Capability Attribute",
        29, "BGP-LS Attribute",
        30, "Deprecated",
        31, "Deprecated",
        32, "LARGE_COMMUNITY",
        33, "BGPsec_PATH",
        36, "D_PATH",
        40, "BGP Prefix-SID",
        99, "LINK_STATE (unofficial code point)",
        128, "ATTR_SET",
        129, "Deprecated",
        241, "Deprecated",
        242, "Deprecated",
        243, "Deprecated");
    /** bgp.update.path_attribute.origin */
    static final ValueString ORIGINS = ValueString.of(0, "IGP",
        1, "EGP",
        2, "INCOMPLETE");
    /** bgp.update.path_attribute.as_path_segment.type */
    static final ValueString SEGMENT_TYPES = ValueString.of(1, "AS_SET",
        2, "AS_SEQUENCE",
        4, "AS_CONFED_SET",
        3, "AS_CONFED_SEQUENCE");
    /** bgp.update.path_attribute.community_wellknown */
    static final ValueString WELL_KNOWN_COMMUNITIES = ValueString.of(0xffff0000L, "GRACEFUL_SHUTDOWN",
        0xffff0001L, "ACCEPT_OWN",
        0xffff029aL, "BLACKHOLE",
        0xffffff01L, "NO_EXPORT",
        0xffffff02L, "NO_ADVERTISE",
        0xffffff03L, "NO_EXPORT_SUBCONFED",
        0xffffff04L, "NOPEER");
    /** bgp.ext_com.type */
    static final ValueString EXT_TYPES = ValueString.of(0, "Transitive 2-Octet AS-Specific",
        1, "Transitive IPv4-Address-Specific",
        2, "Transitive 4-Octet AS-Specific",
        3, "Transitive Opaque",
        4, "Transitive QoS Marking",
        5, "Transitive CoS Capability",
        6, "Transitive EVPN",
        7, "FlowSpec Transitive",
        8, "Transitive Flow spec redirect/mirror to IP next-hop",
        9, "Transitive FlowSpec Redirect to indirection-id",
        128, "Generic Transitive Experimental Use",
        129, "Generic Transitive Experimental Use Part 2",
        130, "Generic Transitive Experimental Use Part 3 ",
        136, "Transitive Experimental EIGRP",
        64, "Non-Transitive 2-Octet AS-Specific",
        65, "Non-Transitive IPv4-Address-Specific",
        66, "Non-Transitive 4-Octet AS-Specific",
        67, "Non-Transitive Opaque",
        68, "Non-Transitive QoS Marking");
    /** bgp.ext_com.stype_tr_as2 */
    static final ValueString EXT_AS2_SUBTYPES = ValueString.of(2, "Route Target",
        3, "Route Origin",
        5, "OSPF Domain Identifier",
        8, "BGP Data Collection",
        9, "Source AS",
        10, "L2VPN Identifier",
        16, "Cisco VPN-Distinguisher");
    /** bgp.ext_com.stype_tr_as4 */
    static final ValueString EXT_AS4_SUBTYPES = ValueString.of(2, "Route Target",
        3, "Route Origin",
        4, "Generic",
        8, "BGP Data Collection",
        5, "OSPF Domain Identifier",
        9, "Source AS",
        16, "Cisco VPN Identifier",
        19, "Route-Target Record");
    /** bgp.ext_com.stype_tr_IP4 */
    static final ValueString EXT_IP4_SUBTYPES = ValueString.of(2, "Route Target",
        3, "Route Origin",
        5, "OSPF Domain Identifier",
        7, "OSPF Router ID",
        10, "L2VPN Identifier",
        11, "VRF Route Import",
        16, "Cisco VPN-Distinguisher",
        18, "Inter-area P2MP Segmented Next-Hop");
}
