package dev.dorsal.dissectors.dhcp;

import dev.dorsal.dissectors.arp.ArpValues;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.Durations;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the value of one DHCP option (RFC 2132 and the RFCs that add options) under its option
 * node, as tshark 4.0.17 shows it. Options without a decoder here show their raw value.
 */
final class DhcpOptions {
    /** How an option's value is laid out. */
    enum Kind { IP, IPS, IP_PAIRS, STRINGZ, STRING, TIME, TIME_SIGNED, U8, U16, U16_LIST, BOOL, SPECIAL }

    record Spec(Kind kind, FieldDef field) {}

    static final ValueString MESSAGE_TYPES = ValueString.of(1, "Discover", 2, "Offer", 3, "Request", 4, "Decline",
            5, "ACK", 6, "NAK", 7, "Release", 8, "Inform", 9, "Force Renew", 10, "Lease query", 11, "Lease Unassigned",
            12, "Lease Unknown", 13, "Lease Active", 14, "Bulk Lease Query", 15, "Lease Query Done",
            16, "Active LeaseQuery", 17, "Lease Query Status", 18, "TLS");
    static final ValueString OVERLOAD = ValueString.of(1, "Boot file name holds options",
            2, "Server host name holds options", 3, "Boot file and server host names hold options");
    static final ValueString NODE_TYPES = ValueString.of(1, "B-node", 2, "P-node", 4, "M-node", 8, "H-node");
    static final ValueString AUTO_CONFIG = ValueString.of(0, "DoNotAutoConfigure", 1, "AutoConfigure");
    static final ValueString SIP_ENCODING = ValueString.of(0, "Fully Qualified Domain Name", 1, "IPv4 Address");
    static final ValueString AUTH_PROTOCOLS = ValueString.of(0, "configuration token", 1, "delayed authentication");
    static final ValueString AUTH_ALGORITHMS = ValueString.of(1, "HMAC_MD5");
    static final ValueString AUTH_RDM = ValueString.of(0, "Monotonically-increasing counter");
    static final ValueString AGENT_SUBOPTIONS = ValueString.of(0, "Padding", 1, "Agent Circuit ID", 2, "Agent Remote ID",
            3, "Reserved", 4, "DOCSIS Device Class", 5, "Link selection", 6, "Subscriber ID", 7, "RADIUS Attributes",
            8, "Authentication", 9, "Vendor-Specific Information", 10, "Flags", 11, "Server ID Override",
            12, "Relay Agent Identifier", 13, "Access Technology Type", 14, "Access Network Name", 15, "Access Point Name",
            16, "Access Point BSSID", 17, "Access Network Operator ID", 18, "Access Network Operator Realm",
            19, "Source Port", 150, "Link selection (Cisco proprietary)", 151, "VRF name/VPN ID",
            152, "Server ID Override (Cisco proprietary)");
    static final ValueString TR111_SUBOPTIONS = ValueString.of(1, "DeviceManufacturerOUI", 2, "DeviceSerialNumber",
            3, "DeviceProductClass", 4, "GatewayManufacturerOUI", 5, "GatewaySerialNumber", 6, "GatewayProductClass");
    /** IANA private enterprise numbers that the V-I options of the corpus carry. */
    static final ValueString ENTERPRISES = ValueString.of(9, "ciscoSystems", 311, "Microsoft",
            3561, "Broadband Forum (previously 'DSL Forum')", 4491, "Cable Television Laboratories, Inc.");
    static final TrueFalse ENABLED = new TrueFalse("Enabled", "Disabled");
    static final ValueString DUID_TYPES = ValueString.of(1, "link-layer address plus time",
            2, "assigned by vendor based on Enterprise number", 3, "link-layer address");
    static final ValueString ARCHITECTURES = ValueString.of(0, "IA x86 PC", 1, "NEC/PC98", 2, "IA64 PC", 3, "DEC Alpha",
            4, "ArcX86", 5, "Intel Lean Client", 6, "EFI IA32", 7, "EFI x64", 8, "EFI Xscale", 9, "EFI BC",
            10, "ARM 32-bit UEFI", 11, "ARM 64-bit UEFI", 12, "PowerPC Open Firmware", 13, "PowerPC ePAPR",
            14, "POWER OPAL v3", 15, "x86 UEFI HTTP", 16, "x64 UEFI HTTP", 17, "EBC UEFI HTTP",
            18, "ARM 32-bit UEFI HTTP", 19, "ARM 64-bit UEFI HTTP", 20, "PC/AT HTTP", 21, "ARM 32-bit uboot",
            22, "ARM 64-bit uboot", 23, "ARM 32-bit uboot HTTP", 24, "ARM 64-bit uboot HTTP", 25, "RISC-V 32-bit UEFI",
            26, "RISC-V 32-bit UEFI HTTP", 27, "RISC-V 64-bit UEFI", 28, "RISC-V 64-bit UEFI HTTP",
            29, "RISC-V 128-bit UEFI", 30, "RISC-V 128-bit UEFI HTTP", 31, "s390 Basic", 32, "s390 Extended");
    static final ValueString NONCE_ALGORITHMS = ValueString.of(1, "HMAC-MD5");

