package dev.dorsal.dissectors.nflog;

import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.frame.FrameDissector;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads what Linux's netfilter log (the NFLOG target, {@code nfnetlink_log}) hands to libpcap
 * (LINKTYPE_NFLOG 239, WTAP_ENCAP_NFLOG 141): a 4-byte header (address family, version, resource id,
 * the log group) and netlink attributes (TLVs). The attributes' length and type are in the capturing
 * host's byte order, read little-endian here as tshark on x86 does; their values are in network
 * order, each padded to 4 bytes. The packet itself (NFULA_PAYLOAD) goes to IPv4 or IPv6 by the family
 * once every attribute is shown. Like tshark, NFLOG builds its subtree only when it is shown or a
 * filter, -e or tap names it. Filter prefix {@code nflog.}; see linux/netfilter/nfnetlink_log.h.
 *
 * <pre>
 * | family (8) | version (8) | resource id (16, big-endian) |
 * | TLV: length (16, host order) | type (16, host order; 15 bits) | value … | padding to 4 | …
 * </pre>
 */
public final class NflogDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Linux Netfilter NFLOG", "NFLOG", "nflog");

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final ValueString FAMILIES = ValueString.of(0, "Unspecified", 1, "IPv4/IPv6", AF_INET, "IPv4", 3, "ARP",
            5, "Netdev", 7, "Bridge", AF_INET6, "IPv6", 12, "DECNET");

    static final int PACKET_HDR = 1;
    static final int TIMESTAMP = 3;
    static final int IFINDEX_INDEV = 4;
    static final int IFINDEX_OUTDEV = 5;
    static final int IFINDEX_PHYSINDEV = 6;
    static final int IFINDEX_PHYSOUTDEV = 7;
    static final int PAYLOAD = 9;
    static final int PREFIX = 10;
    static final int UID = 11;
    static final int GID = 14;
    static final ValueString TLV_TYPES = ValueString.builder()
            .add(0, "NFULA_UNSPEC")
            .add(PACKET_HDR, "NFULA_PACKET_HDR")
            .add(2, "NFULA_MARK")
            .add(TIMESTAMP, "NFULA_TIMESTAMP")
            .add(IFINDEX_INDEV, "NFULA_IFINDEX_INDEV")
            .add(IFINDEX_OUTDEV, "NFULA_IFINDEX_OUTDEV")
            .add(IFINDEX_PHYSINDEV, "NFULA_IFINDEX_PHYSINDEV")
            .add(IFINDEX_PHYSOUTDEV, "NFULA_IFINDEX_PHYSOUTDEV")
            .add(8, "NFULA_HWADDR")
            .add(PAYLOAD, "NFULA_PAYLOAD")
            .add(PREFIX, "NFULA_PREFIX")
            .add(UID, "NFULA_UID")
            .add(12, "NFULA_SEQ")
            .add(13, "NFULA_SEQ_GLOBAL")
            .add(GID, "NFULA_GID")
            .add(15, "NFULA_HWTYPE")
            .add(16, "NFULA_HWHEADER")
            .add(17, "NFULA_HWLEN")
            .build();
    static final ValueString HOOKS = ValueString.of(0, "Pre-routing", 1, "Local in", 2, "Forward", 3, "Local out",
            4, "Post-routing", 5, "Number of hooks");

    static final FieldDef FAMILY = FieldDef.uint8("nflog.family", "Family").vals(FAMILIES);
    static final FieldDef VERSION = FieldDef.uint8("nflog.version", "Version");
    static final FieldDef RES_ID = FieldDef.uint16("nflog.res_id", "Resource id");
    static final FieldDef TLV = FieldDef.bytes("nflog.tlv", "TLV");
    static final FieldDef TLV_LENGTH = FieldDef.uint16("nflog.tlv_length", "Length").blurb("TLV Length");
    static final FieldDef TLV_TYPE = FieldDef.uint16("nflog.tlv_type", "Type").mask(0x7fff).vals(TLV_TYPES)
            .blurb("TLV Type");
    static final FieldDef HW_PROTOCOL = FieldDef.uint16("nflog.protocol", "HW protocol").hex().vals(EtherTypes.NAMES);
    static final FieldDef HOOK = FieldDef.uint8("nflog.hook", "Netfilter hook").vals(HOOKS);
    static final FieldDef IFINDEX_INDEV_F = FieldDef.uint32("nflog.ifindex_indev", "IFINDEX_INDEV");
    static final FieldDef IFINDEX_OUTDEV_F = FieldDef.uint32("nflog.ifindex_outdev", "IFINDEX_OUTDEV");
    static final FieldDef IFINDEX_PHYSINDEV_F = FieldDef.uint32("nflog.ifindex_physindev", "IFINDEX_PHYSINDEV");
    static final FieldDef IFINDEX_PHYSOUTDEV_F = FieldDef.uint32("nflog.ifindex_physoutdev", "IFINDEX_PHYSOUTDEV");
    static final FieldDef PREFIX_F = FieldDef.stringz("nflog.prefix", "Prefix").blurb("TLV Prefix Value");
    static final FieldDef UID_F = FieldDef.int32("nflog.uid", "UID").blurb("TLV UID Value");
    static final FieldDef GID_F = FieldDef.int32("nflog.gid", "GID").blurb("TLV GID Value");
    static final FieldDef TIMESTAMP_F = FieldDef.absoluteTime("nflog.timestamp", "Timestamp")
            .blurb("TLV Timestamp Value");
    static final FieldDef TLV_VALUE = FieldDef.bytes("nflog.tlv_value", "Value").blurb("TLV Value");

    static final List<FieldDef> FIELDS = List.of(FAMILY, VERSION, RES_ID, TLV, TLV_LENGTH, TLV_TYPE, HW_PROTOCOL,
            HOOK, IFINDEX_INDEV_F, IFINDEX_OUTDEV_F, IFINDEX_PHYSINDEV_F, IFINDEX_PHYSOUTDEV_F, PREFIX_F, UID_F, GID_F,
            TIMESTAMP_F, TLV_VALUE);

    private static final int HEADER = 4;
    private static final int TLV_HEADER = 4;

    private DissectorHandle ip;
    private DissectorHandle ipv6;
    private DissectorHandle data;

    @Override
    public String name() {
        return "nflog";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("nflog", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        ip = t.handle("ip");
        ipv6 = t.handle("ipv6");
        data = t.handle("data");
        t.table(FrameDissector.ENCAP_TABLE).add(WtapEncap.NFLOG, t.handle("nflog"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("NFLOG");
        pinfo.columns().clearInfo();
        // As in tshark, the subtree (and the errors only it raises) exists only when NFLOG is shown or
        // asked for; the attribute headers are read either way, to find the packet.
        ProtoItem item = null;
        if (treeWanted(tree)) {
            item = tree.addProtocol(PROTO, tvb, 0, tvb.length());
            item.add(FAMILY, tvb, 0, 1);
            item.add(VERSION, tvb, 1, 1);
            item.add(RES_ID, tvb, 2, 2);
        }
        Tvb payload = null;
        int off = HEADER;
        // The packet's length, not what was captured, says whether another attribute follows, so a
        // cut header is a short packet. The kernel never writes an attribute shorter than its own
        // header; tshark stops at one.
        while (tvb.reportedLength() - off >= TLV_HEADER) {
            int len = tvb.u16le(off);
            if (len < TLV_HEADER) {
                break;
            }
            int type = tvb.u16le(off + 2) & 0x7fff;
            if (item != null) {
                tvb.bytes(off, len);
                ProtoItem tlv = item.add(TLV, tvb, off, len).setText(tlvLabel(type, len));
                tlv.addLE(TLV_LENGTH, tvb, off, 2);
                tlv.addLE(TLV_TYPE, tvb, off + 2, 2);
                if (type != PAYLOAD) {
                    value(tvb, tlv, type, off + TLV_HEADER, len - TLV_HEADER);
                }
            }
            if (type == PAYLOAD) {
                payload = tvb.slice(off + TLV_HEADER, len - TLV_HEADER);
            }
            off += align(len);
        }
        if (payload != null) {
            DissectorHandle next = switch (tvb.u8(0)) {
                case AF_INET -> ip;
                case AF_INET6 -> ipv6;
                default -> data;
            };
            pinfo.call(next, payload, tree);
        }
        return tvb.length();
    }

    /** True when details are shown or a filter, -e or tap names NFLOG or one of its fields. */
    private static boolean treeWanted(ProtoItem tree) {
        PacketTree t = tree.tree();
        if (t.interest() == null || t.asked(PROTO.field())) {
            return true;
        }
        for (FieldDef f : FIELDS) {
            if (t.asked(f)) {
                return true;
            }
        }
        return false;
    }

    /** Shows an attribute's value: decoded for the types and sizes tshark decodes, else as bytes. */
    private static void value(Tvb tvb, ProtoItem tlv, int type, int off, int len) {
        FieldDef f = switch (type) {
            case IFINDEX_INDEV -> IFINDEX_INDEV_F;
            case IFINDEX_OUTDEV -> IFINDEX_OUTDEV_F;
            case IFINDEX_PHYSINDEV -> IFINDEX_PHYSINDEV_F;
            case IFINDEX_PHYSOUTDEV -> IFINDEX_PHYSOUTDEV_F;
            case UID -> UID_F;
            case GID -> GID_F;
            default -> null;
        };
        if (type == PACKET_HDR && len == 4) {
            tlv.add(HW_PROTOCOL, tvb, off, 2);
            tlv.add(HOOK, tvb, off + 2, 1);
        } else if (type == TIMESTAMP && len == 16) {
            tlv.addTime(TIMESTAMP_F, tvb, off, 16, timestampNanos(tvb.u64(off), tvb.u64(off + 8)));
        } else if (f != null && len == 4) {
            tlv.add(f, tvb, off, 4);
        } else if (type == PREFIX && len > 0) {
            tlv.add(PREFIX_F, tvb, off, len);
        } else {
            tlv.add(TLV_VALUE, tvb, off, len);
        }
    }

    /** The label of an attribute's subtree. */
    static String tlvLabel(int type, int len) {
        return "TLV Type: " + TLV_TYPES.nameOr(type, "Unknown") + " (" + type + "), Length: " + len;
    }

    /** Attributes start on 4-byte boundaries (NLA_ALIGN). */
    static int align(int len) {
        return (len + 3) & ~3;
    }

    /** NFULA_TIMESTAMP's seconds and microseconds as nanoseconds since the epoch. */
    static long timestampNanos(long sec, long usec) {
        return sec * 1_000_000_000L + usec * 1_000L;
    }
}
