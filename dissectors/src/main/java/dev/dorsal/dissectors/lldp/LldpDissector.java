package dev.dorsal.dissectors.lldp;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.ip.AddressFamilies;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Link Layer Discovery Protocol (IEEE 802.1AB-2016, EtherType 0x88cc): the mandatory
 * Chassis ID, Port ID and Time To Live TLVs, then port description, system name and description,
 * system capabilities, management address, unknown TLVs and the End of LLDPDU. Organizationally
 * specific TLVs show their OUI and subtype, with the content as bytes (docs/compat.md). Filter
 * prefix {@code lldp.}.
 *
 * <pre>
 * TLV: | type (7 bits) | length (9 bits) | value (length bytes) |
 * </pre>
 */
public final class LldpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Link Layer Discovery Protocol", "LLDP", "lldp");

    static final int END = 0;
    static final int CHASSIS_ID = 1;
    static final int PORT_ID = 2;
    static final int TTL = 3;
    static final int PORT_DESCRIPTION = 4;
    static final int SYSTEM_NAME = 5;
    static final int SYSTEM_DESCRIPTION = 6;
    static final int SYSTEM_CAPABILITIES = 7;
    static final int MANAGEMENT_ADDRESS = 8;
    static final int ORGANIZATION_SPECIFIC = 127;

    static final ValueString TLV_TYPES = ValueString.of(END, "End of LLDPDU", CHASSIS_ID, "Chassis Id",
            PORT_ID, "Port Id", TTL, "Time to Live", PORT_DESCRIPTION, "Port Description", SYSTEM_NAME, "System Name",
            SYSTEM_DESCRIPTION, "System Description", SYSTEM_CAPABILITIES, "System Capabilities",
            MANAGEMENT_ADDRESS, "Management Address", ORGANIZATION_SPECIFIC, "Organization Specific");
    static final ValueString CHASSIS_SUBTYPES = ValueString.of(0, "Reserved", 1, "Chassis component",
            2, "Interface alias", 3, "Port component", 4, "MAC address", 5, "Network address", 6, "Interface name",
            7, "Locally assigned");
    static final ValueString PORT_SUBTYPES = ValueString.of(0, "Reserved", 1, "Interface alias", 2, "Port component",
            3, "MAC address", 4, "Network address", 5, "Interface name", 6, "Agent circuit Id", 7, "Locally assigned");
    /** IANA address family numbers, as tshark names them. */
    static final ValueString ADDRESS_FAMILIES = AddressFamilies.IANA;
    static final ValueString INTERFACE_SUBTYPES = ValueString.of(1, "Unknown", 2, "ifIndex", 3, "System port number");
    private static final TrueFalse CAPABLE = new TrueFalse("Capable", "Not capable");

    static final FieldDef TLV_TYPE = FieldDef.uint16("lldp.tlv.type", "TLV Type").mask(0xfe00).vals(TLV_TYPES);
    static final FieldDef TLV_LEN = FieldDef.uint16("lldp.tlv.len", "TLV Length").mask(0x01ff);
    static final FieldDef CHASSIS_SUBTYPE = FieldDef.uint8("lldp.chassis.subtype", "Chassis Id Subtype")
            .vals(CHASSIS_SUBTYPES);
    static final FieldDef CHASSIS_ID_FIELD = FieldDef.bytes("lldp.chassis.id", "Chassis Id");
    static final FieldDef CHASSIS_ID_MAC = FieldDef.ether("lldp.chassis.id.mac", "Chassis Id");
    static final FieldDef CHASSIS_ID_IP4 = FieldDef.ipv4("lldp.chassis.id.ip4", "Chassis Id");
    static final FieldDef CHASSIS_ID_IP6 = FieldDef.ipv6("lldp.chassis.id.ip6", "Chassis Id");
    static final FieldDef PORT_SUBTYPE = FieldDef.uint8("lldp.port.subtype", "Port Id Subtype").vals(PORT_SUBTYPES);
    static final FieldDef PORT_ID_FIELD = FieldDef.string("lldp.port.id", "Port Id");
    static final FieldDef PORT_ID_MAC = FieldDef.ether("lldp.port.id.mac", "Port Id");
    static final FieldDef PORT_ID_IP4 = FieldDef.ipv4("lldp.port.id.ip4", "Port Id");
    static final FieldDef PORT_ID_IP6 = FieldDef.ipv6("lldp.port.id.ip6", "Port Id");
    static final FieldDef NETWORK_ADDRESS_FAMILY = FieldDef.uint8("lldp.network_address.subtype",
            "Network Address family").vals(ADDRESS_FAMILIES);
    static final FieldDef TIME_TO_LIVE = FieldDef.uint16("lldp.time_to_live", "Seconds");
    static final FieldDef PORT_DESC = FieldDef.string("lldp.port.desc", "Port Description");
    static final FieldDef SYSTEM_NAME_FIELD = FieldDef.string("lldp.tlv.system.name", "System Name");
    static final FieldDef SYSTEM_DESC_FIELD = FieldDef.string("lldp.tlv.system.desc", "System Description");
    static final FieldDef SYSTEM_CAP = FieldDef.uint16("lldp.tlv.system_cap", "Capabilities").hex();
    static final FieldDef ENABLE_SYSTEM_CAP = FieldDef.uint16("lldp.tlv.enable_system_cap", "Enabled Capabilities")
            .hex();
    static final FieldDef[] CAPS = capabilities("lldp.tlv.system_cap.");
    static final FieldDef[] ENABLED_CAPS = capabilities("lldp.tlv.enable_system_cap.");
    static final FieldDef MGN_ADDRESS_LEN = FieldDef.uint8("lldp.mgn.address.len", "Address String Length");
    static final FieldDef MGN_ADDRESS_SUBTYPE = FieldDef.uint8("lldp.mgn.address.subtype", "Address Subtype")
            .vals(ADDRESS_FAMILIES).blurb("Undefined");
    static final FieldDef MGN_ADDR_IP4 = FieldDef.ipv4("lldp.mgn.addr.ip4", "Management Address");
    static final FieldDef MGN_ADDR_IP6 = FieldDef.ipv6("lldp.mgn.addr.ip6", "Management Address");
    static final FieldDef MGN_ADDR_HEX = FieldDef.bytes("lldp.mgn.addr.hex", "Management Address");
    static final FieldDef MGN_INTERFACE_SUBTYPE = FieldDef.uint8("lldp.mgn.interface.subtype", "Interface Subtype")
            .vals(INTERFACE_SUBTYPES).blurb("Undefined");
    static final FieldDef MGN_INTERFACE_NUMBER = FieldDef.uint32("lldp.mgn.interface.number", "Interface Number");
    static final FieldDef MGN_OBJ_LEN = FieldDef.uint8("lldp.mgn.obj.len", "OID String Length");
    static final FieldDef MGN_OBJ_ID = FieldDef.of("lldp.mgn.obj.id", "Object Identifier", FieldType.OID, Base.NONE);
    static final FieldDef ORG_OUI = FieldDef.uint24("lldp.orgtlv.oui", "Organization Unique Code").base(Base.OUI);
    static final FieldDef UNKNOWN_SUBTYPE = FieldDef.uint8("lldp.unknown_subtype", "Unknown Subtype");
    static final FieldDef UNKNOWN_SUBTYPE_CONTENT = FieldDef.bytes("lldp.unknown_subtype.content",
            "Unknown Subtype Content");

    static final ValueString IEEE_802_1_SUBTYPES = ValueString.of(0x01, "Port VLAN ID", 0x02, "Port and Protocol VLAN ID",
            0x03, "VLAN Name", 0x04, "Protocol Identity", 0x05, "VID Usage Digest", 0x06, "Management VID",
            0x07, "Link Aggregation", 0x08, "Congestion Notification", 0x09, "ETS Configuration",
            0x0a, "ETS Recommendation", 0x0b, "Priority Flow Control Configuration", 0x0c, "Application Protocol",
            0x0d, "EVB", 0x0e, "CDCP", 0x0f, "Port extension", 0x10, "Application VLAN", 0x11, "LRP ECP Discovery",
            0x12, "LRP TCP Discovery", 0x13, "Congestion Isolation", 0x14, "Topology Recognition");
    static final ValueString IEEE_802_3_SUBTYPES = ValueString.of(0x01, "MAC/PHY Configuration/Status",
            0x02, "Power Via MDI", 0x03, "Link Aggregation", 0x04, "Maximum Frame Size",
            0x05, "EEE (Energy-Efficient Ethernet)", 0x07, "IEEE 802.3br Additional Ethernet capabilities");
    static final ValueString PORT_TYPES = ValueString.of(0, "Not specified", 1, "From aggregation port",
            2, "From aggregator", 3, "From single-port aggregator");
    private static final TrueFalse ENABLED = new TrueFalse("Enabled", "Disabled");

    static final FieldDef IEEE_802_1_SUBTYPE = FieldDef.uint8("lldp.ieee.802_1.subtype", "IEEE 802.1 Subtype").hex()
            .vals(IEEE_802_1_SUBTYPES);
    static final FieldDef PORT_VLAN_ID = FieldDef.uint16("lldp.ieee.802_1.port_vlan.id", "Port VLAN Identifier")
            .decHex();
    static final FieldDef PPVID_FLAGS = FieldDef.uint8("lldp.ieee.802_1.port_and_vlan_id_flag", "Flags").hex();
    static final FieldDef PPVID_SUPPORTED = FieldDef.bool("lldp.ieee.802_1.port_and_vlan_id_flag.supported",
            "Port and Protocol VLAN", 8, 0x02).tfs(new TrueFalse("Supported", "Not supported"));
    static final FieldDef PPVID_ENABLED = FieldDef.bool("lldp.ieee.802_1.port_and_vlan_id_flag.enabled",
            "Port and Protocol VLAN", 8, 0x04).tfs(ENABLED);
    static final FieldDef PORT_PROTO_VLAN_ID = FieldDef.uint16("lldp.ieee.802_1.port_proto_vlan.id",
            "Port and Protocol VLAN Identifier").decHex();
    static final FieldDef VLAN_ID = FieldDef.uint16("lldp.ieee.802_1.vlan.id", "VLAN Identifier").decHex();
    static final FieldDef VLAN_NAME_LEN = FieldDef.uint8("lldp.ieee.802_1.vlan.name_len", "VLAN Name Length");
    static final FieldDef VLAN_NAME = FieldDef.stringz("lldp.ieee.802_1.vlan.name", "VLAN Name");
    static final FieldDef PROTO_ID_LENGTH = FieldDef.uint8("lldp.ieee.802_1.proto.id_length", "Protocol Identity Length");
    static final FieldDef PROTO_ID = FieldDef.bytes("lldp.ieee.802_1.proto.id", "Protocol Identity");
    static final FieldDef AGG_STATUS_1 = FieldDef.uint8("lldp.ieee.802_1.aggregation_status", "Aggregation Status")
            .hex();
    static final FieldDef AGG_CAP_1 = FieldDef.bool("lldp.ieee.802_1.aggregation_status.cap", "Aggregation Capability",
            8, 0x01).tfs(TrueFalse.YES_NO);
    static final FieldDef AGG_ENABLED_1 = FieldDef.bool("lldp.ieee.802_1.aggregation_status.enabled",
            "Aggregation Status", 8, 0x02).tfs(ENABLED);
    static final FieldDef AGG_PORTTYPE_1 = FieldDef.uint8("lldp.ieee.802_1.aggregation_status.porttype",
            "Aggregation Status").mask(0x0c).vals(PORT_TYPES);
    static final FieldDef AGG_PORT_ID_1 = FieldDef.uint32("lldp.ieee.802_1.aggregated_port_id", "Aggregated Port Id");
    static final FieldDef IEEE_802_3_SUBTYPE = FieldDef.uint8("lldp.ieee.802_3.subtype", "IEEE 802.3 Subtype").hex()
            .vals(IEEE_802_3_SUBTYPES);
    static final FieldDef AGG_STATUS_3 = FieldDef.uint8("lldp.ieee.802_3.aggregation_status", "Aggregation Status")
            .hex();
    static final FieldDef AGG_CAP_3 = FieldDef.bool("lldp.ieee.802_3.aggregation_status.cap", "Aggregation Capability",
            8, 0x01).tfs(TrueFalse.YES_NO);
    static final FieldDef AGG_ENABLED_3 = FieldDef.bool("lldp.ieee.802_3.aggregation_status.enabled",
            "Aggregation Status", 8, 0x02).tfs(ENABLED);
    static final FieldDef AGG_PORT_ID_3 = FieldDef.uint32("lldp.ieee.802_3.aggregated_port_id", "Aggregated Port Id");
    static final FieldDef MAX_FRAME_SIZE = FieldDef.uint16("lldp.ieee.802_3.max_frame_size", "Maximum Frame Size");

    /** Operational MAU types (RFC 4836 dot3MauType), as tshark 4.0.17 names them. */
    static final ValueString MAU_TYPES = ValueString.of(
            0x0, "other or unknown",
            0x1, "AUI - no internal MAU, view from AUI",
            0x2, "10Base5 - thick coax MAU",
            0x3, "Foirl - FOIRL MAU",
            0x4, "10Base2 - thin coax MAU",
            0x5, "10BaseT - UTP MAU",
            0x6, "10BaseFP - passive fiber MAU",
            0x7, "10BaseFB - sync fiber MAU",
            0x8, "10BaseFL - async fiber MAU",
            0x9, "10Broad36 - broadband DTE MAU",
            0xa, "10BaseTHD - UTP MAU, half duplex mode",
            0xb, "10BaseTFD - UTP MAU, full duplex mode",
            0xc, "10BaseFLHD - async fiber MAU, half duplex mode",
            0xd, "10BaseFLDF - async fiber MAU, full duplex mode",
            0xe, "10BaseT4 - 4 pair category 3 UTP",
            0xf, "100BaseTXHD - 2 pair category 5 UTP, half duplex mode",
            0x10, "100BaseTXFD - 2 pair category 5 UTP, full duplex mode",
            0x11, "100BaseFXHD - X fiber over PMT, half duplex mode",
            0x12, "100BaseFXFD - X fiber over PMT, full duplex mode",
            0x13, "100BaseT2HD - 2 pair category 3 UTP, half duplex mode",
            0x14, "100BaseT2DF - 2 pair category 3 UTP, full duplex mode",
            0x15, "1000BaseXHD - PCS/PMA, unknown PMD, half duplex mode",
            0x16, "1000BaseXFD - PCS/PMA, unknown PMD, full duplex mode",
            0x17, "1000BaseLXHD - Fiber over long-wavelength laser, half duplex mode",
            0x18, "1000BaseLXFD - Fiber over long-wavelength laser, full duplex mode",
            0x19, "1000BaseSXHD - Fiber over short-wavelength laser, half duplex mode",
            0x1a, "1000BaseSXFD - Fiber over short-wavelength laser, full duplex mode",
            0x1b, "1000BaseCXHD - Copper over 150-Ohm balanced cable, half duplex mode",
            0x1c, "1000BaseCXFD - Copper over 150-Ohm balanced cable, full duplex mode",
            0x1d, "1000BaseTHD - Four-pair Category 5 UTP, half duplex mode",
            0x1e, "1000BaseTFD - Four-pair Category 5 UTP, full duplex mode",
            0x1f, "10GigBaseX - X PCS/PMA, unknown PMD.",
            0x20, "10GigBaseLX4 - X fiber over WWDM optics",
            0x21, "10GigBaseR - R PCS/PMA, unknown PMD.",
            0x22, "10GigBaseER - R fiber over 1550 nm optics",
            0x23, "10GigBaseLR - R fiber over 1310 nm optics",
            0x24, "10GigBaseSR - R fiber over 850 nm optics",
            0x25, "10GigBaseW - W PCS/PMA, unknown PMD.",
            0x26, "10GigBaseEW - W fiber over 1550 nm optics",
            0x27, "10GigBaseLW - W fiber over 1310 nm optics",
            0x28, "10GigBaseSW - W fiber over 850 nm optics",
            0x29, "10GBASE-CX4 - X copper over 8 pair 100-Ohm balanced cable",
            0x2a, "2BASE-TL - Voice grade UTP copper, up to 2700m, optional PAF",
            0x2b, "10PASS-TS - Voice grade UTP copper, up to 750m, optional PAF",
            0x2c, "100BASE-BX10D - One single-mode fiber OLT, long wavelength, 10km",
            0x2d, "100BASE-BX10U - One single-mode fiber ONU, long wavelength, 10km",
            0x2e, "100BASE-LX10 - One single-mode fiber ONU, long wavelength, 10km",
            0x2f, "1000BASE-BX10D - One single-mode fiber OLT, long wavelength, 10km",
            0x30, "1000BASE-BX10U - One single-mode fiber ONU, long wavelength, 10km",
            0x31, "1000BASE-LX10 - Two sigle-mode fiber, long wavelength, 10km",
            0x32, "1000BASE-PX10D - One single-mode fiber EPON OLT, 10km",
            0x33, "1000BASE-PX10U - One single-mode fiber EPON ONU, 10km",
            0x34, "1000BASE-PX20D - One single-mode fiber EPON OLT, 20km",
            0x35, "1000BASE-PX20U - One single-mode fiber EPON ONU, 20km");
    static final ValueString POWER_CLASSES = ValueString.of(1, "0", 2, "1", 3, "2", 4, "3", 5, "4");
    /** The advertised PMD capabilities (RFC 4836 ifMauAutoNegCapAdvertisedBits), lowest bit first. */
    private static final String[][] PMD_CAPS = {
        {"1000base_tfd", "1000BASE-T (full duplex mode)"},
        {"1000base_t", "1000BASE-T (half duplex mode)"},
        {"1000base_xfd", "1000BASE-X (-LX, -SX, -CX full duplex mode)"},
        {"1000base_x", "1000BASE-X (-LX, -SX, -CX half duplex mode)"},
        {"fdx_bpause", "Asymmetric and Symmetric PAUSE (for full-duplex links)"},
        {"fdx_spause", "Symmetric PAUSE (for full-duplex links)"},
        {"fdx_apause", "Asymmetric PAUSE (for full-duplex links)"},
        {"fdx_pause", "PAUSE (for full-duplex links)"},
        {"100base_t2fd", "100BASE-T2 (full duplex mode)"},
        {"100base_t2", "100BASE-T2 (half duplex mode)"},
        {"100base_txfd", "100BASE-TX (full duplex mode)"},
        {"100base_tx", "100BASE-TX (half duplex mode)"},
        {"100base_t4", "100BASE-T4"},
        {"10base_tfd", "10BASE-T (full duplex mode)"},
        {"10base_t", "10BASE-T (half duplex mode)"},
        {"other", "Other or unknown"}};
    private static final TrueFalse CAPABLE_PMD = new TrueFalse("Capable", "Not capable");

    static final FieldDef AUTO_NEG_STATUS = FieldDef.uint8("lldp.ieee.802_3.mac_phy_auto_neg_status",
            "Auto-Negotiation Support/Status").hex();
    static final FieldDef AUTO_NEG_SUPPORTED = FieldDef.bool("lldp.ieee.802_3.mac_phy_auto_neg_status.supported",
            "Auto-Negotiation", 8, 0x01).tfs(new TrueFalse("Supported", "Not supported"));
    static final FieldDef AUTO_NEG_ENABLED = FieldDef.bool("lldp.ieee.802_3.mac_phy_auto_neg_status.enabled",
            "Auto-Negotiation", 8, 0x02).tfs(ENABLED);
    static final FieldDef PMD_ADVERTISED = FieldDef.uint16("lldp.ieee.802_3.pmd_auto_neg_advertised_caps",
            "PMD Auto-Negotiation Advertised Capability").hex();
    static final FieldDef[] PMD_CAP_BITS = pmdCaps("lldp.ieee.802_3.pmd_auto_neg_advertised_caps.", false);
    static final FieldDef[] PMD_CAP_BITS_INV = pmdCaps("lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.", true);
    static final FieldDef MAU_TYPE = FieldDef.uint16("lldp.ieee.802_3.pmd_mau_type", "Operational MAU Type").hex()
            .vals(MAU_TYPES).blurb("Unknown");
    static final FieldDef MDI_POWER_SUPPORT = FieldDef.uint8("lldp.ieee.802_3.mdi_power_support", "MDI Power Support")
            .hex();
    static final FieldDef MDI_PORT_CLASS = FieldDef.bool("lldp.ieee.802_3.mdi_power_support.port_class", "Port Class",
            8, 0x01).tfs(new TrueFalse("PSE", "PD"));
    static final FieldDef MDI_SUPPORTED = FieldDef.bool("lldp.ieee.802_3.mdi_power_support.supported", "PSE MDI Power",
            8, 0x02).tfs(new TrueFalse("Supported", "Not supported"));
    static final FieldDef MDI_ENABLED = FieldDef.bool("lldp.ieee.802_3.mdi_power_support.enabled", "PSE MDI Power",
            8, 0x04).tfs(ENABLED);
    static final FieldDef MDI_PSE_PAIRS = FieldDef.bool("lldp.ieee.802_3.mdi_power_support.pse_pairs",
            "PSE Pairs Control Ability", 8, 0x08).tfs(TrueFalse.YES_NO);
    static final FieldDef MDI_PSE_PAIR = FieldDef.uint8("lldp.ieee.802_3.mdi_pse_pair", "PSE Power Pair");
    static final FieldDef MDI_POWER_CLASS = FieldDef.uint8("lldp.ieee.802_3.mdi_power_class", "Power Class")
            .vals(POWER_CLASSES);

    static final List<FieldDef> FIELDS = fields();

    static final ExpertDef BAD_TYPE = new ExpertDef("lldp.bad_type", "Incorrect type", ExpertDef.Group.MALFORMED,
            ExpertDef.Severity.WARN);
    static final ExpertDef INCORRECT_LENGTH = new ExpertDef("lldp.incorrect_length", "Invalid length, too short",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.WARN);
    static final ExpertDef EXCESS_LENGTH = new ExpertDef("lldp.excess_length", "Invalid length, greater than expected",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.WARN);
    static final ExpertDef DEPRECATED = new ExpertDef("lldp.tlv_deprecated", "TLV has been deprecated",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    /** A TLV function's answer that stops the LLDPDU (an End TLV or an invalid mandatory TLV). */
    private static final int STOP = -1;

    @Override
    public String name() {
        return "lldp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(BAD_TYPE, INCORRECT_LENGTH, EXCESS_LENGTH, DEPRECATED));
        r.handle("lldp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(EthertypeDissector.NAME).add(0x88cc, t.handle("lldp"));
    }

    private static FieldDef[] capabilities(String prefix) {
        String[][] names = {{"other", "Other"}, {"repeater", "Repeater"}, {"bridge", "Bridge"},
            {"wlan_access_pt", "WLAN access point"}, {"router", "Router"}, {"telephone", "Telephone"},
            {"docsis_cable_device", "DOCSIS cable device"}, {"station_only", "Station only"}};
        FieldDef[] out = new FieldDef[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = FieldDef.bool(prefix + names[i][0], names[i][1], 16, 1L << i).tfs(CAPABLE);
        }
        return out;
    }

    /** The 16 PMD capability bits, lowest first; the inverse set reads them in the opposite bit order. */
    private static FieldDef[] pmdCaps(String prefix, boolean inverse) {
        FieldDef[] out = new FieldDef[PMD_CAPS.length];
        for (int i = 0; i < PMD_CAPS.length; i++) {
            long mask = inverse ? 0x8000L >>> i : 1L << i;
            out[i] = FieldDef.bool(prefix + PMD_CAPS[i][0], PMD_CAPS[i][1], 16, mask).tfs(CAPABLE_PMD);
        }
        return out;
    }

    private static List<FieldDef> fields() {
        List<FieldDef> f = new java.util.ArrayList<>(List.of(TLV_TYPE, TLV_LEN, CHASSIS_SUBTYPE, CHASSIS_ID_FIELD,
                CHASSIS_ID_MAC, CHASSIS_ID_IP4, CHASSIS_ID_IP6, PORT_SUBTYPE, PORT_ID_FIELD, PORT_ID_MAC, PORT_ID_IP4,
                PORT_ID_IP6, NETWORK_ADDRESS_FAMILY, TIME_TO_LIVE, PORT_DESC, SYSTEM_NAME_FIELD, SYSTEM_DESC_FIELD,
                SYSTEM_CAP, ENABLE_SYSTEM_CAP, MGN_ADDRESS_LEN, MGN_ADDRESS_SUBTYPE, MGN_ADDR_IP4, MGN_ADDR_IP6,
                MGN_ADDR_HEX, MGN_INTERFACE_SUBTYPE, MGN_INTERFACE_NUMBER, MGN_OBJ_LEN, MGN_OBJ_ID, ORG_OUI,
                UNKNOWN_SUBTYPE, UNKNOWN_SUBTYPE_CONTENT));
        f.addAll(List.of(IEEE_802_1_SUBTYPE, PORT_VLAN_ID, PPVID_FLAGS, PPVID_SUPPORTED, PPVID_ENABLED,
                PORT_PROTO_VLAN_ID, VLAN_ID, VLAN_NAME_LEN, VLAN_NAME, PROTO_ID_LENGTH, PROTO_ID, AGG_STATUS_1, AGG_CAP_1,
                AGG_ENABLED_1, AGG_PORTTYPE_1, AGG_PORT_ID_1, IEEE_802_3_SUBTYPE, AGG_STATUS_3, AGG_CAP_3, AGG_ENABLED_3,
                AGG_PORT_ID_3, MAX_FRAME_SIZE, AUTO_NEG_STATUS, AUTO_NEG_SUPPORTED, AUTO_NEG_ENABLED, PMD_ADVERTISED,
                MAU_TYPE, MDI_POWER_SUPPORT, MDI_PORT_CLASS, MDI_SUPPORTED, MDI_ENABLED, MDI_PSE_PAIRS, MDI_PSE_PAIR,
                MDI_POWER_CLASS));
        f.addAll(List.of(PMD_CAP_BITS));
        f.addAll(List.of(PMD_CAP_BITS_INV));
        f.addAll(List.of(CAPS));
        f.addAll(List.of(ENABLED_CAPS));
        return List.copyOf(f);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("LLDP");
        cols.clearInfo();
        ProtoItem lldp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        int offset = idTlv(CHASSIS, tvb, cols, lldp, 0);
        if (offset < 0) {
            cols.setInfo("Invalid Chassis ID TLV");
            return tvb.length();
        }
        offset = idTlv(PORT, tvb, cols, lldp, offset);
        if (offset < 0) {
            cols.setInfo("Invalid Port ID TLV");
            return tvb.length();
        }
        offset = timeToLive(tvb, cols, lldp, offset);
        if (offset < 0) {
            cols.setInfo("Invalid Time-to-Live TLV");
            return tvb.length();
        }
        while (tvb.reportedLength() - offset > 0) {
            int type = tvb.u16(offset) >>> 9;
            int next = switch (type) {
                case CHASSIS_ID -> {
                    idTlv(CHASSIS, tvb, cols, lldp, offset);
                    cols.setInfo("Duplicate Chassis ID TLV");
                    yield STOP;
                }
                case PORT_ID -> {
                    idTlv(PORT, tvb, cols, lldp, offset);
                    cols.setInfo("Duplicate Port ID TLV");
                    yield STOP;
                }
                case TTL -> {
                    timeToLive(tvb, cols, lldp, offset);
                    cols.setInfo("Duplicate Time-To-Live TLV");
                    yield STOP;
                }
                case END -> {
                    end(tvb, lldp, offset);
                    yield STOP;
                }
                case PORT_DESCRIPTION, SYSTEM_NAME, SYSTEM_DESCRIPTION -> text(tvb, cols, lldp, offset, type);
                case SYSTEM_CAPABILITIES -> capabilities(tvb, lldp, offset);
                case MANAGEMENT_ADDRESS -> managementAddress(tvb, lldp, offset);
                case ORGANIZATION_SPECIFIC -> organizationSpecific(tvb, lldp, offset);
                default -> unknown(tvb, lldp, offset);
            };
            if (next < 0) {
                // tshark's LLDP claims one byte less than the TLVs before the one that stopped it
                return offset - 1;
            }
            offset = next;
        }
        return offset;
    }

    /** The TLV's subtree (type and length over its first two bytes), or the parent without a detailed tree. */
    private static ProtoItem tlv(Tvb tvb, ProtoItem parent, int offset, int length, String text) {
        requireReported(tvb, offset, length + 2);
        ProtoItem t = parent.addText(tvb, offset, length + 2, text);
        ProtoItem holder = t == parent ? parent : t;
        holder.add(TLV_TYPE, tvb, offset, 2);
        return holder;
    }

    /**
     * What differs between the two mandatory ID TLVs (IEEE 802.1AB 8.5.2 and 8.5.3): their TLV type, names,
     * subtype table, the subtypes that hold a MAC or a network address, and the two-letter kind tshark
     * puts in Info for each other subtype (a subtype whose kind is "PC" is shown in hex).
     */
    private record IdTlv(int type, String what, String subtypeLabel, String unnamedSubtype, ValueString subtypes,
            FieldDef subtypeField, int macSubtype, int networkSubtype, Map<Integer, String> kinds, FieldDef mac,
            FieldDef ip4, FieldDef ip6, FieldDef id) {}

    private static final IdTlv CHASSIS = new IdTlv(CHASSIS_ID, "Chassis ID", "Chassis Subtype", "Reserved",
            CHASSIS_SUBTYPES, CHASSIS_SUBTYPE, 4, 5, Map.of(1, "CC", 2, "IA", 3, "PC", 6, "IN", 7, "LA"),
            CHASSIS_ID_MAC, CHASSIS_ID_IP4, CHASSIS_ID_IP6, CHASSIS_ID_FIELD);
    private static final IdTlv PORT = new IdTlv(PORT_ID, "Port ID", "Port Subtype", "Unknown", PORT_SUBTYPES,
            PORT_SUBTYPE, 3, 4, Map.of(1, "IA", 2, "PC", 5, "IN", 6, "AC", 7, "LA"), PORT_ID_MAC, PORT_ID_IP4,
            PORT_ID_IP6, PORT_ID_FIELD);

    /** A Chassis ID or Port ID TLV; {@link #STOP} when it is not one or its length is wrong. */
    private static int idTlv(IdTlv k, Tvb tvb, Columns cols, ProtoItem lldp, int offset) {
        int header = tvb.u16(offset);
        int type = header >>> 9;
        int length = header & 0x1ff;
        if (type != k.type()) {
            String msg = String.format(Locale.ROOT, "Invalid %s (0x%02X), expected (0x%02X)", k.what(), type, k.type());
            badType(tvb, lldp, offset, length, msg);
            return STOP;
        }
        int subtype = tvb.u8(offset + 2);
        ProtoItem t = tlv(tvb, lldp, offset, length,
                k.subtypeLabel() + " = " + k.subtypes().nameOr(subtype, k.unnamedSubtype()));
        ProtoItem len = t.add(TLV_LEN, tvb, offset, 2);
        offset += 2;
        if (length < 2) {
            len.expert(INCORRECT_LENGTH, "Invalid " + k.what() + " Length (" + length + "), expected > (2)");
            return STOP;
        }
        t.add(k.subtypeField(), tvb, offset, 1);
        offset++;
        String idType;
        String id;
        String subtypeName = k.subtypes().nameOr(subtype, "");
        if (subtype == k.macSubtype()) {
            if (length != 7) {
                len.expert(INCORRECT_LENGTH, "Invalid " + k.what() + " Length (" + length + ") for Type ("
                        + subtypeName + "), expected (7)");
                return STOP;
            }
            idType = "MA";
            id = AddressFormat.ether(tvb.u48(offset));
            t.add(k.mac(), tvb, offset, 6);
        } else if (subtype == k.networkSubtype()) {
            String[] out = networkAddress(tvb, t, len, offset, length, subtypeName, k.what(), k.ip4(), k.ip6(),
                    k.id());
            if (out == null) {
                return STOP;
            }
            idType = "NA";
            id = out[0];
        } else {
            if (length > 256) {
                len.expert(EXCESS_LENGTH, "Invalid " + k.what() + " Length (" + length + ") for Type (" + subtypeName
                        + "), expected < (256)");
                return STOP;
            }
            idType = k.kinds().getOrDefault(subtype, "Rs");
            id = switch (idType) {
                case "PC" -> hex(tvb, offset, length - 1);
                case "Rs" -> "Reserved";
                default -> stringzpad(tvb, offset, length - 1);
            };
            if (k.id().type() == FieldType.STRING) {
                string(t, k.id(), tvb, offset, length - 1);
            } else {
                t.add(k.id(), tvb, offset, length - 1);
            }
        }
        offset += length - 1;
        if (cols.enabled()) {
            cols.appendInfo(idType + "/" + id + " ");
        }
        if (t != lldp) {
            t.appendText(", Id: " + id);
        }
        return offset;
    }

    /**
     * A network address chassis or port ID: the family, then an IPv4 or IPv6 address or bytes.
     * Returns the ID's text, or null after marking a length that does not fit the family.
     */
    private static String[] networkAddress(Tvb tvb, ProtoItem t, ProtoItem len, int offset, int length,
            String subtypeName, String what, FieldDef ip4, FieldDef ip6, FieldDef other) {
        int family = tvb.u8(offset);
        t.add(NETWORK_ADDRESS_FAMILY, tvb, offset, 1);
        offset++;
        String familyName = ADDRESS_FAMILIES.nameOr(family, "");
        switch (family) {
            case 1 -> {
                if (length != 6) {
                    len.expert(INCORRECT_LENGTH, "Invalid " + what + " Length (" + length + ") for Type ("
                            + subtypeName + ", " + familyName + "), expected (6)");
                    return null;
                }
                String s = AddressFormat.ipv4(tvb.u32(offset));
                t.add(ip4, tvb, offset, 4);
                return new String[] {s};
            }
            case 2 -> {
                if (length != 18) {
                    len.expert(INCORRECT_LENGTH, "Invalid " + what + " Length (" + length + ") for Type ("
                            + subtypeName + ", " + familyName + "), expected (18)");
                    return null;
                }
                String s = AddressFormat.ipv6(tvb.bytes(offset, 16));
                t.add(ip6, tvb, offset, 16);
                return new String[] {s};
            }
            default -> {
                String s = hex(tvb, offset, length - 2);
                t.add(other, tvb, offset, length - 2);
                return new String[] {s};
            }
        }
    }

    private static int timeToLive(Tvb tvb, Columns cols, ProtoItem lldp, int offset) {
        int header = tvb.u16(offset);
        if (header >>> 9 != TTL) {
            return STOP;
        }
        int length = header & 0x1ff;
        int seconds = tvb.u16(offset + 2);
        if (cols.enabled()) {
            cols.appendInfo(seconds + " ");
        }
        ProtoItem t = tlv(tvb, lldp, offset, length, "Time To Live = " + seconds + " sec");
        t.add(TLV_LEN, tvb, offset, 2);
        t.add(TIME_TO_LIVE, tvb, offset + 2, 2);
        return offset + 4;
    }

    private static void end(Tvb tvb, ProtoItem lldp, int offset) {
        int length = tvb.u16(offset) & 0x1ff;
        ProtoItem t = tlv(tvb, lldp, offset, length, "End of LLDPDU");
        t.add(TLV_LEN, tvb, offset, 2);
    }

    /** Port description, system name or system description: text until a NUL. */
    private static int text(Tvb tvb, Columns cols, ProtoItem lldp, int offset, int type) {
        int length = tvb.u16(offset) & 0x1ff;
        String s = stringzpad(tvb, offset + 2, length);
        String label = type == PORT_DESCRIPTION ? "Port Description" : type == SYSTEM_NAME ? "System Name"
                : "System Description";
        ProtoItem t = tlv(tvb, lldp, offset, length, label + " = " + s);
        if (cols.enabled() && type != PORT_DESCRIPTION) {
            cols.appendInfo((type == SYSTEM_NAME ? "SysN=" : "SysD=") + s + " ");
        }
        t.add(TLV_LEN, tvb, offset, 2);
        FieldDef f = type == PORT_DESCRIPTION ? PORT_DESC : type == SYSTEM_NAME ? SYSTEM_NAME_FIELD : SYSTEM_DESC_FIELD;
        string(t, f, tvb, offset + 2, length);
        return offset + 2 + length;
    }

    private static int capabilities(Tvb tvb, ProtoItem lldp, int offset) {
        int length = tvb.u16(offset) & 0x1ff;
        ProtoItem t = tlv(tvb, lldp, offset, length, "Capabilities");
        t.add(TLV_LEN, tvb, offset, 2);
        offset += 2;
        ProtoItem system = t.add(SYSTEM_CAP, tvb, offset, 2);
        for (FieldDef f : CAPS) {
            system.add(f, tvb, offset, 2);
        }
        offset += 2;
        ProtoItem enabled = t.add(ENABLE_SYSTEM_CAP, tvb, offset, 2);
        for (FieldDef f : ENABLED_CAPS) {
            enabled.add(f, tvb, offset, 2);
        }
        return offset + 2;
    }

    private static int managementAddress(Tvb tvb, ProtoItem lldp, int offset) {
        int length = tvb.u16(offset) & 0x1ff;
        ProtoItem t = tlv(tvb, lldp, offset, length, "Management Address");
        t.add(TLV_LEN, tvb, offset, 2);
        offset += 2;
        int stringLength = tvb.u8(offset);
        t.add(MGN_ADDRESS_LEN, tvb, offset, 1);
        offset++;
        int subtype = tvb.u8(offset);
        t.add(MGN_ADDRESS_SUBTYPE, tvb, offset, 1);
        offset++;
        switch (subtype) {
            case 1 -> t.add(MGN_ADDR_IP4, tvb, offset, 4);
            case 2 -> t.add(MGN_ADDR_IP6, tvb, offset, 16);
            default -> t.add(MGN_ADDR_HEX, tvb, offset, stringLength - 1);
        }
        offset += stringLength - 1;
        t.add(MGN_INTERFACE_SUBTYPE, tvb, offset, 1);
        offset++;
        t.add(MGN_INTERFACE_NUMBER, tvb, offset, 4);
        offset += 4;
        int oidLength = tvb.u8(offset);
        t.add(MGN_OBJ_LEN, tvb, offset, 1);
        offset++;
        if (oidLength > 0) {
            ProtoItem oid = t.add(MGN_OBJ_ID, tvb, offset, oidLength);
            if (oid != t) {
                String dotted = FieldFormat.oid(tvb.bytes(offset, oidLength));
                oid.setText("Object Identifier: " + dotted + " (" + resolvedOid(dotted) + ")");
            }
            offset += oidLength;
        }
        return offset;
    }

    /**
     * An OID as tshark resolves it without MIB files: the first arc by its ITU-T/ISO name, the rest in
     * numbers ({@code iso.3.6.1.4.1.20097}).
     */
    static String resolvedOid(String dotted) {
        int dot = dotted.indexOf('.');
        String first = dot < 0 ? dotted : dotted.substring(0, dot);
        String name = switch (first) {
            case "0" -> "itu-t";
            case "1" -> "iso";
            case "2" -> "joint-iso-itu-t";
            default -> first;
        };
        return dot < 0 ? name : name + dotted.substring(dot);
    }

    /**
     * An organizationally specific TLV (IEEE 802.1AB §8.6): OUI and subtype, labelled with the OUI's
     * vendor; the IEEE 802.1 (Annex D) and 802.3 (Annex E) subtypes Dorsal knows are decoded, other
     * content stays bytes.
     */
    private static int organizationSpecific(Tvb tvb, ProtoItem lldp, int offset) {
        int length = tvb.u16(offset) & 0x1ff;
        int oui = tvb.u24(offset + 2);
        int subtype = tvb.u8(offset + 5);
        String vendor = dev.dorsal.engine.spi.EtherNames.vendor(oui);
        String prefix = (vendor != null ? vendor : "Unknown") + " - ";
        int end = offset + 2 + length;
        String name = switch (oui) {
            case OUI_IEEE_802_1 -> IEEE_802_1_SUBTYPES.nameOr(subtype,
                    String.format(Locale.ROOT, "Unknown subtype 0x%x", subtype));
            case OUI_IEEE_802_3 -> IEEE_802_3_SUBTYPES.nameOr(subtype,
                    String.format(Locale.ROOT, "Unknown subtype 0x%x", subtype));
            default -> "Unknown (" + subtype + ")";
        };
        ProtoItem t = tlv(tvb, lldp, offset, length, prefix + name);
        t.add(TLV_LEN, tvb, offset, 2);
        t.addUint(ORG_OUI, tvb, offset + 2, 3, oui);
        Tvb content = tvb.slice(offset + 6, Math.max(0, length - 4));
        switch (oui) {
            case OUI_IEEE_802_1 -> {
                t.add(IEEE_802_1_SUBTYPE, tvb, offset + 5, 1);
                ieee8021(content, t, subtype);
            }
            case OUI_IEEE_802_3 -> {
                ProtoItem st = t.add(IEEE_802_3_SUBTYPE, tvb, offset + 5, 1);
                int used = ieee8023(content, t, st, subtype);
                if (used >= 0 && content.reportedLength() > used) {
                    int rest = content.reportedLength() - used;
                    requireReported(content, used, rest);
                    ProtoItem x = t.addText(content, used, rest, EXCESS_LENGTH.summary());
                    x.expert(EXCESS_LENGTH);
                }
            }
            default -> {
                t.add(UNKNOWN_SUBTYPE, tvb, offset + 5, 1);
                if (length > 4) {
                    t.add(UNKNOWN_SUBTYPE_CONTENT, tvb, offset + 6, length - 4);
                }
            }
        }
        return end;
    }

    static final int OUI_IEEE_802_1 = 0x0080c2;
    static final int OUI_IEEE_802_3 = 0x00120f;

    /** IEEE 802.1 subtypes: port VLAN, port and protocol VLAN, VLAN name, protocol identity, aggregation. */
    private static void ieee8021(Tvb c, ProtoItem t, int subtype) {
        switch (subtype) {
            case 0x01 -> t.add(PORT_VLAN_ID, c, 0, 2);
            case 0x02 -> {
                ProtoItem flags = t.add(PPVID_FLAGS, c, 0, 1);
                flags.add(PPVID_SUPPORTED, c, 0, 1);
                flags.add(PPVID_ENABLED, c, 0, 1);
                t.add(PORT_PROTO_VLAN_ID, c, 1, 2);
            }
            case 0x03 -> {
                t.add(VLAN_ID, c, 0, 2);
                int n = c.u8(2);
                t.add(VLAN_NAME_LEN, c, 2, 1);
                if (n > 0) {
                    t.addString(VLAN_NAME, c, 3, n, AsciiText.of(c, 3, n));
                }
            }
            case 0x04 -> {
                int n = c.u8(0);
                t.add(PROTO_ID_LENGTH, c, 0, 1);
                if (n > 0) {
                    t.add(PROTO_ID, c, 1, n);
                }
            }
            case 0x07 -> {
                ProtoItem status = t.add(AGG_STATUS_1, c, 0, 1);
                status.add(AGG_CAP_1, c, 0, 1);
                status.add(AGG_ENABLED_1, c, 0, 1);
                status.add(AGG_PORTTYPE_1, c, 0, 1);
                t.add(AGG_PORT_ID_1, c, 1, 4);
            }
            default -> { }
        }
    }

    /**
     * IEEE 802.3 subtypes Dorsal decodes (link aggregation, maximum frame size, unknown ones): the bytes
     * used, so that the rest can be flagged; -1 for the subtypes left undecoded (docs/compat.md).
     */
    private static int ieee8023(Tvb c, ProtoItem t, ProtoItem subtypeItem, int subtype) {
        switch (subtype) {
            case 0x03 -> {
                subtypeItem.expert(DEPRECATED);
                ProtoItem status = t.add(AGG_STATUS_3, c, 0, 1);
                status.add(AGG_CAP_3, c, 0, 1);
                status.add(AGG_ENABLED_3, c, 0, 1);
                t.add(AGG_PORT_ID_3, c, 1, 4);
                return 5;
            }
            case 0x04 -> {
                t.add(MAX_FRAME_SIZE, c, 0, 2);
                return 2;
            }
            case 0x01 -> {
                ProtoItem status = t.add(AUTO_NEG_STATUS, c, 0, 1);
                status.add(AUTO_NEG_SUPPORTED, c, 0, 1);
                status.add(AUTO_NEG_ENABLED, c, 0, 1);
                ProtoItem caps = t.add(PMD_ADVERTISED, c, 1, 2);
                for (FieldDef f : PMD_CAP_BITS) {
                    caps.add(f, c, 1, 2);
                }
                ProtoItem inv = t.addText(c, 1, 2, "Same in inverse (wrong) bitorder");
                ProtoItem invHolder = inv == t ? t : inv;
                for (FieldDef f : PMD_CAP_BITS_INV) {
                    invHolder.add(f, c, 1, 2);
                }
                t.add(MAU_TYPE, c, 3, 2);
                return 5;
            }
            case 0x02 -> {
                ProtoItem support = t.add(MDI_POWER_SUPPORT, c, 0, 1);
                support.add(MDI_PORT_CLASS, c, 0, 1);
                support.add(MDI_SUPPORTED, c, 0, 1);
                support.add(MDI_ENABLED, c, 0, 1);
                support.add(MDI_PSE_PAIRS, c, 0, 1);
                t.add(MDI_PSE_PAIR, c, 1, 1);
                t.add(MDI_POWER_CLASS, c, 2, 1);
                return c.reportedLength() > 3 ? -1 : 3; // the 802.3at extension is not decoded
            }
            case 0x05, 0x07 -> {
                return -1;
            }
            default -> {
                return 0;
            }
        }
    }

    private static int unknown(Tvb tvb, ProtoItem lldp, int offset) {
        int length = tvb.u16(offset) & 0x1ff;
        ProtoItem t = tlv(tvb, lldp, offset, length, "Unknown TLV");
        t.add(TLV_LEN, tvb, offset, 2);
        return offset + 2 + length;
    }

    /** An ASCII string item, flagged when bytes follow a NUL inside it. */
    private static void string(ProtoItem parent, FieldDef f, Tvb tvb, int off, int len) {
        ProtoItem item = parent.addString(f, tvb, off, len, AsciiText.of(tvb, off, len));
        if (item != parent && AsciiText.strayAfterNul(tvb, off, len)) {
            item.expert(StringErrors.TRAILING_STRAY);
        }
    }

    /** tshark's tvb_format_stringzpad: the text up to the first NUL, escaped for display. */
    private static String stringzpad(Tvb tvb, int off, int len) {
        if (len <= 0) {
            return "";
        }
        int n = len;
        byte[] b = tvb.bytes(off, n); // all of it must be there, as tshark reads it
        int end = 0;
        while (end < n && b[end] != 0) {
            end++;
        }
        return FormatText.format(b, 0, end);
    }

    private static String hex(Tvb tvb, int off, int len) {
        if (len <= 0) {
            return "";
        }
        return java.util.HexFormat.of().formatHex(tvb.bytes(off, len));
    }

    /** tshark's proto_tree_add_expert_format: a text item over the TLV, labelled with the message. */
    private static void badType(Tvb tvb, ProtoItem lldp, int offset, int length, String msg) {
        requireReported(tvb, offset, length);
        ProtoItem e = lldp.addText(tvb, offset, length, msg);
        e.expert(BAD_TYPE, msg);
    }

    private static void requireReported(Tvb tvb, int off, int length) {
        if ((long) off + length > tvb.reportedLength()) {
            tvb.slice(off, length);
        }
    }
}