    static final String P = "dhcp.option.";
    static final FieldDef TYPE = FieldDef.uint8(P + "type", "Option");
    static final FieldDef LENGTH = FieldDef.uint8(P + "length", "Length");
    static final FieldDef SUB_LENGTH = FieldDef.uint8(P + "suboption_length", "Length");
    static final FieldDef VALUE = FieldDef.bytes(P + "value", "Value");
    static final FieldDef PADDING = FieldDef.bytes(P + "padding", "Padding");
    static final FieldDef END = FieldDef.uint8(P + "end", "Option End");
    static final FieldDef MESSAGE_TYPE = FieldDef.uint8(P + "dhcp", "DHCP").vals(MESSAGE_TYPES);
    static final FieldDef REQUEST_ITEM = FieldDef.uint8(P + "request_list_item", "Parameter Request List Item")
            .vals(DhcpOptionNames.NAMES);
    static final FieldDef OPTION_OVERLOAD = FieldDef.uint8(P + "option_overload", "Option Overload").vals(OVERLOAD);
    static final FieldDef POLICY_IP = FieldDef.ipv4(P + "policy_filter.ip", "IP Address");
    static final FieldDef POLICY_MASK = FieldDef.ipv4(P + "policy_filter.subnet_mask", "Subnet Mask");
    static final FieldDef ROUTE_IP = FieldDef.ipv4(P + "static_route.ip", "Destination IP Address");
    static final FieldDef ROUTE_ROUTER = FieldDef.ipv4(P + "static_route.router", "Destination Router");
    static final FieldDef CLIENT_ID_TYPE = FieldDef.uint8("dhcp.client_id.type", "Type");
    static final FieldDef CLIENT_ID_UNDEF = FieldDef.string("dhcp.client_id.undef", "Client Identifier");
    static final FieldDef CLIENT_ID = FieldDef.bytes("dhcp.client_id", "Identifier");
    static final FieldDef IAID = FieldDef.string("dhcp.client_id.iaid", "IAID");
    static final FieldDef DUID_TYPE = FieldDef.uint16("dhcp.client_id.duid_type", "DUID Type").vals(DUID_TYPES);
    static final FieldDef DUID_LLT_HW_TYPE = FieldDef.uint16("dhcp.client_id.duid_llt_hw_type", "Hardware type")
            .vals(ArpValues.HARDWARE_TYPES);
    static final FieldDef DUID_LL_HW_TYPE = FieldDef.uint16("dhcp.client_id.duid_ll_hw_type", "Hardware type")
            .vals(ArpValues.HARDWARE_TYPES);
    static final FieldDef DUID_TIME = FieldDef.uint32("dhcp.client_id.time", "Time");
    static final FieldDef DUID_LINK_ADDRESS = FieldDef.string("dhcp.client_id.link_layer_address", "Link layer address");
    static final FieldDef DUID_ENTERPRISE = FieldDef.uint32("dhcp.client_id.enterprise_num", "Enterprise-number")
            .custom(DhcpOptions::enterprise);
    static final FieldDef UUID = FieldDef.guid("dhcp.client_id.uuid", "Client Identifier (UUID)");
    static final FieldDef NDI_MAJOR = FieldDef.uint8("dhcp.client_network_id_major", "Major Version");
    static final FieldDef NDI_MINOR = FieldDef.uint8("dhcp.client_network_id_minor", "Minor Version");
    static final FieldDef ARCHITECTURE = FieldDef.uint16(P + "client_system_architecture", "Client System Architecture")
            .vals(ARCHITECTURES);
    static final FieldDef NONCE_ALGORITHM = FieldDef.uint8(P + "forcerenew_nonce.algorithm", "Algorithm")
            .vals(NONCE_ALGORITHMS);
    static final FieldDef SIP_NAME = FieldDef.stringz(P + "sip_server.name", "SIP Server Name");
    static final FieldDef CAPTIVE_PORTAL = FieldDef.string(P + "captive_portal", "Captive Portal");
    static final FieldDef VENDOR_SUBOPTION = FieldDef.uint8("dhcp.vendor.suboption", "Option 125 Suboption");
    static final FieldDef VENDOR_DATA = FieldDef.bytes("dhcp.vendor.data", "Data");
    static final FieldDef USER_CLASS_TEXT = FieldDef.string(P + "user_class.text", "User Class Data (Text)");
    static final FieldDef FQDN_FLAGS = FieldDef.uint8("dhcp.fqdn.flags", "Flags").hex();
    static final FieldDef FQDN_MBZ = FieldDef.uint8("dhcp.fqdn.mbz", "Reserved flags").hex().mask(0xf0);
    static final FieldDef FQDN_N = FieldDef.bool("dhcp.fqdn.n", "Server DDNS", 8, 0x08)
            .tfs(new TrueFalse("No server updates", "Some server updates"));
    static final FieldDef FQDN_E = FieldDef.bool("dhcp.fqdn.e", "Encoding", 8, 0x04)
            .tfs(new TrueFalse("Binary encoding", "ASCII encoding"));
    static final FieldDef FQDN_O = FieldDef.bool("dhcp.fqdn.o", "Server overrides", 8, 0x02)
            .tfs(new TrueFalse("Override", "No override"));
    static final FieldDef FQDN_S = FieldDef.bool("dhcp.fqdn.s", "Server", 8, 0x01).tfs(new TrueFalse("Server", "Client"));
    static final FieldDef FQDN_RCODE1 = FieldDef.uint8("dhcp.fqdn.rcode1", "A-RR result");
    static final FieldDef FQDN_RCODE2 = FieldDef.uint8("dhcp.fqdn.rcode2", "PTR-RR result");
    static final FieldDef FQDN_NAME = FieldDef.string("dhcp.fqdn.name", "Client name");
    static final String AI = P + "agent_information_option.";
    static final FieldDef AGENT_SUBOPTION = FieldDef.uint8(AI + "suboption", "Option 82 Suboption");
    static final FieldDef AGENT_VALUE = FieldDef.bytes(AI + "value", "Value");
    static final FieldDef AGENT_CIRCUIT_ID = FieldDef.bytes(AI + "agent_circuit_id", "Agent Circuit ID");
    static final FieldDef AGENT_REMOTE_ID = FieldDef.bytes(AI + "agent_remote_id", "Agent Remote ID");
    static final FieldDef AGENT_LINK_SELECTION = FieldDef.ipv4(AI + "link_selection", "Link selection");
    static final FieldDef AGENT_SUBSCRIBER_ID = FieldDef.stringz(AI + "subscriber_id", "Subscriber ID");
    static final FieldDef AGENT_SERVER_ID_OVERRIDE = FieldDef.ipv4(AI + "server_id_override", "Server ID Override");
    static final FieldDef AGENT_RELAY_ID = FieldDef.bytes(AI + "relay_agent_id", "Relay Agent Identifier");
    static final FieldDef AGENT_RESERVED = FieldDef.bytes(AI + "reserved", "Reserved");
    static final FieldDef AGENT_DOCSIS_CLASS = FieldDef.uint32(AI + "docsis_device_class", "DOCSIS Device Class").hex();
    static final FieldDef AGENT_RADIUS = FieldDef.bytes(AI + "radius_attributes", "RADIUS Attributes");
    static final FieldDef AGENT_AUTH = FieldDef.bytes(AI + "authentication", "Authentication");
    static final FieldDef AGENT_NETWORK_NAME = FieldDef.string(AI + "ani_network_name", "Access Network Name");
    static final FieldDef AGENT_AP_NAME = FieldDef.string(AI + "ani_ap_name", "Access Point Name");
    static final FieldDef AGENT_AP_BSSID = FieldDef.ether(AI + "ani_ap_bssid", "Access Point BSSID");
    static final FieldDef AGENT_OPERATOR_ID = FieldDef.bytes(AI + "ani_operator_id", "Access Network Operator ID");
    static final FieldDef AGENT_OPERATOR_REALM = FieldDef.string(AI + "ani_operator_realm", "Access Network Operator Realm");
    static final FieldDef AGENT_LINK_SELECTION_CISCO = FieldDef.ipv4(AI + "link_selection_cisco",
            "Link selection (Cisco proprietary)");
    static final FieldDef AGENT_SERVER_ID_OVERRIDE_CISCO = FieldDef.ipv4(AI + "server_id_override_cisco",
            "Server ID Override (Cisco proprietary)");
    static final FieldDef DOMAIN_SEARCH = FieldDef.stringz(P + "dhcp_dns_domain_search_list_fqdn", "FQDN");
    static final FieldDef CLASSLESS_ROUTE = FieldDef.bytes(P + "classless_static_route", "Subnet/MaskWidth-Router");
    static final FieldDef SIP_ENCODING_FIELD = FieldDef.uint8(P + "sip_server.encoding", "SIP Server Encoding")
            .vals(SIP_ENCODING);
    static final FieldDef SIP_ADDRESS = FieldDef.ipv4(P + "sip_server.address", "SIP Server Address");
    static final String AUTH = P + "dhcp_authentication.";
    static final FieldDef AUTH_PROTOCOL = FieldDef.uint8(AUTH + "protocol", "Protocol").vals(AUTH_PROTOCOLS);
    static final FieldDef AUTH_ALGORITHM = FieldDef.uint8(AUTH + "algorithm", "Algorithm");
    static final FieldDef AUTH_INFORMATION = FieldDef.stringz(AUTH + "information", "Authentication Information");
    static final FieldDef AUTH_ALG_DELAY = FieldDef.uint8(AUTH + "alg_delay", "Delay Algorithm").vals(AUTH_ALGORITHMS);
    static final FieldDef AUTH_RDM_FIELD = FieldDef.uint8(AUTH + "rdm", "Replay Detection Method").vals(AUTH_RDM);
    static final FieldDef AUTH_RDV = FieldDef.uint64(AUTH + "rdm_replay_detection", "RDM Replay Detection Value").hex();
    static final FieldDef AUTH_SECRET_ID = FieldDef.uint32(AUTH + "secret_id", "Secret ID").hex();
    static final FieldDef AUTH_HMAC = FieldDef.bytes(AUTH + "hmac_md5_hash", "HMAC MD5 Hash");
    static final FieldDef VI_ENTERPRISE = FieldDef.uint32(P + "vi.enterprise", "Enterprise")
            .custom(DhcpOptions::enterprise);
    static final FieldDef VI_LENGTH = FieldDef.uint8(P + "vi.length", "Length");
    static final FieldDef VI_VALUE = FieldDef.bytes(P + "vi.value", "Value");
    static final FieldDef VI_CLASS_ENTERPRISE = FieldDef.uint32(P + "vi_class.enterprise", "Enterprise")
            .custom(DhcpOptions::enterprise);
    // tshark's glossary gives these two fields the labels below
    static final FieldDef VI_CLASS_LENGTH = FieldDef.uint8(P + "vi_class.length", "CableLab Address Mode");
    static final FieldDef VI_CLASS_DATA = FieldDef.stringz(P + "vi_class.data", "NetInfo Parent Server Tag");
    static final ValueString NAME_SERVICES = ValueString.of(
            0, "Local naming information (e.g., an /etc/hosts file on a UNIX machine)", 6, "Domain Name Server Option",
            41, "Network Information Servers Option", 44, "NetBIOS over TCP/IP Name Server Option",
            65, "Network Information Service+ Servers Option");
    static final FieldDef NAME_SERVICE = FieldDef.stringz(P + "dhcp_name_service_search_option", "Name Service");
    static final FieldDef TR111_SUBOPTION = FieldDef.uint8(P + "vi.tr111.suboption", "Option 125 Suboption");
    static final FieldDef[] TR111_FIELDS = {null, null,
        FieldDef.stringz(P + "vi.tr111.device_serial_number", "DeviceSerialNumber"),
        FieldDef.stringz(P + "vi.tr111.device_product_class", "DeviceProductClass"),
        FieldDef.stringz(P + "vi.tr111.gateway_manufacturer_oui", "GatewayManufacturerOUI"),
        FieldDef.stringz(P + "vi.tr111.gateway_serial_number", "GatewaySerialNumber"),
        FieldDef.stringz(P + "vi.tr111.gateway_product_class", "GatewayProductClass")};
    static final FieldDef USER_CLASS = FieldDef.uint8(P + "user_class", "Instance of User Class");
    static final FieldDef USER_CLASS_LENGTH = FieldDef.uint8(P + "user_class.length", "User Class Length");
    static final FieldDef USER_CLASS_DATA = FieldDef.bytes(P + "user_class.data", "User Class Data");

