package dev.dorsal.dissectors.radius;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The standard RADIUS attributes (types 1–255 without a vendor) as tshark 4.0.17's built-in dictionary
 * names and types them, with the value labels of the enumerated ones. Names, types and labels were
 * read off tshark's own output ({@code -G fields}, {@code -G values} and probes of every type); each
 * attribute's field is {@code radius.<Name>} with '-' turned into '_', as tshark registers it.
 */
final class RadiusDictionary {
    /** How an attribute's value is read and shown. */
    enum Kind {
        STRING, OCTETS, INTEGER, IPADDR, IPV6ADDR, IPV6PREFIX, IFID, DATE, USER_PASSWORD, CHAP_PASSWORD,
        FRAMED_IP, LOGIN_IP, IPXNET, VENDOR, EGRESS_VLANID, EGRESS_VLAN_NAME, TUNNEL_PASSWORD, EAP, TLV
    }

    /** One attribute: its code, dictionary name, kind, whether it may carry a tag, field and labels (or null). */
    record Attribute(int code, String name, Kind kind, boolean tagged, FieldDef field, ValueString values) {}

    private static final Attribute[] BY_CODE = new Attribute[256];
    /** The extended attributes (RFC 6929, types 241-246) by {@code type * 256 + extended type}. */
    private static final java.util.Map<Integer, Attribute> EXTENDED = new java.util.HashMap<>();
    private static final List<FieldDef> FIELDS_LIST = new ArrayList<>();

    private RadiusDictionary() {}

