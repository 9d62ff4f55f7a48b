package dev.dorsal.dissectors.rip;

import dev.dorsal.engine.spi.AddressFormat;
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

/**
 * Reads the Routing Information Protocol on UDP port 520: RIPv1 (RFC 1058) and RIPv2 (RFC 2453) with
 * their 20-byte entries, simple-password authentication and keyed MD5 (RFC 4822) with its trailing
 * authentication data. The Protocol column names the version ("RIPv1", "RIPv2", else "RIP"). Filter
 * prefix {@code rip.}.
 *
 * <pre>
 * | command (1) | version (1) | zero / routing domain (2) | entries of 20 bytes... |
 * entry: | family (2) | route tag (2) | address (4) | mask (4) | next hop (4) | metric (4) |
 * </pre>
 */
public final class RipDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Routing Information Protocol", "RIP", "rip");
    static final int PORT = 520;

    static final ValueString COMMANDS = ValueString.of(1, "Request", 2, "Response", 3, "Traceon", 4, "Traceoff",
            5, "Vendor specific (Sun)");
    static final ValueString VERSIONS = ValueString.of(1, "RIPv1", 2, "RIPv2");
    static final ValueString AUTH_TYPES = ValueString.of(1, "IP Route", 2, "Simple Password",
            3, "Keyed Message Digest");
    static final ValueString FAMILIES = ValueString.of(0, "Unspecified", 2, "IP");

    static final FieldDef COMMAND = FieldDef.uint8("rip.command", "Command").vals(COMMANDS)
            .blurb("What type of RIP Command is this");
    static final FieldDef VERSION = FieldDef.uint8("rip.version", "Version").vals(VERSIONS)
            .blurb("Version of the RIP protocol");
    static final FieldDef FAMILY = FieldDef.uint16("rip.family", "Address Family").vals(FAMILIES);
    static final FieldDef ROUTE_TAG = FieldDef.uint16("rip.route_tag", "Route Tag");
    static final FieldDef IP = FieldDef.ipv4("rip.ip", "IP Address");
    static final FieldDef NETMASK = FieldDef.ipv4("rip.netmask", "Netmask");
    static final FieldDef NEXT_HOP = FieldDef.ipv4("rip.next_hop", "Next Hop").blurb("Next Hop router for this route");
    static final FieldDef METRIC = FieldDef.uint16("rip.metric", "Metric").blurb("Metric for this route");
    static final FieldDef AUTH_TYPE = FieldDef.uint16("rip.auth.type", "Authentication type").vals(AUTH_TYPES)
            .blurb("Type of authentication");
    static final FieldDef PASSWORD = FieldDef.string("rip.auth.passwd", "Password").blurb("Authentication password");
    static final FieldDef DIGEST_OFFSET = FieldDef.uint16("rip.digest_offset", "Digest Offset");
    static final FieldDef KEY_ID = FieldDef.uint8("rip.key_id", "Key ID");
    static final FieldDef AUTH_DATA_LEN = FieldDef.uint8("rip.auth_data_len", "Auth Data Len");
    static final FieldDef SEQ_NUM = FieldDef.uint32("rip.seq_num", "Seq num");
    static final FieldDef ZERO_PADDING = FieldDef.string("rip.zero_padding", "Zero adding")
            .blurb("Authentication password");
    static final FieldDef AUTH_DATA = FieldDef.bytes("rip.authentication_data", "Authentication Data");

    static final List<FieldDef> FIELDS = List.of(COMMAND, VERSION, FAMILY, ROUTE_TAG, IP, NETMASK, NEXT_HOP, METRIC,
            AUTH_TYPE, PASSWORD, DIGEST_OFFSET, KEY_ID, AUTH_DATA_LEN, SEQ_NUM, ZERO_PADDING, AUTH_DATA);

    static final ExpertDef UNKNOWN_FAMILY = new ExpertDef("rip.unknown_address_family", "Unknown address family",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    private static final int HEADER = 4;
    private static final int ENTRY = 20;
    private static final int FAMILY_UNSPECIFIED = 0;
    private static final int FAMILY_IP = 2;
    private static final int FAMILY_AUTH = 0xffff;
    private static final int AUTH_SIMPLE = 2;
    private static final int AUTH_MD5 = 3;

    @Override
    public String name() {
        return "rip";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(UNKNOWN_FAMILY));
        r.handle("rip", PROTO, RipDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("rip"));
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int command = tvb.u8(0);
        int version = tvb.u8(1);
        Columns cols = pinfo.columns();
        cols.setProtocol(VERSIONS.nameOr(version, "RIP"));
        cols.setInfo(COMMANDS.nameOr(command, "Unknown command (" + command + ")"));
        ProtoItem rip = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        rip.add(COMMAND, tvb, 0, 1);
        rip.add(VERSION, tvb, 1, 1);
        int end = tvb.reportedLength();
        int off = HEADER;
        while (off < end) {
            int family = tvb.u16(off);
            if (family == FAMILY_AUTH) {
                int trailer = authentication(tvb, off, rip, version);
                if (trailer > 0) {
                    end = Math.min(end, trailer); // the MD5 digest trailer is not an entry
                }
            } else if (family == FAMILY_IP || family == FAMILY_UNSPECIFIED) {
                entry(tvb, off, rip, version, family);
            } else {
                String msg = "Unknown address family " + family;
                rip.addText(tvb, off, 2, msg).expert(UNKNOWN_FAMILY, msg);
            }
            off += ENTRY;
        }
        return tvb.length();
    }

    /** One route: read whole before it is shown, as tshark does. */
    private static void entry(Tvb tvb, int off, ProtoItem rip, int version, int family) {
        long metric = tvb.u32(off + 16);
        String text = family == FAMILY_IP ? "IP Address: " + AddressFormat.ipv4(tvb.u32(off + 4)) + ", Metric: " + metric
                : "Address not specified, Metric: " + metric;
        ProtoItem e = rip.addText(tvb, off, ENTRY, text);
        e.add(FAMILY, tvb, off, 2);
        if (version == 2) {
            e.add(ROUTE_TAG, tvb, off + 2, 2);
        }
        if (family == FAMILY_IP) {
            e.add(IP, tvb, off + 4, 4);
        }
        if (version == 2) {
            e.add(NETMASK, tvb, off + 8, 4);
            e.add(NEXT_HOP, tvb, off + 12, 4);
        }
        e.addUint(METRIC, tvb, off + 18, 2, tvb.u16(off + 18));
    }

    /** An authentication entry; returns where a keyed-MD5 digest trailer starts, else 0. */
    private static int authentication(Tvb tvb, int off, ProtoItem rip, int version) {
        int type = tvb.u16(off + 2);
        ProtoItem a = rip.addText(tvb, off, ENTRY, "Authentication: " + AUTH_TYPES.nameOr(type, "Unknown (" + type + ")"));
        a.add(AUTH_TYPE, tvb, off + 2, 2);
        if (type == AUTH_SIMPLE) {
            a.addString(PASSWORD, tvb, off + 4, 16, cString(tvb, off + 4, 16));
        } else if (type == AUTH_MD5) {
            int digestOffset = tvb.u16(off + 4);
            a.add(DIGEST_OFFSET, tvb, off + 4, 2);
            a.add(KEY_ID, tvb, off + 6, 1);
            int dlen = tvb.u8(off + 7);
            a.add(AUTH_DATA_LEN, tvb, off + 7, 1);
            a.add(SEQ_NUM, tvb, off + 8, 4);
            a.addString(ZERO_PADDING, tvb, off + 12, 8, cString(tvb, off + 12, 8));
            ProtoItem t = a.addText(tvb, digestOffset, 4 + dlen, "Authentication Data Trailer");
            t.add(AUTH_DATA, tvb, digestOffset + 4, dlen);
            return digestOffset;
        }
        return 0;
    }

    /** The bytes up to the first NUL, as tshark shows a fixed-size password field. */
    static String cString(Tvb tvb, int off, int len) {
        String s = tvb.ascii(off, len);
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}
