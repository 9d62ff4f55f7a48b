package dev.dorsal.dissectors.ip;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.frame.AddressColumns;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Key;
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

/**
 * Reads an IPv4 header (RFC 791) with its options, reassembles fragments, and hands the payload to
 * the dissector registered for its protocol number in the {@code ip.proto} table (declared here;
 * TCP, UDP, ICMP… bind themselves into it), or to data. Returns the total length so Ethernet can show
 * the rest as padding. EtherType 0x0800. Filter prefix {@code ip.}.
 *
 * <pre>
 * | ver (4) | IHL (4) | DS field (8) | total length (16)              |
 * | identification (16)             | flags (3) | fragment offset (13)|
 * | TTL (8) | protocol (8) | header checksum (16)                     |
 * | source address (32) | destination address (32) | options …       |
 * </pre>
 */
public final class Ipv4Dissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Internet Protocol Version 4", "IPv4", "ip");

    static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");

    // Version is drawn with its bit picture, as tshark's bits item does; the mask only serves that.
    /** tshark adds IPv4's version bit by bit (PDML shows the whole byte as its value). */
    static final FieldDef VERSION = FieldDef.uint8("ip.version", "Version").mask(0xf0).bitItem();
    static final FieldDef HDR_LEN = FieldDef.uint8("ip.hdr_len", "Header Length");
    static final FieldDef DSFIELD = FieldDef.uint8("ip.dsfield", "Differentiated Services Field").hex();
    static final FieldDef DSCP = FieldDef.uint8("ip.dsfield.dscp", "Differentiated Services Codepoint").mask(0xfc)
            .vals(Dscp.NAMES);
    static final FieldDef ECN = FieldDef.uint8("ip.dsfield.ecn", "Explicit Congestion Notification").mask(0x03)
            .vals(Dscp.ECN_NAMES);
    static final FieldDef LEN = FieldDef.uint16("ip.len", "Total Length");
    static final FieldDef ID = FieldDef.uint16("ip.id", "Identification").hexDec();
    static final FieldDef DST = FieldDef.ipv4("ip.dst", "Destination Address");
    static final FieldDef DST_HOST = FieldDef.string("ip.dst_host", "Destination Host");
    static final FieldDef SRC = FieldDef.ipv4("ip.src", "Source Address");
    static final FieldDef SRC_HOST = FieldDef.string("ip.src_host", "Source Host");
    static final FieldDef ADDR = FieldDef.ipv4("ip.addr", "Source or Destination Address");
    static final FieldDef HOST = FieldDef.string("ip.host", "Source or Destination Host");
    static final FieldDef FLAGS = FieldDef.uint8("ip.flags", "Flags").hex().mask(0xe0);
    static final FieldDef FLAGS_RB = FieldDef.bool("ip.flags.rb", "Reserved bit", 8, 0x80);
    static final FieldDef FLAGS_DF = FieldDef.bool("ip.flags.df", "Don't fragment", 8, 0x40);
    static final FieldDef FLAGS_MF = FieldDef.bool("ip.flags.mf", "More fragments", 8, 0x20);
    static final FieldDef FRAG_OFFSET = FieldDef.uint16("ip.frag_offset", "Fragment Offset").mask(0x1fff);
    static final FieldDef TTL = FieldDef.uint8("ip.ttl", "Time to Live");
    static final FieldDef PROTOCOL = FieldDef.uint8("ip.proto", "Protocol").vals(IpProtocols.NAMES);
    static final FieldDef CHECKSUM = FieldDef.uint16("ip.checksum", "Header Checksum").hex();
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("ip.checksum.status", "Header checksum status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef CUR_RT = FieldDef.ipv4("ip.cur_rt", "Current Route");
    static final FieldDef CUR_RT_HOST = FieldDef.string("ip.cur_rt_host", "Current Route Host");
    static final FieldDef FRAGMENT = FieldDef.framenum("ip.fragment", "IPv4 Fragment");
    static final FieldDef FRAGMENTS = FieldDef.bytes("ip.fragments", "IPv4 Fragments");
    static final FieldDef FRAGMENT_OVERLAP = FieldDef.bool("ip.fragment.overlap", "Fragment overlap")
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef FRAGMENT_COUNT = FieldDef.uint32("ip.fragment.count", "Fragment count");
    static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint32("ip.reassembled.length", "Reassembled IPv4 length");
    static final FieldDef REASSEMBLED_DATA = FieldDef.bytes("ip.reassembled.data", "Reassembled IPv4 data");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("ip.reassembled_in", "Reassembled IPv4 in frame");

    static final List<FieldDef> HEADER_FIELDS = List.of(VERSION, HDR_LEN, DSFIELD, DSCP, ECN, LEN, ID, DST, DST_HOST,
            SRC, SRC_HOST, ADDR, HOST, FLAGS, FLAGS_RB, FLAGS_DF, FLAGS_MF, FRAG_OFFSET, TTL, PROTOCOL, CHECKSUM,
            CHECKSUM_STATUS_FIELD, CUR_RT, CUR_RT_HOST, FRAGMENT, FRAGMENTS, FRAGMENT_OVERLAP, FRAGMENT_COUNT,
            REASSEMBLED_LENGTH, REASSEMBLED_DATA, REASSEMBLED_IN);
    static final List<FieldDef> FIELDS = concat(HEADER_FIELDS, Ipv4Options.FIELDS);

    static final ExpertDef BOGUS_VERSION = new ExpertDef("ip.bogus_ip_version", "Bogus IP version",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef BOGUS_HEADER_LENGTH = new ExpertDef("ip.bogus_header_length", "Bogus IP header length",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef BOGUS_LENGTH = new ExpertDef("ip.bogus_ip_length", "Bogus IP length",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef TTL_LNCB = new ExpertDef("ip.ttl.lncb", "Time To Live", ExpertDef.Group.SEQUENCE,
            ExpertDef.Severity.NOTE);
    static final ExpertDef TTL_TOO_SMALL = new ExpertDef("ip.ttl.too_small", "Time To Live",
            ExpertDef.Group.SEQUENCE, ExpertDef.Severity.NOTE);

    static final List<ExpertDef> EXPERTS = concat(List.of(BOGUS_VERSION, BOGUS_HEADER_LENGTH, BOGUS_LENGTH, TTL_LNCB,
            TTL_TOO_SMALL), Ipv4Options.EXPERTS);

    /** Name of the table IP payload protocols bind into (shared with IPv6's next header). */
    public static final String PROTO_TABLE = "ip.proto";

    static final Reassembler.Fields FRAGMENT_FIELDS = new Reassembler.Fields("IPv4", FRAGMENTS, FRAGMENT,
            FRAGMENT_OVERLAP, FRAGMENT_COUNT, REASSEMBLED_LENGTH, REASSEMBLED_DATA);
    private static final Key<Reassembler> REASSEMBLY = Key.of("ip.reassembly");
    private static final Key<int[]> LAST_TTL = Key.of("ip.last_ttl");

    /** What options need to know about the header they belong to. */
    record Header(int ttl) {}

    private static final int MIN_HEADER = 20;
    private static final int MF = 0x2000;
    private static final int OFFSET_MASK = 0x1fff;

    /** The handle the EtherType table uses: IPv4 whatever the version says (dissect_ip_v4). */
    public static final String V4_HANDLE = "ipv4";

    private DissectorTable protoTable;
    private DissectorHandle dataHandle;
    private DissectorHandle ipv6Handle;

    @Override
    public String name() {
        return "ip";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, EXPERTS);
        protoTable = r.newTable(PROTO_TABLE, "IP protocol", FieldType.UINT8, Base.DEC);
        r.handle("ip", PROTO, this::dissectIp);
        r.handle(V4_HANDLE, PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        dataHandle = t.handle("data");
        ipv6Handle = t.handle("ipv6");
        // As in tshark, the EtherType goes straight to IPv4; other tables take "ip", which looks
        // at the version first.
        t.table(EthertypeDissector.NAME).add(EtherTypes.IPV4, t.handle(V4_HANDLE));
        // IP in IP (RFC 2003).
        protoTable.add(4, t.handle("ip"));
    }

    /** The "ip" handle: IPv4 or IPv6 by the version nibble (a short packet names neither). */
    private int dissectIp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int version = tvb.u8(0) >>> 4;
        if (version == 4) {
            return dissect(tvb, pinfo, tree);
        }
        if (version == 6 && ipv6Handle != null) {
            return pinfo.call(ipv6Handle, tvb, tree);
        }
        ProtoItem ip = tree.addProtocol(PROTO, tvb, 0, 1, "Internet Protocol, bogus version (" + version + ")");
        Items.add(ip, VERSION, tvb, 0, 1).expert(BOGUS_VERSION);
        pinfo.columns().setProtocol("IP");
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("Bogus IP version (" + version + ")");
        }
        return 1;
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("IPv4");
        pinfo.columns().clearInfo();
        boolean detailed = tree.tree().detailed();
        boolean cols = pinfo.columns().enabled();
        int b0 = tvb.u8(0);

        int version = b0 >>> 4;
        int hlen = (b0 & 0x0f) * 4;
        ProtoItem ip = tree.addProtocol(PROTO, tvb, 0, hlen);
        ProtoItem versionItem = Items.add(ip, VERSION, tvb, 0, 1);
        if (version != 4) {
            if (cols) {
                pinfo.columns().setInfo("Bogus IPv4 version (" + version + ", must be 4)");
            }
            versionItem.expert(BOGUS_VERSION, "Bogus IPv4 version");
            if (version == 6 && ipv6Handle != null) {
                pinfo.call(ipv6Handle, tvb, tree);
            }
            return tvb.length();
        }
        ProtoItem hlenItem = ip.addUint(HDR_LEN, tvb, 0, 1, hlen);
        if (detailed) {
            hlenItem.setText(BitLabel.of(b0, 0x0f, 8) + " = Header Length: " + hlen + " bytes (" + (hlen >> 2) + ")");
        }
        if (hlen < MIN_HEADER) {
            String msg = "Bogus IP header length (" + hlen + ", must be at least " + MIN_HEADER + ")";
            if (cols) {
                pinfo.columns().setInfo(msg);
            }
            hlenItem.expert(BOGUS_HEADER_LENGTH, msg);
            return tvb.length();
        }

        int tos = tvb.u8(1);
        ProtoItem ds = Items.add(ip, DSFIELD, tvb, 1, 1);
        if (detailed) {
            ds.appendText(" (" + Dscp.summary(tos) + ")");
        }
        Items.add(ds, DSCP, tvb, 1, 1);
        Items.add(ds, ECN, tvb, 1, 1);

        int totalLength = tvb.u16(2);
        int actualLength = -1;
        if (totalLength < hlen) {
            if (totalLength == 0) {
                // TCP segmentation offload leaves the length zero; take the frame's word for it.
                totalLength = tvb.reportedLength();
                ProtoItem li = ip.addUint(LEN, tvb, 2, 2, totalLength);
                if (li != ip) {
                    li.setGenerated();
                    if (detailed) {
                        li.setText("Total Length: " + totalLength
                                + " bytes (reported as 0, presumed to be because of \"TCP segmentation offload\" (TSO))");
                    }
                }
            } else {
                if (cols) {
                    pinfo.columns().setInfo("Bogus IP length (" + totalLength + ", less than header length " + hlen + ")");
                }
                ProtoItem li = ip.addUint(LEN, tvb, 2, 2, totalLength);
                if (detailed) {
                    li.setText("Total Length: " + totalLength + " bytes (bogus, less than header length " + hlen + ")");
                }
                li.expert(BOGUS_LENGTH);
                return tvb.length();
            }
        } else {
            ProtoItem li = Items.add(ip, LEN, tvb, 2, 2);
            if (totalLength > tvb.reportedLength()) {
                if (!ErrorPacket.inside(pinfo)) {
                    li.expert(BOGUS_LENGTH, "IPv4 total length exceeds packet length (" + tvb.reportedLength() + " bytes)");
                }
            } else {
                actualLength = totalLength;
                tvb = tvb.withReportedLength(totalLength);
            }
        }

        int id = tvb.u16(4);
        Items.add(ip, ID, tvb, 4, 2);
        int off = tvb.u16(6);
        ProtoItem flags = Items.add(ip, FLAGS, tvb, 6, 1);
        if (detailed) {
            flags.appendText(flagNames(off >>> 13));
        }
        Items.add(flags, FLAGS_RB, tvb, 6, 1);
        Items.add(flags, FLAGS_DF, tvb, 6, 1);
        Items.add(flags, FLAGS_MF, tvb, 6, 1);
        int fragOffset = (off & OFFSET_MASK) * 8;
        // The field holds the header's 13-bit count of 8-byte units (filters compare that); the label shows bytes.
        ProtoItem fo = ip.addUint(FRAG_OFFSET, tvb, 6, 2, off & OFFSET_MASK);
        if (detailed) {
            fo.setText(BitLabel.of(off, OFFSET_MASK, 16) + " = Fragment Offset: " + fragOffset);
        }
        int ttl = tvb.u8(8);
        pinfo.state(LAST_TTL, () -> new int[1])[0] = ttl;
        ProtoItem ttlItem = Items.add(ip, TTL, tvb, 8, 1);
        int proto = tvb.u8(9);
        Items.add(ip, PROTOCOL, tvb, 9, 1);
        int checksum = tvb.u16(10);
        ProtoItem ck = ip.addUint(CHECKSUM, tvb, 10, 2, checksum);
        if (detailed) {
            ck.setText("Header Checksum: 0x" + hex4(checksum) + " [validation disabled]");
        }
        generated(ip, ip.addUint(CHECKSUM_STATUS_FIELD, tvb, 10, 0, 2));

        // As tshark: the source is set (address and label) before the destination is read.
        long src = tvb.u32(12);
        Address srcAddress = Address.ipv4(src);
        Address outerDst = pinfo.dst();
        pinfo.setNetAddresses(srcAddress, pinfo.netDst());
        pinfo.setAddresses(srcAddress, outerDst);
        AddressColumns.sourceSet(pinfo);
        if (detailed) {
            ip.setText("Internet Protocol Version 4, Src: " + AddressFormat.ipv4(src));
        }
        addAddress(tvb, 12, ip, src, SRC, SRC_HOST);

        int dstOffset = hlen > MIN_HEADER ? Ipv4Options.finalDestinationOffset(tvb, MIN_HEADER, hlen - MIN_HEADER) : 0;
        long dst = tvb.u32(16 + dstOffset);
        pinfo.setNetAddresses(srcAddress, Address.ipv4(dst));
        AddressColumns.destinationSet(pinfo);
        ttlExpert(ttlItem, ttl, proto, dst);
        if (detailed) {
            ip.appendText(", Dst: " + AddressFormat.ipv4(dst));
            if (dstOffset != 0) {
                ip.appendText(", Via: " + AddressFormat.ipv4(tvb.u32(16)));
            }
        }
        if (dstOffset != 0) {
            long cur = tvb.u32(16);
            ip.addUint(CUR_RT, tvb, 16, 4, cur);
            hidden(ip, ip.addString(CUR_RT_HOST, tvb, 16, 4, ip.tree().wants(CUR_RT_HOST) ? AddressFormat.ipv4(cur) : null));
        } else {
            addDestination(tvb, 16, ip);
        }

        if (hlen > MIN_HEADER) {
            int optlen = hlen - MIN_HEADER;
            // Like Wireshark's subtree, the options item needs all of its bytes.
            if (!tvb.has(MIN_HEADER, optlen)) {
                tvb.bytes(MIN_HEADER, optlen);
            }
            ProtoItem options = ip.addText(tvb, MIN_HEADER, optlen, "Options: (" + optlen + " bytes)");
            Ipv4Options.dissect(tvb, MIN_HEADER, optlen, pinfo, options, new Header(ttl));
        }

        int claimed = actualLength >= 0 ? actualLength : tvb.reportedLength();
        boolean fragment = (off & (MF | OFFSET_MASK)) != 0;
        Tvb payload = tvb.slice(hlen);
        if (fragment) {
            Tvb whole = null;
            if (totalLength > hlen && tvb.has(hlen, totalLength - hlen)) {
                Reassembler r = pinfo.state(REASSEMBLY, () -> new Reassembler(FRAGMENT_FIELDS));
                whole = r.add(new Reassembler.DatagramKey(ipv4Bytes(src), ipv4Bytes(dst), proto, id), payload,
                        fragOffset, (off & MF) != 0, pinfo, ip);
            } else if ((off & OFFSET_MASK) == 0) {
                whole = payload; // a first fragment that cannot be stored is dissected on its own
            }
            if (whole == null) {
                if (cols) {
                    pinfo.columns().setInfo("Fragmented IP protocol (proto=" + IpProtocols.NAMES.nameOr(proto, "Unknown")
                            + " " + proto + ", off=" + fragOffset + ", ID=" + hex4(id) + ")");
                }
                long in = Reassembler.reassembledLater(pinfo, FRAGMENT_FIELDS);
                if (in != 0) {
                    ProtoItem item = ip.addUint(REASSEMBLED_IN, tvb, 0, 0, in);
                    if (item != ip) {
                        item.setGenerated();
                    }
                    if (cols) {
                        pinfo.columns().appendInfo(" [Reassembled in #" + in + "]");
                    }
                }
                pinfo.call(dataHandle, payload, tree);
                return claimed;
            }
            payload = whole;
        }
        if (payload.reportedLength() > 0
                && Dispatch.tryDissect(protoTable, proto, payload, pinfo, tree, ErrorPacket.inside(pinfo))
                        == Dispatch.DECLINED) {
            if (cols) {
                pinfo.columns().setInfo(IpProtocols.NAMES.nameOr(proto, "Unknown") + " (" + proto + ")");
            }
            pinfo.call(dataHandle, payload, tree);
        }
        return claimed;
    }

    /** TTL of the IPv4 header dissected last in the current packet, for ICMP's "ttl=64" in Info. */
    public static int lastTtl(PacketInfo pinfo) {
        return pinfo.state(LAST_TTL, () -> new int[1])[0];
    }

    /**
     * Hides the last IPv4 header's TTL from what follows (-1): a header between IP and ICMP, such as
     * IPsec AH, passes tshark's ICMP no IP header, so its Info shows no "ttl=".
     */
    public static void forgetTtl(PacketInfo pinfo) {
        pinfo.state(LAST_TTL, () -> new int[1])[0] = -1;
    }

    /** Adds the destination address with its hidden copies (also used for a source route's final hop). */
    static void addDestination(Tvb tvb, int off, ProtoItem parent) {
        addAddress(tvb, off, parent, tvb.u32(off), DST, DST_HOST);
    }

    private static void addAddress(Tvb tvb, int off, ProtoItem parent, long a, FieldDef field, FieldDef host) {
        parent.addUint(field, tvb, off, 4, a);
        ProtoItem any = parent.addUint(ADDR, tvb, off, 4, a);
        if (any != parent) {
            any.setHidden();
        }
        boolean names = parent.tree().wants(host) || parent.tree().wants(HOST);
        String text = names ? AddressFormat.ipv4(a) : null;
        hidden(parent, parent.addString(host, tvb, off, 4, text));
        hidden(parent, parent.addString(HOST, tvb, off, 4, text));
    }

    /** RFC 3171: local network control traffic should have TTL 1; elsewhere a TTL under 5 is noted. */
    private static void ttlExpert(ProtoItem ttlItem, int ttl, int proto, long dst) {
        if ((dst & 0xffffff00L) == 0xe0000000L) {
            int valid = 1;
            if (proto != 2) {
                if (dst == 0xe0000012L || dst == 0xe0000066L || dst == 0xe00000fbL) {
                    valid = 255; // VRRP, GLBP and mDNS send with TTL 255
                } else if (dst == 0xe00000fcL) {
                    valid = -1; // LLMNR accepts any TTL
                }
            }
            if (valid >= 0 && ttl != valid) {
                ttlItem.expert(TTL_LNCB, "\"Time To Live\" != " + valid
                        + " for a packet sent to the Local Network Control Block (see RFC 3171)");
            }
        } else if (ttl < 5 && (dst & 0xf0000000L) != 0xe0000000L && proto != 103 && proto != 89) {
            ttlItem.expert(TTL_TOO_SMALL, "\"Time To Live\" only " + ttl);
        }
    }

    private static String flagNames(int flags) {
        StringBuilder sb = new StringBuilder();
        if ((flags & 4) != 0) {
            sb.append(", Reserved bit");
        }
        if ((flags & 2) != 0) {
            sb.append(", Don't fragment");
        }
        if ((flags & 1) != 0) {
            sb.append(", More fragments");
        }
        return sb.toString();
    }

    private static byte[] ipv4Bytes(long a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    static String hex4(int v) {
        String s = Integer.toHexString(v);
        return "0000".substring(Math.min(4, s.length())) + s;
    }

    private static void hidden(ProtoItem parent, ProtoItem child) {
        if (child != parent) {
            child.setGenerated().setHidden();
        }
    }

    private static void generated(ProtoItem parent, ProtoItem child) {
        if (child != parent) {
            child.setGenerated();
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