    static final ExpertDef BAD_LENGTH = new ExpertDef("dhcp.bad_length", "length isn't 0",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef NONSTANDARD = new ExpertDef(P + "nonstd_data", "Non standard compliant option data",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.NOTE);
    static final ExpertDef AMBIGUOUS_ARCHITECTURE = new ExpertDef(P + "client_architecture.ambiguous",
            "Client Architecture ID may be ambiguous", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef SIP_BAD_ENCODING = new ExpertDef(P + "sip_server_address.encoding",
            "RFC 3361 defines only 0 and 1 for Encoding byte", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef MISSING_SUBOPTION_LENGTH = new ExpertDef("dhcp.missing_subopt_length",
            "no room left in option for suboption length", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef MISSING_SUBOPTION_VALUE = new ExpertDef("dhcp.missing_subopt_value",
            "no room left in option for suboption value", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef INVALID_NAME_SERVICE = new ExpertDef(P + "dhcp_name_service.invalid", "Invalid Name Service",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef BAD_ROUTE = new ExpertDef(P + "classless_static.route", "Mask width > 32",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);

    /** The options with a decoder, by code. */
    static final Map<Integer, Spec> SPECS = new HashMap<>();
    static final List<FieldDef> FIELDS = new ArrayList<>(List.of(TYPE, LENGTH, SUB_LENGTH, VALUE, PADDING, END,
            MESSAGE_TYPE, REQUEST_ITEM, OPTION_OVERLOAD, POLICY_IP, POLICY_MASK, ROUTE_IP, ROUTE_ROUTER, CLIENT_ID_TYPE,
            CLIENT_ID_UNDEF, FQDN_FLAGS, FQDN_MBZ, FQDN_N, FQDN_E, FQDN_O, FQDN_S, FQDN_RCODE1, FQDN_RCODE2,
            FQDN_NAME, AGENT_SUBOPTION, AGENT_VALUE, AGENT_CIRCUIT_ID, AGENT_REMOTE_ID, AGENT_LINK_SELECTION,
            AGENT_SUBSCRIBER_ID, AGENT_SERVER_ID_OVERRIDE, AGENT_RELAY_ID, DOMAIN_SEARCH, CLASSLESS_ROUTE,
            SIP_ENCODING_FIELD, SIP_ADDRESS, AUTH_PROTOCOL, AUTH_ALG_DELAY, AUTH_RDM_FIELD, AUTH_RDV, AUTH_SECRET_ID,
            AUTH_HMAC, VI_ENTERPRISE, VI_LENGTH, VI_VALUE, TR111_SUBOPTION, USER_CLASS, USER_CLASS_LENGTH,
            USER_CLASS_DATA, CLIENT_ID, IAID, DUID_TYPE, DUID_LLT_HW_TYPE, DUID_LL_HW_TYPE, DUID_TIME, DUID_LINK_ADDRESS,
            DUID_ENTERPRISE, UUID, NDI_MAJOR, NDI_MINOR, ARCHITECTURE, NONCE_ALGORITHM, SIP_NAME, CAPTIVE_PORTAL,
            VENDOR_SUBOPTION, VENDOR_DATA, USER_CLASS_TEXT, VI_CLASS_ENTERPRISE, VI_CLASS_LENGTH, VI_CLASS_DATA,
            NAME_SERVICE, AUTH_ALGORITHM, AUTH_INFORMATION, AGENT_RESERVED,
            AGENT_DOCSIS_CLASS, AGENT_RADIUS, AGENT_AUTH, AGENT_NETWORK_NAME, AGENT_AP_NAME, AGENT_AP_BSSID,
            AGENT_OPERATOR_ID, AGENT_OPERATOR_REALM, AGENT_LINK_SELECTION_CISCO, AGENT_SERVER_ID_OVERRIDE_CISCO));

    /** The smallest length some options take; shorter ones get only a length expert, their raw value hidden. */
    static final Map<Integer, Integer> MIN_LENGTHS = Map.of(81, 3, 90, 11, 121, 5, 124, 5, 125, 5, 249, 5);

    private static void spec(int code, Kind kind, FieldDef field) {
        SPECS.put(code, new Spec(kind, field));
        if (field != null) {
            FIELDS.add(field);
        }
    }

    private static void spec(int code, Kind kind, String abbrev, String name) {
        FieldDef f = switch (kind) {
            case IP, IPS -> FieldDef.ipv4(P + abbrev, name);
            case STRINGZ -> FieldDef.stringz(P + abbrev, name);
            case STRING -> FieldDef.string(P + abbrev, name);
            case TIME -> FieldDef.uint32(P + abbrev, name);
            case TIME_SIGNED -> FieldDef.int32(P + abbrev, name);
            case U8 -> FieldDef.uint8(P + abbrev, name);
            case U16, U16_LIST -> FieldDef.uint16(P + abbrev, name);
            case BOOL -> FieldDef.bool(P + abbrev, name).tfs(ENABLED);
            default -> throw new IllegalArgumentException(kind.name());
        };
        spec(code, kind, f);
    }

    static {
        for (Object[] s : new Object[][] {
            {1, Kind.IP, "subnet_mask", "Subnet Mask"}, {2, Kind.TIME_SIGNED, "time_offset", "Time Offset"},
            {3, Kind.IPS, "router", "Router"}, {4, Kind.IPS, "time_server", "Time Server"},
            {5, Kind.IPS, "name_server", "Name Server"}, {6, Kind.IPS, "domain_name_server", "Domain Name Server"},
            {7, Kind.IPS, "log_server", "Log Server"}, {8, Kind.IPS, "quotes_server", "Quotes Server"},
            {9, Kind.IPS, "lpr_server", "LPR Server"}, {10, Kind.IPS, "impress_server", "Impress Server"},
            {11, Kind.IPS, "resource_location_server", "Resource Location Server"},
            {12, Kind.STRINGZ, "hostname", "Host Name"}, {13, Kind.U16, "boot_file_size", "Boot File Size"},
            {14, Kind.STRINGZ, "merit_dump_file", "Merit Dump File"}, {15, Kind.STRINGZ, "domain_name", "Domain Name"},
            {16, Kind.IP, "swap_server", "Swap Server"}, {17, Kind.STRINGZ, "root_path", "Root Path"},
            {18, Kind.STRINGZ, "extension_path", "Extensions Path"}, {19, Kind.BOOL, "ip_forwarding", "IP Forwarding"},
            {20, Kind.BOOL, "non_local_source_routing", "Non-Local Source Routing"},
            {22, Kind.U16, "max_datagram_reassembly_size", "Maximum Datagram Reassembly Size"},
            {23, Kind.U8, "default_ip_ttl", "Default IP Time-to-Live"},
            {24, Kind.TIME, "path_mtu_aging_timeout", "Path MTU Aging Timeout"},
            {25, Kind.U16_LIST, "path_mtu_plateau_table_item", "Path MTU Plateau Table Item"},
            {26, Kind.U16, "interface_mtu", "Interface MTU"},
            {27, Kind.BOOL, "all_subnets_are_local", "All Subnets are Local"},
            {28, Kind.IP, "broadcast_address", "Broadcast Address"},
            {29, Kind.BOOL, "perform_mask_discovery", "Perform Mask Discovery"},
            {30, Kind.BOOL, "mask_supplier", "Mask Supplier"},
            {31, Kind.BOOL, "perform_router_discover", "Perform Router Discover"},
            {32, Kind.IP, "router_solicitation_address", "Router Solicitation Address"},
            {34, Kind.BOOL, "trailer_encapsulation", "Trailer Encapsulation"},
            {35, Kind.TIME, "arp_cache_timeout", "ARP Cache Timeout"},
            {36, Kind.BOOL, "ethernet_encapsulation", "Ethernet Encapsulation"},
            {37, Kind.U8, "tcp_default_ttl", "TCP Default TTL"},
            {38, Kind.TIME, "tcp_keepalive_interval", "TCP Keepalive Interval"},
            {39, Kind.BOOL, "tcp_keepalive_garbage", "TCP Keepalive Garbage"},
            {40, Kind.STRINGZ, "nis_domain", "Network Information Service Domain"},
            {41, Kind.IPS, "nis_server", "Network Information Service Server"},
            {42, Kind.IPS, "ntp_server", "Network Time Protocol Server"},
            {44, Kind.IPS, "netbios_over_tcpip_name_server", "NetBIOS over TCP/IP Name Server"},
            {45, Kind.IPS, "netbios_over_tcpip_dd_name_server", "NetBIOS over TCP/IP Datagram Distribution Name Server"},
            {47, Kind.STRINGZ, "netbios_over_tcpip_scope", "NetBIOS over TCP/IP Scope"},
            {48, Kind.IPS, "xwindows_system_font_server", "X Window System Font Server"},
            {49, Kind.IPS, "xwindows_system_display_manager", "X Window System Display Manager"},
            {50, Kind.IP, "requested_ip_address", "Requested IP Address"},
            {51, Kind.TIME, "ip_address_lease_time", "IP Address Lease Time"},
            {54, Kind.IP, "dhcp_server_id", "DHCP Server Identifier"}, {56, Kind.STRINGZ, "message", "Message"},
            {57, Kind.U16, "dhcp_max_message_size", "Maximum DHCP Message Size"},
            {58, Kind.TIME, "renewal_time_value", "Renewal Time Value"},
            {59, Kind.TIME, "rebinding_time_value", "Rebinding Time Value"},
            {60, Kind.STRINGZ, "vendor_class_id", "Vendor class identifier"},
            {64, Kind.STRINGZ, "nis_plus_domain", "Network Information Service+ Domain"},
            {65, Kind.IPS, "nis_plus_server", "Network Information Service+ Server"},
            {66, Kind.STRINGZ, "tftp_server_name", "TFTP Server Name"}, {67, Kind.STRINGZ, "bootfile_name", "Bootfile name"},
            {68, Kind.IPS, "mobile_ip_home_agent", "Mobile IP Home Agent"}, {69, Kind.IPS, "smtp_server", "SMTP Server"},
            {70, Kind.IPS, "pop3_server", "POP3 Server"}, {71, Kind.IPS, "nntp_server", "NNTP Server"},
            {72, Kind.IPS, "default_www_server", "Default WWW Server"},
            {73, Kind.IPS, "default_finger_server", "Default Finger Server"},
            {74, Kind.IPS, "default_irc_server", "Default IRC Server"},
            {75, Kind.IPS, "streettalk_server", "StreetTalk Server"},
            {76, Kind.IPS, "streettalk_da_server", "StreetTalk Directory Assistance Server"},
            {86, Kind.STRINGZ, "novell_ds_tree_name", "Novell Directory Services Tree Name"},
            {87, Kind.STRINGZ, "novell_ds_context", "Novell Directory Services Context"},
            {91, Kind.TIME, "client_last_transaction_time", "Client last transaction time"},
            {92, Kind.IPS, "associated_ip_option", "Associated IP option"},
            {112, Kind.IPS, "netinfo_parent_server_address", "NetInfo Parent Server Address"},
            {113, Kind.STRINGZ, "netinfo_parent_server_tag", "NetInfo Parent Server Tag"},
            {118, Kind.IPS, "subnet_selection_option", "Subnet Selection Option"},
            {136, Kind.IPS, "pana_agent", "PAA IPv4 Address"},
            {137, Kind.STRINGZ, "lost_server_domain_name", "LoST Server Domain Name"},
            {138, Kind.IPS, "capwap_access_controller", "CAPWAP Access Controllers"},
            {142, Kind.IPS, "andsf_server", "ANDSF Server"}, {150, Kind.IPS, "tftp_server_address", "TFTP Server Address"},
            {252, Kind.STRINGZ, "private_proxy_autodiscovery", "Private/Proxy autodiscovery"},
        }) {
            spec((Integer) s[0], (Kind) s[1], (String) s[2], (String) s[3]);
        }
        spec(46, Kind.U8, FieldDef.uint8(P + "netbios_over_tcpip_node_type", "NetBIOS over TCP/IP Node Type")
                .vals(NODE_TYPES));
        spec(116, Kind.U8, FieldDef.uint8(P + "dhcp_auto_configuration", "DHCP Auto-Configuration").vals(AUTO_CONFIG));
        for (int code : new int[] {21, 33}) {
            SPECS.put(code, new Spec(Kind.IP_PAIRS, null));
        }
        spec(100, Kind.STRING, "tz_pcode", "TZ PCode");
        spec(101, Kind.STRING, "tz_tcode", "TZ TCode");
        SPECS.put(114, new Spec(Kind.STRING, CAPTIVE_PORTAL));
        SPECS.put(160, new Spec(Kind.STRING, CAPTIVE_PORTAL));
        spec(161, Kind.STRING, "mudurl", "MUDURL");
        spec(209, Kind.STRING, "pxe_config_file", "PXELINUX configuration file");
        spec(210, Kind.STRING, "pxe_path_prefix", "PXELINUX path prefix");
        for (int code : new int[] {52, 53, 55, 61, 77, 81, 82, 90, 93, 94, 97, 119, 120, 121, 125, 145, 249}) {
            SPECS.put(code, new Spec(Kind.SPECIAL, null));
        }
        SPECS.put(124, new Spec(Kind.SPECIAL, null));
        SPECS.put(117, new Spec(Kind.SPECIAL, null));
    }

    private DhcpOptions() {}

    /** True when the option's raw value is hidden (a decoder shows it) rather than shown as "Value". */
    static boolean decoded(int code, int len) {
        Spec s = SPECS.get(code);
        Integer min = MIN_LENGTHS.get(code);
        if (min != null && len < min) {
            return true;
        }
        if (s == null || len == 0) {
            return false;
        }
        return switch (s.kind()) {
            case IP, TIME, TIME_SIGNED -> len == 4;
            case U16 -> len == 2;
            case U8, BOOL -> len == 1;
            default -> true;
        };
    }

    /** Adds what option {@code code} holds in {@code len} bytes at {@code v} under {@code opt}. */
    static void decode(int code, Tvb tvb, int v, int len, ProtoItem opt, DhcpDissector.State st) {
        Spec s = SPECS.get(code);
        if (s == null) {
            return;
        }
        FieldDef f = s.field();
        switch (s.kind()) {
            case IP -> {
                if (len != 4) {
                    opt.expert(BAD_LENGTH, "length isn't 4");
                } else {
                    opt.add(f, tvb, v, 4);
                    opt.appendText(" (" + AddressFormat.ipv4(tvb.u32(v)) + ")");
                }
            }
            case IPS -> {
                for (int i = 0; i + 4 <= len; i += 4) {
                    opt.add(f, tvb, v + i, 4);
                }
                if (len % 4 != 0) {
                    opt.expert(BAD_LENGTH, "Option length isn't a multiple of 4");
                }
            }
            case IP_PAIRS -> {
                if (len % 8 != 0) {
                    opt.expert(BAD_LENGTH, "Option length isn't a multiple of 8");
                    return;
                }
                FieldDef a = code == 21 ? POLICY_IP : ROUTE_IP;
                FieldDef b = code == 21 ? POLICY_MASK : ROUTE_ROUTER;
                for (int i = 0; i < len; i += 8) {
                    opt.add(a, tvb, v + i, 4);
                    opt.add(b, tvb, v + i + 4, 4);
                }
            }
            case STRINGZ -> opt.add(f, tvb, v, len);
            case STRING -> {
                ProtoItem str = opt.addString(f, tvb, v, len, AsciiText.of(tvb, v, len));
                if (AsciiText.strayAfterNul(tvb, v, len)) {
                    str.expert(CoreFields.TRAILING_STRAY);
                }
            }
            case TIME, TIME_SIGNED -> {
                if (len != 4) {
                    opt.expert(BAD_LENGTH, "length isn't 4");
                    return;
                }
                long secs = s.kind() == Kind.TIME ? tvb.u32(v) : tvb.s32(v);
                ProtoItem t = opt.add(f, tvb, v, 4);
                if (t != opt) {
                    t.setText(f.name() + ": (" + secs + "s) " + duration(secs, s.kind() == Kind.TIME));
                }
            }
            case U8, BOOL -> {
                if (len != 1) {
                    opt.expert(BAD_LENGTH, "length isn't 1");
                } else {
                    opt.add(f, tvb, v, 1);
                }
            }
            case U16 -> {
                if (len != 2) {
                    opt.expert(BAD_LENGTH, "length isn't 2");
                } else {
                    opt.add(f, tvb, v, 2);
                }
            }
            case U16_LIST -> {
                for (int i = 0; i + 2 <= len; i += 2) {
                    opt.add(f, tvb, v + i, 2);
                }
            }
            case SPECIAL -> special(code, tvb, v, len, opt, st);
        }
    }

    private static void special(int code, Tvb tvb, int v, int len, ProtoItem opt, DhcpDissector.State st) {
        Integer min = MIN_LENGTHS.get(code);
        if (min != null && len < min) {
            opt.expert(BAD_LENGTH, code == 124 || code == 125 ? "length < 5" : "length isn't >= " + min);
            return;
        }
        switch (code) {
            case 53 -> {
                int type = tvb.u8(v);
                opt.add(MESSAGE_TYPE, tvb, v, 1);
                opt.appendText(" (" + messageTypeName(type) + ")");
                st.proto.appendText(" (" + messageTypeName(type) + ")");
            }
            case 55 -> {
                for (int i = 0; i < len; i++) {
                    ProtoItem item = opt.add(REQUEST_ITEM, tvb, v + i, 1);
                    if (item != opt) {
                        int c = tvb.u8(v + i);
                        item.setText("Parameter Request List Item: (" + c + ") " + DhcpOptionNames.NAMES.nameOr(c, ""));
                    }
                }
            }
            case 52 -> opt.add(OPTION_OVERLOAD, tvb, v, 1);
            case 61 -> clientId(tvb, v, len, opt);
            case 77 -> userClass(tvb, v, len, opt);
            case 81 -> fqdn(tvb, v, len, opt);
            case 82 -> agentInformation(tvb, v, len, opt);
            case 90 -> authentication(tvb, v, len, opt);
            case 119 -> domainSearch(tvb, v, len, opt);
            case 120 -> sipServers(tvb, v, len, opt);
            case 121, 249 -> classlessRoutes(tvb, v, len, opt);
            case 125 -> vendorInformation(tvb, v, len, opt);
            case 124 -> vendorClasses(tvb, v, len, opt);
            case 117 -> {
                // RFC 2937: name service codes in order of preference; tshark files each as text
                for (int i = 0; i + 2 <= len; i += 2) {
                    int service = tvb.u16(v + i);
                    String name = NAME_SERVICES.name(service);
                    if (name != null) {
                        ProtoItem ns = opt.addString(NAME_SERVICE, tvb, v + i, 2, name + " (" + service + ")");
                        ns.setText("Name Service: " + name + " (" + service + ")");
                    } else {
                        opt.expert(INVALID_NAME_SERVICE, "Invalid Name Service (" + service
                                + "). RFC 2937 defines only 0, 6, 41, 44, and 65 as possible values.");
                    }
                }
            }
            case 93 -> {
                for (int i = 0; i + 2 <= len; i += 2) {
                    ProtoItem a = opt.add(ARCHITECTURE, tvb, v + i, 2);
                    if (tvb.u16(v + i) == 9) {
                        a.expert(AMBIGUOUS_ARCHITECTURE, "Client Architecture ID 9 is often incorrectly used for EFI x64");
                    }
                }
            }
            case 94 -> {
                if (len == 3 && tvb.u8(v) == 1) {
                    opt.add(NDI_MAJOR, tvb, v + 1, 1);
                    opt.add(NDI_MINOR, tvb, v + 2, 1);
                }
            }
            case 97 -> {
                if (len == 17 && tvb.u8(v) == 0) {
                    opt.addBytes(UUID, tvb, v + 1, 16, guidBytes(tvb.bytes(v + 1, 16)));
                }
            }
            case 145 -> {
                for (int i = 0; i < len; i++) {
                    opt.add(NONCE_ALGORITHM, tvb, v + i, 1);
                }
            }
            default -> { }
        }
    }

    static String messageTypeName(int type) {
        String name = MESSAGE_TYPES.name(type);
        return name != null ? name : String.format(Locale.ROOT, "Unknown Message Type (0x%02x)", type);
    }

    /** Seconds as tshark words a lease or timer: "12 hours", "infinity" for all ones, "0 seconds". */
    static String duration(long secs, boolean unsigned) {
        if (unsigned && secs == 0xffffffffL) {
            return "infinity";
        }
        return Durations.seconds(secs);
    }

    /** Option 61: a type byte, then a hardware address (type 1 or 6 with six bytes) or any identifier. */
    private static void clientId(Tvb tvb, int v, int len, ProtoItem opt) {
        int type = tvb.u8(v);
        if (len == 7 && (type == 1 || type == 6)) {
            opt.add(DhcpDissector.HW_TYPE, tvb, v, 1);
            opt.add(DhcpDissector.MAC_ADDR, tvb, v + 1, 6);
        } else if (type == 0) {
            opt.add(CLIENT_ID_TYPE, tvb, v, 1);
            opt.add(CLIENT_ID_UNDEF, tvb, v + 1, len - 1);
        } else if (type == 255) {
            duid(tvb, v, len, opt);
        }
    }

    /**
     * Option 61 of type 255 (RFC 4361): an IAID and a DHCPv6-style DUID, link-layer plus time, by
     * enterprise number or link-layer.
     */
    private static void duid(Tvb tvb, int v, int len, ProtoItem opt) {
        opt.addString(IAID, tvb, v + 1, 4, AddressFormat.hexJoined(tvb.bytes(v + 1, 4), '\0'));
        int type = tvb.u16(v + 5);
        opt.add(DUID_TYPE, tvb, v + 5, 2);
        int end = v + len;
        switch (type) {
            case 1 -> {
                opt.add(DUID_LLT_HW_TYPE, tvb, v + 7, 2);
                opt.add(DUID_TIME, tvb, v + 9, 4);
                opt.addString(DUID_LINK_ADDRESS, tvb, v + 13, end - v - 13,
                        AddressFormat.hexJoined(tvb.bytes(v + 13, end - v - 13), ':'));
            }
            case 2 -> {
                opt.add(DUID_ENTERPRISE, tvb, v + 7, 4);
                opt.add(CLIENT_ID, tvb, v + 11, end - v - 11);
            }
            case 3 -> {
                opt.add(DUID_LL_HW_TYPE, tvb, v + 7, 2);
                opt.addString(DUID_LINK_ADDRESS, tvb, v + 9, end - v - 9,
                        AddressFormat.hexJoined(tvb.bytes(v + 9, end - v - 9), ':'));
            }
            default -> { }
        }
    }

    /** A GUID as tshark reads it from the wire: the first three groups little-endian. */
    private static byte[] guidBytes(byte[] b) {
        return new byte[] {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
            b[15]};
    }

    static String enterprise(long n) {
        return ENTERPRISES.nameOr(n, "Unknown") + " (" + n + ")";
    }

    /**
     * Option 77 (RFC 3004): instances of a length byte and that many bytes of class data. Where an
     * instance would run past the option, the rest is one text value, as some clients send it.
     */
    private static void userClass(Tvb tvb, int v, int len, ProtoItem opt) {
        int off = v;
        for (int i = 0; off < v + len; i++) {
            int n = tvb.u8(off);
            if (off + 1 + n > v + len) {
                int rest = v + len - off;
                ProtoItem text = opt.addString(USER_CLASS_TEXT, tvb, off, rest, AsciiText.of(tvb, off, rest));
                if (AsciiText.strayAfterNul(tvb, off, rest)) {
                    text.expert(CoreFields.TRAILING_STRAY);
                }
                text.expert(NONSTANDARD);
                return;
            }
            ProtoItem inst = opt.addUint(USER_CLASS, tvb, off, n + 1, i);
            if (inst != opt) {
                inst.setText("Instance of User Class: [" + i + "]");
            }
            inst.add(USER_CLASS_LENGTH, tvb, off, 1);
            inst.add(USER_CLASS_DATA, tvb, off + 1, n);
            off += n + 1;
        }
    }

    /** Option 81 (RFC 4702): flags, two result codes and the client's name, ASCII or DNS-encoded. */
    private static void fqdn(Tvb tvb, int v, int len, ProtoItem opt) {
        int flags = tvb.u8(v);
        ProtoItem fl = opt.add(FQDN_FLAGS, tvb, v, 1);
        if (fl != opt) {
            StringBuilder names = new StringBuilder();
            String[] labels = {"Server DDNS", "Encoding", "Server overrides", "Server"};
            for (int i = 0; i < 4; i++) {
                if ((flags & (0x08 >> i)) != 0) {
                    names.append(", ").append(labels[i]);
                }
            }
            fl.setText(String.format(Locale.ROOT, "Flags: 0x%02x%s", flags, names));
        }
        fl.add(FQDN_MBZ, tvb, v, 1);
        fl.add(FQDN_N, tvb, v, 1);
        fl.add(FQDN_E, tvb, v, 1);
        fl.add(FQDN_O, tvb, v, 1);
        fl.add(FQDN_S, tvb, v, 1);
        opt.add(FQDN_RCODE1, tvb, v + 1, 1);
        opt.add(FQDN_RCODE2, tvb, v + 2, 1);
        if (len > 3) {
            if ((flags & 0x04) != 0) {
                int[] end = new int[1];
                String name = dnsName(tvb, v + 3, v + 3, v + len, end);
                opt.addString(FQDN_NAME, tvb, v + 3, end[0] - (v + 3), name);
            } else {
                opt.add(FQDN_NAME, tvb, v + 3, len - 3);
            }
        }
    }

    /**
     * Option 82 (RFC 3046): relay agent sub-options, each a code, a length and a value. A sub-option
     * whose length or value does not fit in the option ends the list with tshark's error.
     */
    private static void agentInformation(Tvb tvb, int v, int len, ProtoItem opt) {
        int off = v;
        int end = v + len;
        while (off < end) {
            int code = tvb.u8(off);
            if (off + 1 >= end) {
                opt.expert(MISSING_SUBOPTION_LENGTH, "Suboption " + code + ": no room left in option for suboption length");
                return;
            }
            int n = tvb.u8(off + 1);
            ProtoItem sub = opt.addUint(AGENT_SUBOPTION, tvb, off, Math.min(n + 2, end - off), code);
            sub.setText("Option 82 Suboption: (" + code + ") " + AGENT_SUBOPTIONS.nameOr(code, "Unknown"));
            sub.add(SUB_LENGTH, tvb, off + 1, 1);
            if (off + 2 + n > end) {
                sub.expert(MISSING_SUBOPTION_VALUE, "Suboption " + code + ": no room left in option for suboption value");
                return;
            }
            int d = off + 2;
            FieldDef f = switch (code) {
                case 1 -> AGENT_CIRCUIT_ID;
                case 2 -> AGENT_REMOTE_ID;
                case 3 -> AGENT_RESERVED;
                case 4 -> n == 4 ? AGENT_DOCSIS_CLASS : null;
                case 5 -> n == 4 ? AGENT_LINK_SELECTION : null;
                case 6 -> AGENT_SUBSCRIBER_ID;
                case 7 -> AGENT_RADIUS;
                case 8 -> AGENT_AUTH;
                case 11 -> n == 4 ? AGENT_SERVER_ID_OVERRIDE : null;
                case 12 -> AGENT_RELAY_ID;
                case 14 -> AGENT_NETWORK_NAME;
                case 15 -> AGENT_AP_NAME;
                case 16 -> n == 6 ? AGENT_AP_BSSID : null;
                case 17 -> AGENT_OPERATOR_ID;
                case 18 -> AGENT_OPERATOR_REALM;
                case 150 -> n == 4 ? AGENT_LINK_SELECTION_CISCO : null;
                case 152 -> n == 4 ? AGENT_SERVER_ID_OVERRIDE_CISCO : null;
                default -> null;
            };
            ProtoItem value = sub.add(AGENT_VALUE, tvb, d, n);
            if (f != null && value != sub) {
                value.setHidden();
            }
            if (f != null) {
                if (f.type() == FieldType.STRING) {
                    ProtoItem str = sub.addString(f, tvb, d, n, AsciiText.of(tvb, d, n));
                    if (AsciiText.strayAfterNul(tvb, d, n)) {
                        str.expert(CoreFields.TRAILING_STRAY);
                    }
                } else {
                    sub.add(f, tvb, d, n);
                }
                if (f.type() == FieldType.IPv4) {
                    sub.appendText(" (" + AddressFormat.ipv4(tvb.u32(d)) + ")");
                }
            }
            off += n + 2;
        }
    }

    /** Option 90 (RFC 3118): protocol, algorithm, replay detection and, for delayed authentication, the key. */
    private static void authentication(Tvb tvb, int v, int len, ProtoItem opt) {
        int protocol = tvb.u8(v);
        opt.add(AUTH_PROTOCOL, tvb, v, 1);
        opt.add(protocol == 1 ? AUTH_ALG_DELAY : AUTH_ALGORITHM, tvb, v + 1, 1);
        opt.add(AUTH_RDM_FIELD, tvb, v + 2, 1);
        opt.add(AUTH_RDV, tvb, v + 3, 8);
        if (protocol == 1) {
            if (len >= 31) {
                opt.add(AUTH_SECRET_ID, tvb, v + 11, 4);
                opt.add(AUTH_HMAC, tvb, v + 15, 16);
            }
        } else if (len > 11) {
            opt.add(AUTH_INFORMATION, tvb, v + 11, len - 11);
        }
    }

    /** Option 119 (RFC 3397): DNS-encoded names whose pointers count from the start of the option data. */
    private static void domainSearch(Tvb tvb, int v, int len, ProtoItem opt) {
        int off = v;
        int[] end = new int[1];
        while (off < v + len) {
            String name = dnsName(tvb, v, off, v + len, end);
            opt.addString(DOMAIN_SEARCH, tvb, off, end[0] - off, name);
            off = end[0];
        }
    }

    /**
     * Reads a DNS-encoded name at {@code off}; pointers are offsets from {@code base}. Stores where the
     * name ends in place in {@code end[0]}.
     */
    private static String dnsName(Tvb tvb, int base, int off, int limit, int[] end) {
        StringBuilder sb = new StringBuilder();
        int p = off;
        int jumps = 0;
        end[0] = -1;
        while (p < limit) {
            int n = tvb.u8(p);
            if ((n & 0xc0) == 0xc0) {
                if (end[0] < 0) {
                    end[0] = p + 2;
                }
                p = base + (((n & 0x3f) << 8) | tvb.u8(p + 1));
                if (++jumps > 64) {
                    break;
                }
                continue;
            }
            if (n == 0) {
                p++;
                break;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(tvb.ascii(p + 1, n));
            p += n + 1;
        }
        if (end[0] < 0) {
            end[0] = Math.min(p, limit);
        }
        return sb.toString();
    }

    /** Option 120 (RFC 3361): an encoding byte, then IPv4 addresses. */
    private static void sipServers(Tvb tvb, int v, int len, ProtoItem opt) {
        opt.add(SIP_ENCODING_FIELD, tvb, v, 1);
        int encoding = tvb.u8(v);
        if (encoding == 1) {
            for (int i = 1; i + 4 <= len; i += 4) {
                opt.add(SIP_ADDRESS, tvb, v + i, 4);
            }
        } else if (encoding == 0) {
            int off = v + 1;
            int[] end = new int[1];
            while (off < v + len) {
                String name = dnsName(tvb, v + 1, off, v + len, end);
                opt.addString(SIP_NAME, tvb, off, end[0] - off, name);
                off = end[0];
            }
        } else {
            opt.expert(SIP_BAD_ENCODING, "RFC 3361 defines only 0 and 1 for Encoding byte (Encoding = " + encoding + ").");
        }
    }

    /** Options 121 (RFC 3442) and 249: routes of a mask width, the significant destination bytes and a router. */
    private static void classlessRoutes(Tvb tvb, int v, int len, ProtoItem opt) {
        int off = v;
        while (off < v + len) {
            int width = tvb.u8(off);
            if (width > 32) {
                opt.expert(BAD_ROUTE, "Mask width (" + width + ") > 32");
                return;
            }
            int significant = (width + 7) / 8;
            byte[] dest = new byte[4];
            for (int i = 0; i < significant; i++) {
                dest[i] = (byte) tvb.u8(off + 1 + i);
            }
            long router = tvb.u32(off + 1 + significant);
            ProtoItem route = opt.add(CLASSLESS_ROUTE, tvb, off, 5 + significant);
            if (route != opt) {
                String to = width == 0 ? "default" : AddressFormat.ipv4(
                        ((dest[0] & 0xffL) << 24) | ((dest[1] & 0xff) << 16) | ((dest[2] & 0xff) << 8) | (dest[3] & 0xff))
                        + "/" + width;
                route.setText(" " + to + "-" + AddressFormat.ipv4(router));
            }
            off += 5 + significant;
        }
    }

    /**
     * Option 124 (RFC 3925): per enterprise, a length and that much class data. Data running past the
     * option is malformed, as tshark reads the option on its own.
     */
    private static void vendorClasses(Tvb tvb, int v, int len, ProtoItem opt) {
        int off = v;
        int end = v + len;
        while (off < end) {
            opt.add(VI_CLASS_ENTERPRISE, tvb, off, 4);
            int n = tvb.u8(off + 4);
            opt.add(VI_CLASS_LENGTH, tvb, off + 4, 1);
            if (off + 5 + n > end) {
                throw new MalformedException("V-I vendor class data past the option");
            }
            opt.add(VI_CLASS_DATA, tvb, off + 5, n);
            off += 5 + n;
        }
    }

    /** Option 125 (RFC 3925): per enterprise, a length and sub-options (TR-111's for the Broadband Forum). */
    private static void vendorInformation(Tvb tvb, int v, int len, ProtoItem opt) {
        int off = v;
        while (off + 5 <= v + len) {
            long enterprise = tvb.u32(off);
            int n = tvb.u8(off + 4);
            ProtoItem ent = opt.add(VI_ENTERPRISE, tvb, off, 4);
            ent.add(VI_LENGTH, tvb, off + 4, 1);
            int p = off + 5;
            while (p + 2 <= off + 5 + n) {
                int code = tvb.u8(p);
                int sl = tvb.u8(p + 1);
                if (enterprise == 3561) {
                    // tshark's sub-option node starts at the length byte and covers two bytes more than the value
                    ProtoItem sub = ent.addUint(TR111_SUBOPTION, tvb, p + 1, sl + 2, code);
                    sub.setText("Option 125 Suboption: (" + code + ") " + TR111_SUBOPTIONS.nameOr(code, "Unknown"));
                    sub.add(SUB_LENGTH, tvb, p + 1, 1);
                    if (code >= 2 && code < TR111_FIELDS.length) {
                        sub.add(TR111_FIELDS[code], tvb, p + 2, sl);
                    }
                    ProtoItem raw = ent.add(VI_VALUE, tvb, p + 2, sl);
                    if (raw != ent) {
                        raw.setHidden();
                    }
                } else {
                    ProtoItem sub = ent.addUint(VENDOR_SUBOPTION, tvb, p, sl + 2, code);
                    sub.setText("Option 125 Suboption: " + code);
                    sub.add(SUB_LENGTH, tvb, p + 1, 1);
                    sub.add(VENDOR_DATA, tvb, p + 2, sl);
                }
                p += 2 + sl;
            }
            off += 5 + n;
        }
    }

    static ValueString hardwareTypes() {
        return ArpValues.HARDWARE_TYPES;
    }
}
