package dev.dorsal.dissectors.cdp;

import dev.dorsal.dissectors.chdlc.ChdlcDissector;
import dev.dorsal.dissectors.gre.GreDissector;
import dev.dorsal.dissectors.llc.LlcDissector;
import dev.dorsal.dissectors.ppp.PppDissector;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Cisco Discovery Protocol (Cisco's CDP specification; LLC SNAP OUI 00:00:0c PID 0x2000,
 * also GRE 0x2000 and PPP 0x0207): version, TTL and checksum (verified as tshark does: the last
 * byte of an odd-length message is the low byte of the last word, a byte from 0x80 sign-extended
 * and less one), then TLVs,
 * each decoded by {@link CdpTlvs}. Info lists the device and port IDs. Filter prefix {@code cdp.}.
 *
 * <pre>
 * | version (8) | TTL (8) | checksum (16) | TLV: type (16) | length (16, header included) | value |
 * </pre>
 */
public final class CdpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Cisco Discovery Protocol", "CDP", "cdp");
    static final int PID = 0x2000;
    static final int PPP_PROTOCOL = 0x0207;

    static final ValueString TLV_TYPES = ValueString.of(0x1, "Device ID", 0x2, "Addresses", 0x3, "Port ID",
            0x4, "Capabilities", 0x5, "Software version", 0x6, "Platform", 0x7, "IP Prefix/Gateway (used for ODR)",
            0x8, "Protocol Hello", 0x9, "VTP Management Domain", 0xa, "Native VLAN", 0xb, "Duplex",
            0xe, "VoIP VLAN Reply", 0xf, "VoIP VLAN Query", 0x10, "Power consumption", 0x11, "MTU",
            0x12, "Trust Bitmap", 0x13, "Untrusted Port CoS", 0x14, "System Name", 0x15, "System Object ID",
            0x16, "Management Address", 0x17, "Location", 0x18, "External Port-ID", 0x19, "Power Requested",
            0x1a, "Power Available", 0x1b, "Port Unidirectional", 0x1d, "EnergyWise", 0x1f, "Spare PoE",
            0x1000, "BSSID", 0x1001, "Serial number", 0x1002, "SSID", 0x1003, "Radio1 channel",
            0x1006, "SNMP UDP port", 0x1007, "Web TCP port", 0x1008, "Source MAC address", 0x1009, "Radio2 channel",
            0x100a, "Radio1 Operating mode", 0x100b, "Radio2 Operating mode", 0x100c, "Radio1 Radio mode",
            0x100d, "Radio2 Radio mode");
    private static final TrueFalse ON_OFF = new TrueFalse("On", "Off");
    static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");
    static final ValueString HELLO_PIDS = ValueString.of(0x0112, "Cluster Management");
    static final ValueString PROTOCOL_TYPES = ValueString.of(0x1, "NLPID", 0x2, "802.2");
    static final ValueString NRGYZ_TLV_TYPES = ValueString.of(0x7, "Role", 0x8, "Domain", 0x9, "Name",
            0x17, "Reply To");

    static final FieldDef VERSION = FieldDef.uint8("cdp.version", "Version");
    static final FieldDef TTL = FieldDef.uint8("cdp.ttl", "TTL");
    static final FieldDef CHECKSUM = FieldDef.uint16("cdp.checksum", "Checksum").hex();
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("cdp.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef TLV_TYPE = FieldDef.uint16("cdp.tlv.type", "Type").hex().vals(TLV_TYPES);
    static final FieldDef TLV_LEN = FieldDef.uint16("cdp.tlv.len", "Length");
    static final FieldDef NRGYZ_TLV_TYPE = FieldDef.uint32("cdp.nrgyz.tlv.type", "TLV Type").hex()
            .vals(NRGYZ_TLV_TYPES);
    static final FieldDef NRGYZ_TLV_LEN = FieldDef.uint16("cdp.nrgyz.tlv.len", "TLV Length");
    static final FieldDef DEVICE_ID = FieldDef.string("cdp.deviceid", "Device ID");
    static final FieldDef PLATFORM = FieldDef.string("cdp.platform", "Platform");
    static final FieldDef PORT_ID = FieldDef.string("cdp.portid", "Sent through Interface");
    static final FieldDef CAPABILITIES = FieldDef.uint32("cdp.capabilities", "Capabilities").hex();
    static final FieldDef[] CAPABILITY_BITS = {
        cap("router", "Router", 0x1), cap("trans_bridge", "Transparent Bridge", 0x2),
        cap("src_bridge", "Source Route Bridge", 0x4), cap("switch", "Switch", 0x8), cap("host", "Host", 0x10),
        cap("igmp_capable", "IGMP capable", 0x20), cap("repeater", "Repeater", 0x40),
        cap("voip_phone", "VoIP Phone", 0x80), cap("remote", "Remotely Managed Device", 0x100),
        cap("cvta", "CVTA/STP Dispute Resolution/Cisco VT Camera", 0x200), cap("mac_relay", "Two Port Mac Relay", 0x400)};
    static final FieldDef SPARE_POE = FieldDef.uint8("cdp.spare_poe_tlv", "Spare Pair PoE").hex();
    static final FieldDef SPARE_POE_POE = FieldDef.bool("cdp.spare_poe_tlv.poe", "PSE Four-Wire PoE", 8, 0x1)
            .tfs(new TrueFalse("Supported", "Not supported"));
    static final FieldDef SPARE_POE_ARCH = FieldDef.bool("cdp.spare_poe_tlv.spare_pair_arch",
            "PD Spare Pair Architecture", 8, 0x2).tfs(new TrueFalse("Shared", "Independent"));
    static final FieldDef SPARE_POE_REQ = FieldDef.bool("cdp.spare_poe_tlv.req_spare_pair_poe",
            "PD Request Spare Pair PoE", 8, 0x4).tfs(ON_OFF);
    static final FieldDef SPARE_POE_PSE = FieldDef.bool("cdp.spare_poe_tlv.pse_spare_pair_poe", "PSE Spare Pair PoE",
            8, 0x8).tfs(ON_OFF);
    static final FieldDef NUMBER_OF_ADDRESSES = FieldDef.uint32("cdp.number_of_addresses", "Number of addresses");
    static final FieldDef ODR_DEFAULT_GATEWAY = FieldDef.ipv4("cdp.odr_default_gateway", "ODR Default gateway");
    static final FieldDef IP_PREFIX = FieldDef.ipv4("cdp.ip_prefix", "IP Prefix");
    static final FieldDef OUI = FieldDef.uint24("cdp.oui", "OUI").base(Base.OUI);
    static final FieldDef PROTOCOL_ID = FieldDef.uint16("cdp.protocol_id", "Protocol ID").hex().vals(HELLO_PIDS);
    static final FieldDef CLUSTER_MASTER_IP = FieldDef.ipv4("cdp.cluster.master_ip", "Cluster Master IP");
    static final FieldDef CLUSTER_IP = FieldDef.ipv4("cdp.cluster.ip", "IP?");
    static final FieldDef CLUSTER_VERSION = FieldDef.uint8("cdp.cluster.version", "Version?").hex();
    static final FieldDef CLUSTER_SUB_VERSION = FieldDef.uint8("cdp.cluster.sub_version", "Sub Version?").hex();
    static final FieldDef CLUSTER_STATUS = FieldDef.uint8("cdp.cluster.status", "Status?").hex();
    static final FieldDef CLUSTER_UNKNOWN = FieldDef.uint8("cdp.cluster.unknown", "UNKNOWN").hex();
    static final FieldDef CLUSTER_COMMANDER_MAC = FieldDef.ether("cdp.cluster.commander_mac",
            "Cluster Commander MAC");
    static final FieldDef CLUSTER_SWITCH_MAC = FieldDef.ether("cdp.cluster.switch_mac", "Switch's MAC");
    static final FieldDef CLUSTER_MANAGEMENT_VLAN = FieldDef.uint16("cdp.cluster.management_vlan", "Management VLAN");
    static final FieldDef HELLO_UNKNOWN = FieldDef.bytes("cdp.hello.unknown", "Unknown");
    static final FieldDef VTP_MANAGEMENT_DOMAIN = FieldDef.string("cdp.vtp_management_domain",
            "VTP Management Domain");
    static final FieldDef NATIVE_VLAN = FieldDef.uint16("cdp.native_vlan", "Native VLAN");
    static final FieldDef DUPLEX = FieldDef.bool("cdp.duplex", "Duplex", 0, 0).tfs(new TrueFalse("Full", "Half"));
    static final FieldDef DATA = FieldDef.bytes("cdp.data", "Data");
    static final FieldDef VOICE_VLAN = FieldDef.uint16("cdp.voice_vlan", "Voice VLAN");
    static final FieldDef POWER_CONSUMPTION = FieldDef.uint16("cdp.power_consumption", "Power Consumption")
            .unit("mW");
    static final FieldDef MTU = FieldDef.uint32("cdp.mtu", "MTU");
    static final FieldDef TRUST_BITMAP = FieldDef.uint8("cdp.trust_bitmap", "Trust Bitmap").hex();
    static final FieldDef UNTRUSTED_PORT_COS = FieldDef.uint8("cdp.untrusted_port_cos", "Untrusted port CoS").hex();
    static final FieldDef SYSTEM_NAME = FieldDef.string("cdp.system_name", "System Name");
    static final FieldDef SYSTEM_OBJECT_IDENTIFIER = FieldDef.bytes("cdp.system_object_identifier",
            "System Object Identifier");
    static final FieldDef LOCATION_UNKNOWN = FieldDef.uint8("cdp.location.unknown", "UNKNOWN").hex();
    static final FieldDef LOCATION = FieldDef.string("cdp.location", "Location");
    static final FieldDef REQUEST_ID = FieldDef.uint16("cdp.request_id", "Request-ID");
    static final FieldDef MANAGEMENT_ID = FieldDef.uint16("cdp.management_id", "Management-ID");
    static final FieldDef POWER_REQUESTED = FieldDef.uint32("cdp.power_requested", "Power Requested").unit("mW");
    static final FieldDef POWER_AVAILABLE = FieldDef.uint32("cdp.power_available", "Power Available").unit("mW");
    static final FieldDef ENCRYPTED_DATA = FieldDef.bytes("cdp.encrypted_data", "Encrypted Data");
    static final FieldDef SEEN_SEQUENCE = FieldDef.uint32("cdp.seen_sequence", "Seen Sequence?");
    static final FieldDef SEQUENCE_NUMBER = FieldDef.uint32("cdp.sequence_number", "Sequence Number");
    static final FieldDef MODEL_NUMBER = FieldDef.stringz("cdp.model_number", "Model Number");
    static final FieldDef UNKNOWN_PAD = FieldDef.uint16("cdp.unknown_pad", "Unknown Pad").hex();
    static final FieldDef HARDWARE_VERSION_ID = FieldDef.stringz("cdp.hardware_version_id", "Hardware Version ID");
    static final FieldDef SYSTEM_SERIAL_NUMBER = FieldDef.stringz("cdp.system_serial_number", "System Serial Number");
    static final FieldDef NRGYZ_UNKNOWN_VALUES = FieldDef.bytes("cdp.nrgyz_unknown_values", "Unknown Values");
    static final FieldDef LEN_TLV_TABLE = FieldDef.uint16("cdp.len_tlv_table", "Length of TLV table");
    static final FieldDef NUM_TLVS_TABLE = FieldDef.uint16("cdp.num_tlvs_table", "Number of TLVs in table");
    static final FieldDef PROTOCOL = FieldDef.bytes("cdp.protocol", "Protocol");
    static final FieldDef PROTOCOL_TYPE = FieldDef.uint8("cdp.protocol_type", "Protocol type").hex()
            .vals(PROTOCOL_TYPES);
    static final FieldDef PROTOCOL_LENGTH = FieldDef.uint8("cdp.protocol_length", "Protocol length");
    static final FieldDef ADDRESS = FieldDef.bytes("cdp.address", "Address");
    static final FieldDef ADDRESS_LENGTH = FieldDef.uint16("cdp.address_length", "Address length");
    static final FieldDef REPLY_TO_UNKNOWN_FIELD = FieldDef.uint16("cdp.nrgyz_reply_to.unknown_field",
            "Unknown Field").hex();
    static final FieldDef REPLY_TO_PORT = FieldDef.uint16("cdp.nrgyz_reply_to.port", "Port");
    static final FieldDef NRGYZ_IP_ADDRESS = FieldDef.ipv4("cdp.nrgyz.ip_address", "IP Address");
    static final FieldDef NRGYZ_IPV6_ADDRESS = FieldDef.ipv6("cdp.nrgyz.ipv6_address", "IPv6 Address");
    static final FieldDef REPLY_TO_IP_ADDRESS = FieldDef.ipv4("cdp.nrgyz_reply_to.ip_address", "IP Address");
    static final FieldDef REPLY_TO_BACKUP_PORT = FieldDef.uint16("cdp.nrgyz_reply_to.backup_server_port",
            "Backup server Port?");
    static final FieldDef REPLY_TO_BACKUP_IP = FieldDef.ipv4("cdp.nrgyz_reply_to.backup_server_ip",
            "Backup Server IP?");
    static final FieldDef REPLY_TO_NAME = FieldDef.stringz("cdp.nrgyz_reply_to.name", "Name");
    static final FieldDef REPLY_TO_DOMAIN = FieldDef.stringz("cdp.nrgyz_reply_to.domain", "Domain");
    static final FieldDef REPLY_TO_ROLE = FieldDef.stringz("cdp.nrgyz_reply_to.role", "Role");
    static final FieldDef SOFTWARE_VERSION = FieldDef.stringz("cdp.software_version", "Software version");

    static final List<FieldDef> FIELDS;

    static {
        List<FieldDef> f = new ArrayList<>(List.of(VERSION, TTL, CHECKSUM, CHECKSUM_STATUS_FIELD, TLV_TYPE, TLV_LEN,
                NRGYZ_TLV_TYPE, NRGYZ_TLV_LEN, DEVICE_ID, PLATFORM, PORT_ID, CAPABILITIES));
        f.addAll(List.of(CAPABILITY_BITS));
        f.addAll(List.of(SPARE_POE, SPARE_POE_POE, SPARE_POE_ARCH, SPARE_POE_REQ, SPARE_POE_PSE, NUMBER_OF_ADDRESSES,
                ODR_DEFAULT_GATEWAY, IP_PREFIX, OUI, PROTOCOL_ID, CLUSTER_MASTER_IP, CLUSTER_IP, CLUSTER_VERSION,
                CLUSTER_SUB_VERSION, CLUSTER_STATUS, CLUSTER_UNKNOWN, CLUSTER_COMMANDER_MAC, CLUSTER_SWITCH_MAC,
                CLUSTER_MANAGEMENT_VLAN, HELLO_UNKNOWN, VTP_MANAGEMENT_DOMAIN, NATIVE_VLAN, DUPLEX, DATA, VOICE_VLAN,
                POWER_CONSUMPTION, MTU, TRUST_BITMAP, UNTRUSTED_PORT_COS, SYSTEM_NAME, SYSTEM_OBJECT_IDENTIFIER,
                LOCATION_UNKNOWN, LOCATION, REQUEST_ID, MANAGEMENT_ID, POWER_REQUESTED, POWER_AVAILABLE,
                ENCRYPTED_DATA, SEEN_SEQUENCE, SEQUENCE_NUMBER, MODEL_NUMBER, UNKNOWN_PAD, HARDWARE_VERSION_ID,
                SYSTEM_SERIAL_NUMBER, NRGYZ_UNKNOWN_VALUES, LEN_TLV_TABLE, NUM_TLVS_TABLE, PROTOCOL, PROTOCOL_TYPE,
                PROTOCOL_LENGTH, ADDRESS, ADDRESS_LENGTH, REPLY_TO_UNKNOWN_FIELD, REPLY_TO_PORT, NRGYZ_IP_ADDRESS,
                NRGYZ_IPV6_ADDRESS, REPLY_TO_IP_ADDRESS, REPLY_TO_BACKUP_PORT, REPLY_TO_BACKUP_IP, REPLY_TO_NAME,
                REPLY_TO_DOMAIN, REPLY_TO_ROLE, SOFTWARE_VERSION));
        FIELDS = List.copyOf(f);
    }

    static final ExpertDef BAD_CHECKSUM = new ExpertDef("cdp.bad_checksum", "Bad checksum",
            ExpertDef.Group.CHECKSUM, ExpertDef.Severity.ERROR);
    static final ExpertDef INVALID_DATA = new ExpertDef("cdp.invalid_data", "Invalid bytes at end",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef NRGYZ_TLV_LENGTH_INVALID = new ExpertDef("cdp.nrgyz_tlv.length.invalid",
            "TLV with invalid length", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    private static FieldDef cap(String abbrev, String name, long mask) {
        return FieldDef.bool("cdp.capabilities." + abbrev, name, 32, mask).tfs(TrueFalse.YES_NO);
    }

    @Override
    public String name() {
        return "cdp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(BAD_CHECKSUM, INVALID_DATA, NRGYZ_TLV_LENGTH_INVALID));
        r.handle("cdp", PROTO, CdpDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        DissectorHandle cdp = t.handle("cdp");
        t.table(LlcDissector.CISCO_PID_TABLE).add(PID, cdp);
        t.table(GreDissector.PROTO_TABLE).add(PID, cdp);
        t.table(ChdlcDissector.PROTO_TABLE).add(PID, cdp);
        t.table(PppDissector.PROTO_TABLE).add(PPP_PROTOCOL, cdp);
    }

    private static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("CDP");
        cols.clearInfo();
        ProtoItem cdp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        cdp.add(VERSION, tvb, 0, 1);
        int ttl = tvb.u8(1);
        ProtoItem t = cdp.add(TTL, tvb, 1, 1);
        if (t != cdp && cdp.tree().detailed()) {
            t.setText("TTL: " + ttl + (ttl == 1 ? " second" : " seconds"));
        }
        checksum(tvb, cdp);
        new CdpTlvs(tvb, cols, cdp).all(4);
        return tvb.length();
    }

    /**
     * The CDP checksum over the whole message: the Internet checksum, except that an odd last byte
     * fills the low byte of the last word (from 0x80: 0xff00 | byte, less one), as tshark computes it.
     */
    static int cdpChecksum(Tvb tvb, int len) {
        long sum = 0;
        int even = len & ~1;
        for (int i = 0; i < even; i += 2) {
            sum += tvb.u16(i);
        }
        if ((len & 1) != 0) {
            int last = tvb.u8(len - 1);
            // a byte from 0x80 counts as 0xff00 | byte, less one: what tshark computes (and Cisco sends)
            sum += (last & 0x80) != 0 ? (0xff00 | last) - 1 : last;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static void checksum(Tvb tvb, ProtoItem cdp) {
        int sent = tvb.u16(2);
        if (tvb.length() < tvb.reportedLength()) {
            tvb.bytes(0, tvb.reportedLength());
        }
        ProtoItem ck = cdp.add(CHECKSUM, tvb, 2, 2);
        boolean detailed = cdp.tree().detailed();
        int status = 2;
        if (tvb.length() >= tvb.reportedLength()) {
            int len = tvb.length();
            // the sum counts the checksum field itself: a correct message sums to zero
            int computed = cdpChecksum(tvb, len);
            if (computed == 0) {
                status = 1;
                if (detailed && ck != cdp) {
                    ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x [correct]", sent));
                }
            } else {
                status = 0;
                int shouldBe = shouldBe(sent, computed);
                if (detailed && ck != cdp) {
                    ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x incorrect, should be 0x%04x", sent,
                            shouldBe));
                }
                ck.expert(BAD_CHECKSUM, String.format(Locale.ROOT, "Bad checksum [should be 0x%04x]", shouldBe));
            }
        } else {
            // tshark reads the whole message to sum it: a message cut by the snap length stops here
            tvb.bytes(0, tvb.reportedLength());
        }
        ProtoItem st = cdp.addUint(CHECKSUM_STATUS_FIELD, tvb, 2, 0, status);
        if (st != cdp) {
            st.setGenerated();
        }
    }

    /** The checksum value that would have made the sum zero (RFC 1624's in_cksum_shouldbe). */
    static int shouldBe(int sent, int computed) {
        // computed is ~(rest + sent), so sent + computed is ~rest in ones' complement arithmetic
        long sum = (sent & 0xffff) + (computed & 0xffff);
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        return (int) (sum & 0xffff);
    }
}