    /** The attribute of this code, or null when tshark's dictionary has none (shown as Unknown-Attribute). */
    static Attribute attribute(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The extended attribute {@code type.extended} (types 241-246), or null when tshark's dictionary has none. */
    static Attribute extended(int type, int extended) {
        return EXTENDED.get(type * 256 + extended);
    }

    /** Every attribute's field, in code order. */
    static List<FieldDef> fields() {
        return Collections.unmodifiableList(FIELDS_LIST);
    }

    private static void add(int code, String name, Kind kind, boolean tagged, Object... labels) {
        ValueString values = labels.length == 0 ? null : ValueString.of(labels);
        String abbrev = "radius." + name.replace('-', '_');
        FieldDef field = switch (kind) {
            case STRING, EGRESS_VLAN_NAME -> FieldDef.string(abbrev, name);
            case INTEGER, EGRESS_VLANID -> values == null ? FieldDef.uint32(abbrev, name)
                    : FieldDef.uint32(abbrev, name).vals(values);
            case IPADDR -> FieldDef.ipv4(abbrev, name);
            // tshark's field is an IPX network (FT_IPXNET); Dorsal shows the same hex number.
            case IPXNET -> FieldDef.uint32("radius." + name, name).hex();
            // tshark shows these two through fields of their own, named with the dictionary's dashes.
            case FRAMED_IP, LOGIN_IP -> FieldDef.ipv4("radius." + name, name);
            case IPV6ADDR -> FieldDef.ipv6(abbrev, name);
            case DATE -> FieldDef.absoluteTime(abbrev, name);
            case USER_PASSWORD, TUNNEL_PASSWORD -> FieldDef.string(abbrev, name);
            default -> FieldDef.bytes(abbrev, name);
        };
        BY_CODE[code] = new Attribute(code, name, kind, tagged, field, values);
        FIELDS_LIST.add(field);
    }

    private static void addExtended(int type, int extended, String name, Kind kind, Object... labels) {
        ValueString values = labels.length == 0 ? null : ValueString.of(labels);
        String abbrev = "radius." + name.replace('-', '_');
        FieldDef field = kind == Kind.INTEGER
                ? (values == null ? FieldDef.uint32(abbrev, name) : FieldDef.uint32(abbrev, name).vals(values))
                : FieldDef.bytes(abbrev, name);
        EXTENDED.put(type * 256 + extended, new Attribute(type, name, kind, false, field, values));
        FIELDS_LIST.add(field);
    }

    static {
        addExtended(241, 1, "Frag-Status", Kind.INTEGER, 0, "Reserved", 1, "Fragmentation-Supported",
                2, "More-Data-Pending", 3, "More-Data-Request");
        addExtended(241, 2, "Proxy-State-Length", Kind.INTEGER);
        addExtended(241, 3, "Response-Length", Kind.INTEGER);
        addExtended(241, 4, "Original-Packet-Code", Kind.INTEGER);
        for (int type = 241; type <= 246; type++) {
            addExtended(type, 0, "Extended-Attribute-" + (type - 240), Kind.OCTETS);
        }
        add(1, "User-Name", Kind.STRING, false);
        add(2, "User-Password", Kind.USER_PASSWORD, false);
        add(3, "CHAP-Password", Kind.CHAP_PASSWORD, false);
        add(4, "NAS-IP-Address", Kind.IPADDR, false);
        add(5, "NAS-Port", Kind.INTEGER, false);
        add(6, "Service-Type", Kind.INTEGER, false, 1, "Login", 2, "Framed", 3, "Dialback-Login-User", 4,
                "Dialback-Framed-User", 5, "Dialout-Framed-User", 6, "Shell-User", 7, "Exec-User", 8,
                "Authenticate-Only", 9, "Callback-NAS-Prompt", 10, "Call-Check", 11, "Callback-Administrative", 12,
                "Voice", 13, "Fax", 14, "Modem-Relay", 15, "IAPP-Register", 16, "IAPP-AP-Check", 17, "Authorize-Only",
                18, "Framed-Management", 252, "HP-Oper", 255, "HP-User", 103809025, "Annex-Authorize-Only", 103809026,
                "Annex-Framed-Tunnel", 954138625, "ChilliSpot-Authorize-Only", 1224278017, "TP-CAPWAP-WTP",
                1224278018, "TP-CAPWAP-STA");
        add(7, "Framed-Protocol", Kind.INTEGER, false, 1, "PPP", 2, "SLIP", 3, "ARAP", 4, "Gandalf-SLML", 5,
                "Xylogics-IPX-SLIP", 6, "X.75-Synchronous", 7, "GPRS-PDP-Context", 9, "PPTP", 255, "Ascend-ARA", 256,
                "Ascend-MPP", 257, "Ascend-EURAW", 258, "Ascend-EUUI", 259, "Ascend-X25", 260, "Ascend-COMB", 261,
                "Ascend-FR", 262, "Ascend-MP", 263, "Ascend-FR-CIR", 17825794, "Bintec-X25", 17825795,
                "Bintec-X25-PPP", 17825796, "Bintec-IP-LAPB", 17825798, "Bintec-IP-HDLC", 17825799, "Bintec-MPR-LAPB",
                17825800, "Bintec-MPR-HDLC", 17825801, "Bintec-FRAME-RELAY", 17825802, "Bintec-X31-BCHAN", 17825803,
                "Bintec-X75-PPP", 17825804, "Bintec-X75BTX-PPP", 17825805, "Bintec-X25-NOSIG", 17825806,
                "Bintec-X25-PPP-OPT", 1224278017, "TP-CAPWAP");
        add(8, "Framed-IP-Address", Kind.FRAMED_IP, false);
        add(9, "Framed-IP-Netmask", Kind.IPADDR, false);
        add(10, "Framed-Routing", Kind.INTEGER, false, 0, "None", 1, "Broadcast", 2, "Listen", 3, "Broadcast-Listen");
        add(11, "Filter-Id", Kind.STRING, false);
        add(12, "Framed-MTU", Kind.INTEGER, false);
        add(13, "Framed-Compression", Kind.INTEGER, false, 0, "None", 1, "Van-Jacobsen-TCP-IP", 2,
                "IPX-Header-Compression", 3, "Stac-LZS");
        add(14, "Login-IP-Host", Kind.LOGIN_IP, false);
        add(15, "Login-Service", Kind.INTEGER, false, 0, "Telnet", 1, "Rlogin", 2, "TCP-Clear", 3, "PortMaster", 4,
                "LAT", 5, "X25-PAD", 6, "X25-T3POS", 8, "TCP-Clear-Quiet");
        add(16, "Login-TCP-Port", Kind.INTEGER, false, 23, "Telnet", 513, "Rlogin", 514, "Rsh");
        add(17, "Old-Password", Kind.STRING, false);
        add(18, "Reply-Message", Kind.STRING, false);
        add(19, "Callback-Number", Kind.STRING, false);
        add(20, "Callback-Id", Kind.STRING, false);
        add(22, "Framed-Route", Kind.STRING, false);
        add(23, "Framed-IPX-Network", Kind.IPXNET, false);
        add(24, "State", Kind.OCTETS, false);
        add(25, "Class", Kind.OCTETS, false);
        add(26, "Vendor-Specific", Kind.VENDOR, false);
        add(27, "Session-Timeout", Kind.INTEGER, false);
        add(28, "Idle-Timeout", Kind.INTEGER, false);
        add(29, "Termination-Action", Kind.INTEGER, false, 0, "Default", 1, "RADIUS-Request", 2, "Manage-Resources");
        add(30, "Called-Station-Id", Kind.STRING, false);
        add(31, "Calling-Station-Id", Kind.STRING, false);
        add(32, "NAS-Identifier", Kind.STRING, false);
        add(33, "Proxy-State", Kind.OCTETS, false);
        add(34, "Login-LAT-Service", Kind.STRING, false);
        add(35, "Login-LAT-Node", Kind.STRING, false);
        add(36, "Login-LAT-Group", Kind.OCTETS, false);
        add(37, "Framed-AppleTalk-Link", Kind.INTEGER, false);
        add(38, "Framed-AppleTalk-Network", Kind.INTEGER, false);
        add(39, "Framed-AppleTalk-Zone", Kind.STRING, false);
        add(40, "Acct-Status-Type", Kind.INTEGER, false, 1, "Start", 2, "Stop", 3, "Interim-Update", 4, "Modem-Start",
                5, "Modem-Stop", 6, "Cancel", 7, "Accounting-On", 8, "Accounting-Off", 9, "Tunnel-Start", 10,
                "Tunnel-Stop", 11, "Tunnel-Reject", 12, "Tunnel-Link-Start", 13, "Tunnel-Link-Stop", 14,
                "Tunnel-Link-Reject", 15, "Failed", 17, "One-Time", 217, "WB-Login", 218, "WB-Logout", 219,
                "WB-WRitelog", 103809025, "Annex-User-Reject", 103809026, "Annex-Call-Reject", 103809027,
                "Annex-IPCP-Start", 103809028, "Annex-IPXCP-Start", 103809029, "Annex-ATCP-Start", 103809030,
                "Annex-Accounting-Restart", 103809031, "Annex-Accounting-Shutoff", 103809032, "Annex-Tunnel-Start",
                103809033, "Annex-Tunnel-Stop", 103809034, "Annex-Tunnel-Reject", 103809035,
                "Annex-Tunnel-Link-Start", 103809036, "Annex-Tunnel-Link-Stop", 103809037, "Annex-MP-Start",
                103809038, "Annex-MP-Stop", 103809039, "Annex-Line-Seizure", 103809040, "Annex-Rlogin-Start",
                103809041, "Annex-Rlogin-Stop", 160825345, "SG-Service-Start", 160825346, "SG-Service-Stop");
        add(41, "Acct-Delay-Time", Kind.INTEGER, false);
        add(42, "Acct-Input-Octets", Kind.INTEGER, false);
        add(43, "Acct-Output-Octets", Kind.INTEGER, false);
        add(44, "Acct-Session-Id", Kind.STRING, false);
        add(45, "Acct-Authentic", Kind.INTEGER, false, 1, "RADIUS", 2, "Local", 3, "Remote", 4, "Diameter");
        add(46, "Acct-Session-Time", Kind.INTEGER, false);
        add(47, "Acct-Input-Packets", Kind.INTEGER, false);
        add(48, "Acct-Output-Packets", Kind.INTEGER, false);
        add(49, "Acct-Terminate-Cause", Kind.INTEGER, false, 1, "User-Request", 2, "Lost-Carrier", 3, "Lost-Service",
                4, "Idle-Timeout", 5, "Session-Timeout", 6, "Admin-Reset", 7, "Admin-Reboot", 8, "Port-Error", 9,
                "NAS-Error", 10, "NAS-Request", 11, "NAS-Reboot", 12, "Port-Unneeded", 13, "Port-Preempted", 14,
                "Port-Suspended", 15, "Service-Unavailable", 16, "Callback", 17, "User-Error", 18, "Host-Request", 19,
                "Supplicant-Restart", 20, "Reauthentication-Failure", 21, "Port-Reinit", 22, "Port-Disabled");
        add(50, "Acct-Multi-Session-Id", Kind.STRING, false);
        add(51, "Acct-Link-Count", Kind.INTEGER, false);
        add(52, "Acct-Input-Gigawords", Kind.INTEGER, false);
        add(53, "Acct-Output-Gigawords", Kind.INTEGER, false);
        add(55, "Event-Timestamp", Kind.DATE, false);
        add(56, "Egress-VLANID", Kind.EGRESS_VLANID, false);
        add(57, "Ingress-Filters", Kind.INTEGER, false, 1, "Enabled", 2, "Disabled");
        add(58, "Egress-VLAN-Name", Kind.EGRESS_VLAN_NAME, false);
        add(59, "User-Priority-Table", Kind.OCTETS, false);
        add(60, "CHAP-Challenge", Kind.OCTETS, false);
        add(61, "NAS-Port-Type", Kind.INTEGER, false, 0, "Async", 1, "Sync", 2, "ISDN", 3, "ISDN-V120", 4,
                "ISDN-V110", 5, "Virtual", 6, "PIAFS", 7, "HDLC-Clear-Channel", 8, "X.25", 9, "X.75", 10, "G.3-Fax",
                11, "SDSL", 12, "ADSL-CAP", 13, "ADSL-DMT", 14, "IDSL", 15, "Ethernet", 16, "xDSL", 17, "Cable", 18,
                "Wireless-Other", 19, "Wireless-802.11", 20, "Token-Ring", 21, "FDDI", 22, "Wireless-CDMA2000", 23,
                "Wireless-UMTS", 24, "Wireless-1X-EV", 25, "IAPP", 26, "FTTP", 27, "Wireless-802.16", 28,
                "Wireless-802.20", 29, "Wireless-802.22", 30, "PPPoA", 31, "PPPoEoA", 32, "PPPoEoE", 33, "PPPoEoVLAN",
                34, "PPPoEoQinQ", 35, "xPON", 36, "Wireless-XGP");
        add(62, "Port-Limit", Kind.INTEGER, false);
        add(63, "Login-LAT-Port", Kind.STRING, false);
        add(64, "Tunnel-Type", Kind.INTEGER, true, 1, "PPTP", 2, "L2F", 3, "L2TP", 4, "ATMP", 5, "VTP", 6, "AH", 7,
                "IP", 8, "MIN-IP", 9, "ESP", 10, "GRE", 11, "DVS", 12, "IP-in-IP", 13, "VLAN");
        add(65, "Tunnel-Medium-Type", Kind.INTEGER, true, 1, "IP", 2, "IPv6", 3, "NSAP", 4, "HDLC", 5, "BBN-1822", 6,
                "IEEE-802", 7, "E.163", 8, "E.164", 9, "F.69", 10, "X.121", 11, "IPX", 12, "Appletalk", 13,
                "DecNet-IV", 14, "Banyan-Vines", 15, "E.164-NSAP");
        add(66, "Tunnel-Client-Endpoint", Kind.STRING, true);
        add(67, "Tunnel-Server-Endpoint", Kind.STRING, true);
        add(68, "Acct-Tunnel-Connection", Kind.STRING, false);
        add(69, "Tunnel-Password", Kind.TUNNEL_PASSWORD, true);
        add(70, "ARAP-Password", Kind.OCTETS, false);
        add(71, "ARAP-Features", Kind.OCTETS, false);
        add(72, "ARAP-Zone-Access", Kind.INTEGER, false, 1, "Default-Zone", 2, "Zone-Filter-Inclusive", 4,
                "Zone-Filter-Exclusive");
        add(73, "ARAP-Security", Kind.INTEGER, false);
        add(74, "ARAP-Security-Data", Kind.STRING, false);
        add(75, "Password-Retry", Kind.INTEGER, false);
        add(76, "Prompt", Kind.INTEGER, false, 0, "No-Echo", 1, "Echo");
        add(77, "Connect-Info", Kind.STRING, false);
        add(78, "Configuration-Token", Kind.STRING, false);
        add(79, "EAP-Message", Kind.EAP, false);
        add(80, "Message-Authenticator", Kind.OCTETS, false);
        add(81, "Tunnel-Private-Group-Id", Kind.STRING, true);
        add(82, "Tunnel-Assignment-Id", Kind.STRING, true);
        add(83, "Tunnel-Preference", Kind.INTEGER, true);
        add(84, "ARAP-Challenge-Response", Kind.OCTETS, false);
        add(85, "Acct-Interim-Interval", Kind.INTEGER, false);
        add(86, "Acct-Tunnel-Packets-Lost", Kind.INTEGER, false);
        add(87, "NAS-Port-Id", Kind.STRING, false);
        add(88, "Framed-Pool", Kind.STRING, false);
        add(89, "Chargeable-User-Identity", Kind.STRING, false);
        add(90, "Tunnel-Client-Auth-Id", Kind.STRING, true);
        add(91, "Tunnel-Server-Auth-Id", Kind.STRING, true);
        add(92, "NAS-Filter-Rule", Kind.STRING, false);
        add(94, "Originating-Line-Info", Kind.STRING, false);
        add(95, "NAS-IPv6-Address", Kind.IPV6ADDR, false);
        add(96, "Framed-Interface-Id", Kind.IFID, false);
        add(97, "Framed-IPv6-Prefix", Kind.IPV6PREFIX, false);
        add(98, "Login-IPv6-Host", Kind.IPV6ADDR, false);
        add(99, "Framed-IPv6-Route", Kind.STRING, false);
        add(100, "Framed-IPv6-Pool", Kind.STRING, false);
        add(101, "Error-Cause", Kind.INTEGER, false, 201, "Residual-Context-Removed", 202, "Invalid-EAP-Packet", 401,
                "Unsupported-Attribute", 402, "Missing-Attribute", 403, "NAS-Identification-Mismatch", 404,
                "Invalid-Request", 405, "Unsupported-Service", 406, "Unsupported-Extension", 407,
                "Invalid-Attribute-Value", 501, "Administratively-Prohibited", 502, "Proxy-Request-Not-Routable", 503,
                "Session-Context-Not-Found", 504, "Session-Context-Not-Removable", 505, "Proxy-Processing-Error", 506,
                "Resources-Unavailable", 507, "Request-Initiated", 508, "Multiple-Session-Selection-Unsupported");
        add(102, "EAP-Key-Name", Kind.STRING, false);
        add(123, "Delegated-IPv6-Prefix", Kind.IPV6PREFIX, false);
        add(124, "MIP6-Feature-Vector", Kind.OCTETS, false);
        add(125, "MIP6-Home-Link-Prefix", Kind.OCTETS, false);
        add(126, "Multi-Link-Flag", Kind.INTEGER, false, 0, "False", 1, "True");
        add(127, "Location-Information", Kind.OCTETS, false);
        add(128, "Location-Data", Kind.OCTETS, false);
        add(129, "Basic-Location-Policy-Rules", Kind.OCTETS, false);
        add(130, "Extended-Location-Policy-Rules", Kind.STRING, false);
        add(131, "Location-Capable", Kind.INTEGER, false, 1, "Civic-Location", 2, "Geo-Location", 4, "Users-Location",
                8, "NAS-Location");
        add(132, "Requested-Location-Info", Kind.INTEGER, false, 1, "Civic-Location", 2, "Geo-Location", 4,
                "Users-Location", 8, "NAS-Location", 16, "Future-Requests", 32, "None");
        add(133, "Framed-Management", Kind.INTEGER, false, 1, "SNMP", 2, "Web-Based", 3, "Netconf", 4, "FTP", 5,
                "TFTP", 6, "SFTP", 7, "RCP", 8, "SCP");
        add(134, "Management-Transport-Protection", Kind.INTEGER, false, 1, "No-Protection", 2,
                "Integrity-Protection", 3, "Integrity-Confidentiality-Protection");
        add(135, "Management-Policy-Id", Kind.STRING, false);
        add(136, "Management-Privilege-Level", Kind.INTEGER, false);
        add(137, "PKM-SS-Cert", Kind.OCTETS, false);
        add(138, "PKM-CA-Cert", Kind.OCTETS, false);
        add(139, "PKM-Config-Settings", Kind.OCTETS, false);
        add(140, "PKM-Cryptosuite-List", Kind.OCTETS, false);
        add(141, "PKM-SAID", Kind.INTEGER, false);
        add(142, "PKM-SA-Descriptor", Kind.OCTETS, false);
        add(143, "PKM-Auth-Key", Kind.OCTETS, false);
        add(144, "DS-Lite-Tunnel-Name", Kind.STRING, false);
        add(145, "Mobile-Node-Identifier", Kind.OCTETS, false);
        add(146, "Service-Selection", Kind.STRING, false);
        add(147, "PMIP6-Home-LMA-IPv6-Address", Kind.IPV6ADDR, false);
        add(148, "PMIP6-Visited-LMA-IPv6-Address", Kind.IPV6ADDR, false);
        add(149, "PMIP6-Home-LMA-IPv4-Address", Kind.IPADDR, false);
        add(150, "PMIP6-Visited-LMA-IPv4-Address", Kind.IPADDR, false);
        add(151, "PMIP6-Home-HN-Prefix", Kind.IPV6PREFIX, false);
        add(152, "PMIP6-Visited-HN-Prefix", Kind.IPV6PREFIX, false);
        add(153, "PMIP6-Home-Interface-ID", Kind.IFID, false);
        add(154, "PMIP6-Visited-Interface-ID", Kind.IFID, false);
        add(155, "PMIP6-Home-IPv4-HoA", Kind.OCTETS, false);
        add(156, "PMIP6-Visited-IPv4-HoA", Kind.OCTETS, false);
        add(157, "PMIP6-Home-DHCP4-Server-Address", Kind.IPADDR, false);
        add(158, "PMIP6-Visited-DHCP4-Server-Address", Kind.IPADDR, false);
        add(159, "PMIP6-Home-DHCP6-Server-Address", Kind.IPV6ADDR, false);
        add(160, "PMIP6-Visited-DHCP6-Server-Address", Kind.IPV6ADDR, false);
        add(161, "PMIP6-Home-IPv4-Gateway", Kind.IPADDR, false);
        add(162, "PMIP6-Visited-IPv4-Gateway", Kind.IPADDR, false);
        add(163, "EAP-Lower-Layer", Kind.INTEGER, false, 1, "Wired-IEEE-802.1X", 2, "IEEE-802.1X-No-Preauth", 3,
                "IEEE-802.1X-Preauth", 4, "IEEE-802.16e", 5, "IKEv2", 6, "PPP", 7, "PANA-No-Preauth", 8, "GSS-API", 9,
                "PANA-Preauth");
        add(164, "GSS-Acceptor-Service-Name", Kind.STRING, false);
        add(165, "GSS-Acceptor-Host-Name", Kind.STRING, false);
        add(166, "GSS-Acceptor-Service-Specifics", Kind.STRING, false);
        add(167, "GSS-Acceptor-Realm-Name", Kind.STRING, false);
        add(168, "Framed-IPv6-Address", Kind.IPV6ADDR, false);
        add(169, "DNS-Server-IPv6-Address", Kind.IPV6ADDR, false);
        add(170, "Route-IPv6-Information", Kind.IPV6PREFIX, false);
        add(171, "Delegated-IPv6-Prefix-Pool", Kind.STRING, false);
        add(172, "Stateful-IPv6-Address-Pool", Kind.STRING, false);
        add(173, "IPv6-6rd-Configuration", Kind.TLV, false);
        add(206, "Digest-Response", Kind.STRING, false);
        add(207, "Digest-Attributes", Kind.OCTETS, false);
        add(250, "Char-Noecho", Kind.INTEGER, false);
    }
}
