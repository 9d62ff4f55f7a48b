package dev.dorsal.dissectors.vrrp;

import dev.dorsal.dissectors.icmp.Checksums;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Virtual Router Redundancy Protocol (IP protocol 112): VRRPv2 (RFC 3768, with RFC 2338's
 * authentication data) and VRRPv3 (RFC 5798) advertisements over IPv4 and IPv6. The checksum is
 * verified as tshark does by default: VRRPv3 over the IP pseudo-header, other versions over the
 * message alone. Filter prefix {@code vrrp.}.
 *
 * <pre>
 * | version (4) | type (4) | VRID (8) | priority (8) | count (8) |
 * v2: | auth type (8) | adver int (8) | checksum (16) | addresses | auth data (8) |
 * v3: | reserved (4) | max adver int, centiseconds (12) | checksum (16) | addresses |
 * </pre>
 */
public final class VrrpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Virtual Router Redundancy Protocol", "VRRP", "vrrp");
    static final int IP_PROTO = 112;

    static final ValueString TYPES = ValueString.of(1, "Advertisement");
    static final ValueString AUTH_TYPES = ValueString.of(0, "No Authentication",
            1, "Simple Text Authentication [RFC 2338] / Reserved [RFC 3768]",
            2, "IP Authentication Header [RFC 2338] / Reserved [RFC 3768]", 254, "Cisco VRRP MD5 authentication");
    static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");

    static final FieldDef TYPEVER = FieldDef.uint8("vrrp.typever", "VRRP message version and type")
            .blurb("VRRP version and type");
    static final FieldDef VERSION = FieldDef.uint8("vrrp.version", "VRRP protocol version").mask(0xf0)
            .blurb("VRRP version");
    static final FieldDef TYPE = FieldDef.uint8("vrrp.type", "VRRP packet type").mask(0x0f).vals(TYPES)
            .blurb("VRRP type");
    static final FieldDef VRID = FieldDef.uint8("vrrp.virt_rtr_id", "Virtual Rtr ID")
            .blurb("Virtual router this packet is reporting status for");
    static final FieldDef PRIO = FieldDef.uint8("vrrp.prio", "Priority")
            .blurb("Sending VRRP router's priority for the virtual router");
    static final FieldDef ADDR_COUNT = FieldDef.uint8("vrrp.addr_count", "Addr Count")
            .blurb("The number of addresses contained in this VRRP advertisement");
    static final FieldDef CHECKSUM = FieldDef.uint16("vrrp.checksum", "Checksum").hex()
            .blurb("Used to detect data corruption in the VRRP message");
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("vrrp.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef AUTH_TYPE = FieldDef.uint8("vrrp.auth_type", "Auth Type").vals(AUTH_TYPES)
            .blurb("The authentication method being utilized");
    static final FieldDef ADVER_INT = FieldDef.uint8("vrrp.adver_int", "Adver Int")
            .blurb("Time interval (in seconds) between ADVERTISEMENTS");
    static final FieldDef RESERVED = FieldDef.uint8("vrrp.reserved_mbz", "Reserved").mask(0xf0)
            .blurb("Must be zero");
    static final FieldDef SHORT_ADVER_INT = FieldDef.uint16("vrrp.short_adver_int", "Adver Int").mask(0x0fff)
            .blurb("Time interval (in centiseconds) between ADVERTISEMENTS");
    static final FieldDef IP_ADDR = FieldDef.ipv4("vrrp.ip_addr", "IP Address")
            .blurb("IP address associated with the virtual router");
    static final FieldDef IPV6_ADDR = FieldDef.ipv6("vrrp.ipv6_addr", "IPv6 Address")
            .blurb("IPv6 address associated with the virtual router");
    static final FieldDef AUTH_STRING = FieldDef.string("vrrp.auth_string", "Authentication String");
    static final FieldDef MD5_AUTH_DATA = FieldDef.bytes("vrrp.md5_auth_data", "MD5 Authentication Data")
            .blurb("MD5 digest string is contained.");

    static final List<FieldDef> FIELDS = List.of(TYPEVER, VERSION, TYPE, VRID, PRIO, ADDR_COUNT, CHECKSUM,
            CHECKSUM_STATUS_FIELD, AUTH_TYPE, ADVER_INT, RESERVED, SHORT_ADVER_INT, IP_ADDR, IPV6_ADDR, AUTH_STRING,
            MD5_AUTH_DATA);

    static final ExpertDef CHECKSUM_BAD = new ExpertDef("vrrp.checksum_bad.expert", "Bad checksum",
            ExpertDef.Group.CHECKSUM, ExpertDef.Severity.WARN);

    private static final int AUTH_SIMPLE_TEXT = 1;
    private static final int AUTH_CISCO_MD5 = 254;
    private static final int AUTH_DATA_LEN = 8;
    private static final int MD5_DATA_LEN = 16;

    @Override
    public String name() {
        return "vrrp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(CHECKSUM_BAD));
        r.handle("vrrp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(Ipv4Dissector.PROTO_TABLE).add(IP_PROTO, t.handle("vrrp"));
    }

    /** tshark's note after the priority: what the value means to the election (RFC 5798 §5.2.4). */
    static String priorityMeaning(int prio) {
        return switch (prio) {
            case 0 -> "Current Master has stopped participating in VRRP";
            case 100 -> "Default priority for a backup VRRP router";
            case 255 -> "This VRRP router owns the virtual router's IP address(es)";
            default -> "Non-default backup priority";
        };
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("VRRP");
        cols.clearInfo();
        int typever = tvb.u8(0);
        int version = typever >> 4;
        cols.setInfo("Announcement (v" + version + ")");
        ProtoItem vrrp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        tvb.u16(6); // tshark reads the checksum before it adds any field
        boolean detailed = vrrp.tree().detailed();
        ProtoItem tv = vrrp.add(TYPEVER, tvb, 0, 1);
        if (detailed && tv != vrrp) {
            int type = typever & 0x0f;
            tv.setText(String.format(Locale.ROOT, "Version %d, Packet type %d (%s)", version, type,
                    TYPES.nameOr(type, "Unknown")));
        }
        tv.add(VERSION, tvb, 0, 1);
        tv.add(TYPE, tvb, 0, 1);
        vrrp.add(VRID, tvb, 1, 1);
        int prio = tvb.u8(2);
        ProtoItem p = vrrp.add(PRIO, tvb, 2, 1);
        if (detailed && p != vrrp) {
            p.setText("Priority: " + prio + " (" + priorityMeaning(prio) + ")");
        }
        int count = tvb.u8(3);
        vrrp.add(ADDR_COUNT, tvb, 3, 1);
        int authType = 0;
        if (version == 3) {
            vrrp.add(RESERVED, tvb, 4, 1);
            vrrp.add(SHORT_ADVER_INT, tvb, 4, 2);
        } else {
            authType = tvb.u8(4);
            vrrp.add(AUTH_TYPE, tvb, 4, 1);
            vrrp.add(ADVER_INT, tvb, 5, 1);
        }
        boolean six = pinfo.netSrc() != null && pinfo.netSrc().bytes().length == 16;
        checksum(tvb, pinfo, vrrp, version == 3, six);
        int off = 8;
        int size = six ? 16 : 4;
        for (int i = 0; i < count; i++) {
            vrrp.add(six ? IPV6_ADDR : IP_ADDR, tvb, off, size);
            off += size;
        }
        // tshark reads the authentication data only while building a tree, the text one without a length check
        if (vrrp.tree().treeless()) {
            return tvb.length();
        }
        if (authType == AUTH_SIMPLE_TEXT) {
            vrrp.add(AUTH_STRING, tvb, off, AUTH_DATA_LEN);
        } else if (authType == AUTH_CISCO_MD5 && tvb.reportedLength() - off >= MD5_DATA_LEN) {
            vrrp.add(MD5_AUTH_DATA, tvb, off, MD5_DATA_LEN);
        }
        return tvb.length();
    }

    /** Verifies the Internet checksum over the whole message when all of it was captured. */
    private static void checksum(Tvb tvb, PacketInfo pinfo, ProtoItem vrrp, boolean pseudo, boolean six) {
        int sent = tvb.u16(6);
        ProtoItem ck = vrrp.addUint(CHECKSUM, tvb, 6, 2, sent);
        boolean detailed = vrrp.tree().detailed();
        int status = 2;
        int len = tvb.length();
        if (len >= tvb.reportedLength()) {
            long initial = pseudo ? pseudoHeader(pinfo, len, six) : 0;
            status = Checksums.verdict(ck, sent, Checksums.shouldBe(initial, tvb, 0, len, 6), CHECKSUM_BAD,
                    detailed);
        } else if (detailed) {
            ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x [unverified]", sent));
        }
        ProtoItem st = vrrp.addUint(CHECKSUM_STATUS_FIELD, tvb, 6, 0, status);
        if (st != vrrp) {
            st.setGenerated();
        }
    }

    /** The IPv4 (RFC 768) or IPv6 (RFC 8200 §8.1) pseudo-header sum, with next header 112. */
    private static long pseudoHeader(PacketInfo pinfo, int length, boolean six) {
        byte[] src = pinfo.netSrc().bytes();
        byte[] dst = pinfo.netDst().bytes();
        long sum = 0;
        for (int i = 0; i + 1 < src.length; i += 2) {
            sum += ((src[i] & 0xff) << 8) | (src[i + 1] & 0xff);
            sum += ((dst[i] & 0xff) << 8) | (dst[i + 1] & 0xff);
        }
        return sum + (length >>> 16) + (length & 0xffff) + IP_PROTO;
    }
}
