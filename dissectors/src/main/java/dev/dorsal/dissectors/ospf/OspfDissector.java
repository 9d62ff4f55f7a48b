package dev.dorsal.dissectors.ospf;

import dev.dorsal.dissectors.ip.Ipv4Dissector;
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
 * Reads OSPF (IP protocol 89): OSPFv2 (RFC 2328) over IPv4 and OSPFv3 (RFC 5340) over IPv6, the common
 * header with its checksum verified as tshark does (v2 over the packet without the authentication
 * field, v3 with the IPv6 pseudo-header), v2 authentication, and the Hello, DB Description, LS
 * Request, LS Update and LS Acknowledge bodies; LSAs are read by {@link OspfLsa}. Filter prefix
 * {@code ospf.}.
 *
 * <pre>
 * | version (1) | type (1) | length (2) | router ID (4) | area ID (4) | checksum (2) |
 * v2: | auth type (2) | auth (8) |          v3: | instance ID (1) | reserved (1) |
 * </pre>
 */
public final class OspfDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Open Shortest Path First", "OSPF", "ospf");
    static final int IP_PROTO = 89;

    static final ValueString MSG_TYPES = ValueString.of(1, "Hello Packet", 2, "DB Description", 3, "LS Request",
            4, "LS Update", 5, "LS Acknowledge");
    static final ValueString AUTH_TYPES = ValueString.of(0, "Null", 1, "Simple password", 2, "Cryptographic");

    static final FieldDef HEADER = FieldDef.none("ospf.header", "OSPF Header");
    static final FieldDef VERSION = FieldDef.uint8("ospf.version", "Version");
    static final FieldDef MSG = FieldDef.uint8("ospf.msg", "Message Type").vals(MSG_TYPES);
    static final FieldDef MSG_HELLO = FieldDef.bool("ospf.msg.hello", "Hello");
    static final FieldDef MSG_DBDESC = FieldDef.bool("ospf.msg.dbdesc", "Database Description");
    static final FieldDef MSG_LSREQ = FieldDef.bool("ospf.msg.lsreq", "Link State Adv Request");
    static final FieldDef MSG_LSUPDATE = FieldDef.bool("ospf.msg.lsupdate", "Link State Adv Update");
    static final FieldDef MSG_LSACK = FieldDef.bool("ospf.msg.lsack", "Link State Adv Acknowledgement");
    static final FieldDef PACKET_LENGTH = FieldDef.uint16("ospf.packet_length", "Packet Length");
    static final FieldDef SRC_ROUTER = FieldDef.ipv4("ospf.srcrouter", "Source OSPF Router");
    static final FieldDef AREA_ID = FieldDef.ipv4("ospf.area_id", "Area ID");
    static final FieldDef CHECKSUM = FieldDef.uint16("ospf.checksum", "Checksum").hex();
    static final FieldDef AUTH_TYPE = FieldDef.uint16("ospf.auth.type", "Auth Type").vals(AUTH_TYPES);
    static final FieldDef AUTH_NONE = FieldDef.bytes("ospf.auth.none", "Auth Data (none)");
    static final FieldDef AUTH_SIMPLE = FieldDef.string("ospf.auth.simple", "Auth Data (Simple)");
    static final FieldDef AUTH_KEY_ID = FieldDef.uint8("ospf.auth.crypt.key_id", "Auth Crypt Key id");
    static final FieldDef AUTH_DATA_LENGTH = FieldDef.uint8("ospf.auth.crypt.data_length", "Auth Crypt Data Length");
    static final FieldDef AUTH_SEQ = FieldDef.uint32("ospf.auth.crypt.seq_nbr", "Auth Crypt Sequence Number");
    static final FieldDef AUTH_DATA = FieldDef.bytes("ospf.auth.crypt.data", "Auth Crypt Data");
    static final FieldDef AUTH_UNKNOWN = FieldDef.bytes("ospf.auth.unknown", "Auth Unknown");
    static final FieldDef INSTANCE_ID = FieldDef.uint8("ospf.instance_id", "Instance ID");
    static final FieldDef RESERVED = FieldDef.bytes("ospf.reserved", "Reserved").blurb("Must be zero");
    static final FieldDef HELLO = FieldDef.none("ospf.hello", "OSPF Hello Packet");
    static final FieldDef NETWORK_MASK = FieldDef.ipv4("ospf.hello.network_mask", "Network Mask");
    static final FieldDef INTERFACE_ID = FieldDef.uint32("ospf.hello.interface_id", "Interface ID");
    static final FieldDef HELLO_INTERVAL = FieldDef.uint32("ospf.hello.hello_interval", "Hello Interval [sec]");
    static final FieldDef ROUTER_PRIORITY = FieldDef.uint8("ospf.hello.router_priority", "Router Priority");
    static final FieldDef DEAD_INTERVAL = FieldDef.uint32("ospf.hello.router_dead_interval",
            "Router Dead Interval [sec]");
    static final FieldDef DR = FieldDef.ipv4("ospf.hello.designated_router", "Designated Router");
    static final FieldDef BDR = FieldDef.ipv4("ospf.hello.backup_designated_router", "Backup Designated Router");
    static final FieldDef NEIGHBOR = FieldDef.ipv4("ospf.hello.active_neighbor", "Active Neighbor");
    static final FieldDef MTU = FieldDef.uint16("ospf.db.interface_mtu", "Interface MTU");
    static final FieldDef DBD = FieldDef.uint8("ospf.dbd", "DB Description").hex();
    static final FieldDef DBD_R = FieldDef.bool("ospf.dbd.r", "(R) OOBResync", 8, 0x08).tfs(TrueFalse.SET);
    static final FieldDef DBD_I = FieldDef.bool("ospf.dbd.i", "(I) Init", 8, 0x04).tfs(TrueFalse.SET);
    static final FieldDef DBD_M = FieldDef.bool("ospf.dbd.m", "(M) More", 8, 0x02).tfs(TrueFalse.SET);
    static final FieldDef DBD_MS = FieldDef.bool("ospf.dbd.ms", "(MS) Master", 8, 0x01).tfs(TrueFalse.YES_NO);
    static final FieldDef DD_SEQUENCE = FieldDef.uint32("ospf.db.dd_sequence", "DD Sequence");
    static final FieldDef NUMBER_OF_LSAS = FieldDef.uint32("ospf.ls.number_of_lsas", "Number of LSAs");

    static final List<FieldDef> FIELDS = List.of(HEADER, VERSION, MSG, MSG_HELLO, MSG_DBDESC, MSG_LSREQ,
            MSG_LSUPDATE, MSG_LSACK, PACKET_LENGTH, SRC_ROUTER, AREA_ID, CHECKSUM, AUTH_TYPE, AUTH_NONE, AUTH_SIMPLE,
            AUTH_KEY_ID, AUTH_DATA_LENGTH, AUTH_SEQ, AUTH_DATA, AUTH_UNKNOWN, INSTANCE_ID, RESERVED, HELLO,
            NETWORK_MASK, INTERFACE_ID, HELLO_INTERVAL, ROUTER_PRIORITY, DEAD_INTERVAL, DR, BDR, NEIGHBOR, MTU, DBD,
            DBD_R, DBD_I, DBD_M, DBD_MS, DD_SEQUENCE, NUMBER_OF_LSAS);

    static final ExpertDef LLS_MISSING = new ExpertDef("ospf.lsa.invalid_length", "Invalid length",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    private DissectorHandle data;

    private static final int HELLO_TYPE = 1;
    private static final int DBD_TYPE = 2;
    private static final int LSREQ_TYPE = 3;
    private static final int LSUPDATE_TYPE = 4;
    private static final int LSACK_TYPE = 5;
    private static final int AUTH_CRYPT = 2;

    @Override
    public String name() {
        return "ospf";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(OspfOptions.FIELDS);
        all.addAll(OspfLsa.FIELDS);
        all.addAll(OspfLsaV3.FIELDS);
        all.addAll(OspfLls.FIELDS);
        r.fields(PROTO, all);
        r.experts(PROTO, List.of(LLS_MISSING, OspfLsa.UNKNOWN_TYPE, OspfLsaV3.RESERVED_NOT_ZERO));
        r.handle("ospf", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(Ipv4Dissector.PROTO_TABLE).add(IP_PROTO, t.handle("ospf"));
        data = t.handle("data");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("OSPF");
        cols.clearInfo();
        int version = tvb.u8(0);
        int type = tvb.u8(1);
        cols.setInfo(MSG_TYPES.nameOr(type, "Unknown (" + type + ")"));
        int length = tvb.u16(2);
        int hlen = version == 2 ? 24 : version == 3 ? 16 : 14;
        ProtoItem ospf = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        ProtoItem hdr = ospf.add(HEADER, tvb, 0, clamp(tvb, 0, hlen));
        hdr.add(VERSION, tvb, 0, 1);
        hdr.add(MSG, tvb, 1, 1);
        FieldDef hidden = switch (type) {
            case HELLO_TYPE -> MSG_HELLO;
            case DBD_TYPE -> MSG_DBDESC;
            case LSREQ_TYPE -> MSG_LSREQ;
            case LSUPDATE_TYPE -> MSG_LSUPDATE;
            case LSACK_TYPE -> MSG_LSACK;
            default -> null;
        };
        if (hidden != null) {
            ProtoItem h = hdr.addBool(hidden, tvb, 1, 1, true);
            if (h != hdr) {
                h.setHidden();
            }
        }
        hdr.add(PACKET_LENGTH, tvb, 2, 2);
        hdr.add(SRC_ROUTER, tvb, 4, 4);
        ProtoItem area = hdr.add(AREA_ID, tvb, 8, 4);
        if (tvb.u32(8) == 0 && area != hdr) {
            area.appendText(" (Backbone)");
        }
        int sent = tvb.u16(12);
        ProtoItem ck = hdr.add(CHECKSUM, tvb, 12, 2);
        int authType = version == 2 ? tvb.u16(14) : 0;
        if (sent == 0 || (version == 2 && authType == AUTH_CRYPT) || (version != 2 && version != 3)) {
            ck.appendText(" (None)");
        } else {
            int good = version == 2 ? checksumV2(tvb) : checksumV3(tvb, pinfo, length);
            ck.appendText(good == sent ? " [correct]"
                    : String.format(Locale.ROOT, " [incorrect, should be 0x%04x]", good));
        }
        if (version == 2) {
            authentication(tvb, hdr, authType, length);
        } else if (version == 3) {
            int instance = tvb.u8(14);
            hdr.add(INSTANCE_ID, tvb, 14, 1).setText("Instance ID: " + instanceName(instance) + " (" + instance + ")");
            hdr.add(RESERVED, tvb, 15, 1);
        } else {
            return tvb.length();
        }
        int end = Math.min(length, tvb.reportedLength());
        switch (type) {
            case HELLO_TYPE -> {
                hello(tvb, ospf, version, hlen, length);
                lls(tvb, ospf, version, hlen + (version == 2 ? 6 : 5), length);
            }
            case DBD_TYPE -> {
                dbd(tvb, ospf, version, hlen, end);
                lls(tvb, ospf, version, hlen + (version == 2 ? 2 : 1), length);
            }
            case LSREQ_TYPE -> lsRequest(tvb, ospf, version, hlen, end);
            case LSUPDATE_TYPE -> lsUpdate(tvb, ospf, version, hlen, end);
            case LSACK_TYPE -> {
                for (int off = hlen; off < end; off += OspfLsa.HEADER_SIZE) {
                    OspfLsa.dissect(tvb, off, ospf, version, false);
                }
            }
            default -> pinfo.call(data, tvb.slice(hlen), tree);
        }
        return tvb.length();
    }

    static int clamp(Tvb tvb, int off, int len) {
        return Math.max(0, Math.min(len, tvb.length() - off));
    }

    /** tshark's name for an OSPFv3 instance ID range (RFC 5838). */
    static String instanceName(int id) {
        if (id < 32) {
            return "IPv6 unicast AF";
        } else if (id < 64) {
            return "IPv6 multicast AF";
        } else if (id < 96) {
            return "IPv4 unicast AF";
        } else if (id < 128) {
            return "IPv4 multicast AF";
        }
        return "Reserved";
    }

    private static void authentication(Tvb tvb, ProtoItem hdr, int authType, int length) {
        hdr.add(AUTH_TYPE, tvb, 14, 2);
        switch (authType) {
            case 0 -> hdr.add(AUTH_NONE, tvb, 16, 8);
            case 1 -> {
                String s = tvb.ascii(16, 8);
                int nul = s.indexOf('\0');
                hdr.addString(AUTH_SIMPLE, tvb, 16, 8, nul < 0 ? s : s.substring(0, nul));
            }
            case AUTH_CRYPT -> {
                hdr.add(AUTH_KEY_ID, tvb, 18, 1);
                int dlen = tvb.u8(19);
                hdr.add(AUTH_DATA_LENGTH, tvb, 19, 1);
                hdr.add(AUTH_SEQ, tvb, 20, 4);
                if (dlen > 0 && tvb.has(length, dlen)) {
                    hdr.add(AUTH_DATA, tvb, length, dlen);
                }
            }
            default -> hdr.add(AUTH_UNKNOWN, tvb, 16, 8);
        }
    }

    /**
     * The Internet checksum of an OSPFv2 packet without its 8-byte authentication field (RFC 2328 D.4),
     * over all the bytes there are, as tshark sums them: an LLS block after the packet counts, a packet
     * cut short counts as far as it goes.
     */
    static int checksumV2(Tvb tvb) {
        int end = tvb.length();
        long sum = 0;
        for (int i = 0; i < end; i += 2) {
            if ((i >= 16 && i < 24) || i == 12) {
                continue;
            }
            sum += i + 1 < end ? tvb.u16(i) : tvb.u8(i) << 8;
        }
        return fold(sum);
    }

    /** The OSPFv3 checksum over the IPv6 pseudo-header (RFC 5340 §2.5). */
    static int checksumV3(Tvb tvb, PacketInfo pinfo, int length) {
        long sum = 0;
        if (pinfo.netSrc() != null && pinfo.netDst() != null) {
            byte[] src = pinfo.netSrc().bytes();
            byte[] dst = pinfo.netDst().bytes();
            for (int i = 0; i + 1 < src.length; i += 2) {
                sum += ((src[i] & 0xff) << 8) | (src[i + 1] & 0xff);
                sum += ((dst[i] & 0xff) << 8) | (dst[i + 1] & 0xff);
            }
        }
        // the pseudo-header carries the packet's own length, the sum covers the bytes there are
        sum += (length >>> 16) + (length & 0xffff) + IP_PROTO;
        int end = tvb.length();
        for (int i = 0; i < end; i += 2) {
            if (i == 12) {
                continue;
            }
            sum += i + 1 < end ? tvb.u16(i) : tvb.u8(i) << 8;
        }
        return fold(sum);
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static void hello(Tvb tvb, ProtoItem ospf, int version, int off, int length) {
        ProtoItem h = ospf.add(HELLO, tvb, off, clamp(tvb, off, length - off));
        if (version == 2) {
            h.add(NETWORK_MASK, tvb, off, 4);
            h.addUint(HELLO_INTERVAL, tvb, off + 4, 2, tvb.u16(off + 4));
            OspfOptions.v2(tvb, off + 6, h, false);
            h.add(ROUTER_PRIORITY, tvb, off + 7, 1);
            h.add(DEAD_INTERVAL, tvb, off + 8, 4);
            h.add(DR, tvb, off + 12, 4);
            h.add(BDR, tvb, off + 16, 4);
            off += 20;
        } else {
            h.add(INTERFACE_ID, tvb, off, 4);
            h.add(ROUTER_PRIORITY, tvb, off + 4, 1);
            OspfOptions.v3(tvb, off + 5, h);
            h.addUint(HELLO_INTERVAL, tvb, off + 8, 2, tvb.u16(off + 8));
            h.addUint(DEAD_INTERVAL, tvb, off + 10, 2, tvb.u16(off + 10));
            h.add(DR, tvb, off + 12, 4);
            h.add(BDR, tvb, off + 16, 4);
            off += 20;
        }
        while (off < length) {
            h.add(NEIGHBOR, tvb, off, 4);
            off += 4;
        }
    }

    /** The LLS data block after a Hello or DB Description whose options (at {@code optionsOff}) have L set. */
    private static void lls(Tvb tvb, ProtoItem ospf, int version, int optionsOff, int length) {
        boolean l = version == 2 ? (tvb.u8(optionsOff) & 0x10) != 0 : (tvb.u24(optionsOff) & 0x200) != 0;
        if (!l) {
            return;
        }
        if (tvb.reportedLength() - length >= 4) {
            OspfLls.dissect(tvb, length, ospf);
        } else {
            String msg = "LLS option bit set but data block missing";
            ospf.addText(tvb, tvb.length(), 0, msg).expert(LLS_MISSING, msg);
        }
    }

    private static void dbd(Tvb tvb, ProtoItem ospf, int version, int off, int end) {
        ProtoItem d = ospf.addText(tvb, off, clamp(tvb, off, end - off), "OSPF DB Description");
        if (version == 2) {
            d.add(MTU, tvb, off, 2);
            OspfOptions.v2(tvb, off + 2, d, false);
            dbdFlags(tvb, off + 3, d);
            d.add(DD_SEQUENCE, tvb, off + 4, 4);
            off += 8;
        } else {
            d.add(RESERVED, tvb, off, 1);
            OspfOptions.v3(tvb, off + 1, d);
            d.add(MTU, tvb, off + 4, 2);
            d.add(RESERVED, tvb, off + 6, 1);
            dbdFlags(tvb, off + 7, d);
            d.add(DD_SEQUENCE, tvb, off + 8, 4);
            off += 12;
        }
        for (; off < end; off += OspfLsa.HEADER_SIZE) {
            OspfLsa.dissect(tvb, off, ospf, version, false);
        }
    }

    private static void dbdFlags(Tvb tvb, int off, ProtoItem parent) {
        int flags = tvb.u8(off);
        ProtoItem f = parent.add(DBD, tvb, off, 1);
        StringBuilder sb = new StringBuilder();
        if ((flags & 0x08) != 0) {
            sb.append(", (R) OOBResync");
        }
        if ((flags & 0x04) != 0) {
            sb.append(", (I) Init");
        }
        if ((flags & 0x02) != 0) {
            sb.append(", (M) More");
        }
        if ((flags & 0x01) != 0) {
            sb.append(", (MS) Master");
        }
        f.appendText(sb.toString());
        f.add(DBD_R, tvb, off, 1);
        f.add(DBD_I, tvb, off, 1);
        f.add(DBD_M, tvb, off, 1);
        f.add(DBD_MS, tvb, off, 1);
    }

    private static void lsRequest(Tvb tvb, ProtoItem ospf, int version, int off, int end) {
        for (; off < end; off += 12) {
            ProtoItem r = ospf.addText(tvb, off, clamp(tvb, off, 12), "Link State Request");
            if (version == 2) {
                r.addUint(OspfLsa.LS_TYPE, tvb, off, 4, tvb.u32(off));
            } else {
                r.add(RESERVED, tvb, off, 2);
                OspfLsa.v3Type(tvb, off + 2, r);
            }
            r.add(OspfLsa.LINK_STATE_ID, tvb, off + 4, 4);
            r.add(OspfLsa.ADV_ROUTER, tvb, off + 8, 4);
        }
    }

    private static void lsUpdate(Tvb tvb, ProtoItem ospf, int version, int off, int end) {
        ProtoItem u = ospf.addText(tvb, off, clamp(tvb, off, end - off), "LS Update Packet");
        long count = tvb.u32(off);
        u.add(NUMBER_OF_LSAS, tvb, off, 4);
        off += 4;
        for (long i = 0; i < count; i++) {
            off = OspfLsa.dissect(tvb, off, u, version, true);
        }
    }
}
