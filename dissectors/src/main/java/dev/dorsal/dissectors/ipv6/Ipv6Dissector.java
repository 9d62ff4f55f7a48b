package dev.dorsal.dissectors.ipv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.frame.AddressColumns;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.ip.Dscp;
import dev.dorsal.dissectors.ip.ErrorPacket;
import dev.dorsal.dissectors.ip.IpProtocols;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.dissectors.ip.Reassembler;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fixed 40-byte IPv6 header (RFC 8200) and hands the payload to the next header's dissector
 * in the {@code ip.proto} table, which IPv6 shares with IPv4: extension headers (hop-by-hop,
 * routing, fragment, destination options) are dissectors there too and put their items inside the
 * IPv6 tree. Shows what addresses embed (6to4, Teredo, SLAAC MAC, ISATAP, RFC 6052 IPv4). Returns
 * 40 + payload length so Ethernet can show padding. EtherType 0x86dd, IP protocol 41. Filter prefix
 * {@code ipv6.}.
 *
 * <pre>
 * | version (4) | traffic class (8) | flow label (20)                 |
 * | payload length (16)   | next header (8) | hop limit (8)           |
 * | source address (128) | destination address (128) | …             |
 * </pre>
 */
public final class Ipv6Dissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Internet Protocol Version 6", "IPv6", "ipv6");

    static final FieldDef VERSION = FieldDef.uint8("ipv6.version", "Version").mask(0xf0).bitItem();
    /**
     * IPv6's own {@code ip.version}, added hidden so "ip.version == 6" matches: tshark registers it
     * in IPv6 (EK names it {@code ipv6_ip_version}) with a mask, beside IPv4's bit item.
     */
    static final FieldDef IP_VERSION = FieldDef.uint8("ip.version", "Version").mask(0xf0);
    static final FieldDef TCLASS = FieldDef.uint32("ipv6.tclass", "Traffic Class").hex().mask(0x0ff00000);
    static final FieldDef TCLASS_DSCP = FieldDef.uint32("ipv6.tclass.dscp", "Differentiated Services Codepoint")
            .mask(0x0fc00000).vals(Dscp.NAMES);
    static final FieldDef TCLASS_ECN = FieldDef.uint32("ipv6.tclass.ecn", "Explicit Congestion Notification")
            .mask(0x00300000).vals(Dscp.ECN_NAMES);
    static final FieldDef FLOW = FieldDef.uint24("ipv6.flow", "Flow Label").hex().mask(0x0fffff);
    static final FieldDef PLEN = FieldDef.uint16("ipv6.plen", "Payload Length");
    static final FieldDef NXT = FieldDef.uint8("ipv6.nxt", "Next Header").vals(IpProtocols.NAMES);
    static final FieldDef HLIM = FieldDef.uint8("ipv6.hlim", "Hop Limit");
    static final FieldDef SRC = FieldDef.ipv6("ipv6.src", "Source Address");
    static final FieldDef SRC_HOST = FieldDef.string("ipv6.src_host", "Source Host");
    static final FieldDef DST = FieldDef.ipv6("ipv6.dst", "Destination Address");
    static final FieldDef DST_HOST = FieldDef.string("ipv6.dst_host", "Destination Host");
    static final FieldDef ADDR = FieldDef.ipv6("ipv6.addr", "Source or Destination Address");
    static final FieldDef HOST = FieldDef.string("ipv6.host", "Source or Destination Host");
    static final FieldDef FRAGMENT = FieldDef.framenum("ipv6.fragment", "IPv6 Fragment");
    static final FieldDef FRAGMENTS = FieldDef.none("ipv6.fragments", "IPv6 Fragments");
    static final FieldDef FRAGMENT_OVERLAP = FieldDef.bool("ipv6.fragment.overlap", "Fragment overlap")
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef FRAGMENT_COUNT = FieldDef.uint32("ipv6.fragment.count", "Fragment count");
    static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint32("ipv6.reassembled.length", "Reassembled IPv6 length");
    static final FieldDef REASSEMBLED_DATA = FieldDef.bytes("ipv6.reassembled.data", "Reassembled IPv6 data");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("ipv6.reassembled.in", "Reassembled IPv6 in frame");

    static final List<FieldDef> HEADER_FIELDS = List.of(VERSION, IP_VERSION, TCLASS, TCLASS_DSCP, TCLASS_ECN, FLOW, PLEN, NXT,
            HLIM, SRC, SRC_HOST, DST, DST_HOST, ADDR, HOST, FRAGMENT, FRAGMENTS, FRAGMENT_OVERLAP, FRAGMENT_COUNT,
            REASSEMBLED_LENGTH, REASSEMBLED_DATA, REASSEMBLED_IN);
    static final List<FieldDef> FIELDS = concat(concat(HEADER_FIELDS, Ipv6Addresses.FIELDS), Ipv6Options.FIELDS);

    static final ExpertDef BOGUS_VERSION = new ExpertDef("ipv6.bogus_ipv6_version", "Bogus IP version",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef PLEN_EXCEEDS_FRAMING = new ExpertDef("ipv6.plen_exceeds_framing",
            "IPv6 payload length does not match expected framing length", ExpertDef.Group.PROTOCOL,
            ExpertDef.Severity.WARN);
    static final ExpertDef PLEN_ZERO = new ExpertDef("ipv6.plen_zero",
            "IPv6 payload length equals 0 (maybe because of \"TCP segmentation offload\" (TSO))",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.CHAT);

    static final ExpertDef INVALID_HEADER = new ExpertDef("ipv6.invalid_header", "Invalid IPv6 header",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final List<ExpertDef> EXPERTS = concat(List.of(BOGUS_VERSION, PLEN_EXCEEDS_FRAMING, PLEN_ZERO, INVALID_HEADER),
            Ipv6Options.EXPERTS);

    static final Reassembler.Fields FRAGMENT_FIELDS = new Reassembler.Fields("IPv6", FRAGMENTS, FRAGMENT,
            FRAGMENT_OVERLAP, FRAGMENT_COUNT, REASSEMBLED_LENGTH, REASSEMBLED_DATA);
    static final Key<Reassembler> REASSEMBLY = Key.of("ipv6.reassembly");
    private static final Key<int[]> LAST_HOP_LIMIT = Key.of("ipv6.last_hlim");

    private static final int HEADER = 40;
    private static final int NO_NEXT_HEADER = 59;

    private DissectorTable protoTable;
    private DissectorHandle dataHandle;

    @Override
    public String name() {
        return "ipv6";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, EXPERTS);
        r.handle("ipv6", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        protoTable = t.table(Ipv4Dissector.PROTO_TABLE);
        dataHandle = t.handle("data");
        DissectorHandle self = t.handle("ipv6");
        t.table(EthertypeDissector.NAME).add(EtherTypes.IPV6, self);
        protoTable.add(IpProtocols.IPV6, self);
    }

    /** Hop limit of the IPv6 header dissected last in the current packet, for ICMPv6's Info. */
    public static int lastHopLimit(PacketInfo pinfo) {
        return pinfo.state(LAST_HOP_LIMIT, () -> new int[1])[0];
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("IPv6");
        pinfo.columns().clearInfo();
        boolean detailed = tree.tree().detailed();

        ProtoItem ip6 = tree.addProtocol(PROTO, tvb, 0, HEADER);
        int version = tvb.u8(0) >>> 4;
        ProtoItem versionItem = Items.add(ip6, VERSION, tvb, 0, 1);
        if (version != 6) {
            // Not IPv6 after all: the caller shows the bytes as data (the item stays, as in tshark).
            versionItem.expert(BOGUS_VERSION, "Bogus IPv6 version");
            return 0;
        }
        ProtoItem ipVersion = Items.add(ip6, IP_VERSION, tvb, 0, 1);
        if (ipVersion != ip6) {
            ipVersion.setHidden();
            if (tree.tree().detailed()) {
                // Hidden, so only PDML shows this label.
                ipVersion.appendText(" [This field makes the filter match on \"ip.version == 6\" possible]");
            }
        }
        if (tvb.reportedLength() < HEADER) {
            // tshark goes on reading the header fields, so the packet ends as malformed where the bytes do.
            if (pinfo.columns().enabled()) {
                pinfo.columns().setInfo("Invalid IPv6 header (" + tvb.reportedLength() + " bytes, need exactly 40)");
            }
            ip6.expert(INVALID_HEADER, "IPv6 header must be exactly 40 bytes");
        }
        int tclass = (tvb.u16(0) >>> 4) & 0xff;
        ProtoItem tc = Items.add(ip6, TCLASS, tvb, 0, 4);
        if (detailed) {
            tc.appendText(" (" + Dscp.summary(tclass) + ")");
        }
        Items.add(tc, TCLASS_DSCP, tvb, 0, 4);
        Items.add(tc, TCLASS_ECN, tvb, 0, 4);
        Items.add(ip6, FLOW, tvb, 1, 3);
        int plen = tvb.u16(4);
        int nxt = tvb.u8(6); // tshark has both before it shows either
        ProtoItem plenItem = Items.add(ip6, PLEN, tvb, 4, 2);
        Items.add(ip6, NXT, tvb, 6, 1);
        int hlim = tvb.u8(7);
        Items.add(ip6, HLIM, tvb, 7, 1);
        pinfo.state(LAST_HOP_LIMIT, () -> new int[1])[0] = hlim;

        // As tshark: the source (item and address) is set before the destination is read.
        byte[] src = tvb.bytes(8, 16);
        String srcText = AddressFormat.ipv6(src);
        addAddress(tvb, 8, ip6, SRC, SRC_HOST, srcText);
        Address srcAddress = Address.ipv6(src);
        Address outerDst = pinfo.dst();
        pinfo.setNetAddresses(srcAddress, pinfo.netDst());
        pinfo.setAddresses(srcAddress, outerDst);
        AddressColumns.sourceSet(pinfo);
        byte[] dst = tvb.bytes(24, 16);
        String dstText = AddressFormat.ipv6(dst);
        addAddress(tvb, 24, ip6, DST, DST_HOST, dstText);
        pinfo.setNetAddresses(srcAddress, Address.ipv6(dst));
        AddressColumns.destinationSet(pinfo);
        if (detailed) {
            ip6.setText("Internet Protocol Version 6, Src: " + srcText + ", Dst: " + dstText);
        }
        Ipv6Addresses.details(tvb, ip6);

        int framing = tvb.reportedLength() - HEADER;
        if (plen == 0) {
            plenItem.expert(PLEN_ZERO);
        } else if (plen > framing && !ErrorPacket.inside(pinfo)) {
            plenItem.expert(PLEN_EXCEEDS_FRAMING, "IPv6 payload length exceeds framing length (" + framing + " bytes)");
        }

        int claimed = tvb.reportedLength();
        if (plen <= framing) {
            claimed = HEADER + plen;
            tvb = tvb.withReportedLength(claimed);
        }
        Ipv6Context ctx = Ipv6Context.of(pinfo);
        ctx.ipv6Item = ip6;
        ctx.payloadLength = plen;
        ctx.hopLimit = hlim;
        ctx.headerLength = HEADER;
        ctx.afterFirstHeader = false;
        nextHeader(nxt, tvb.slice(HEADER), pinfo, tree, ctx, protoTable, dataHandle);
        return claimed;
    }

    /**
     * Hands {@code payload} to the dissector for header {@code nxt}, arming the context for an
     * extension header; "no next header" and unknown values are shown as data.
     */
    static void nextHeader(int nxt, Tvb payload, PacketInfo pinfo, ProtoItem tree, Ipv6Context ctx,
            DissectorTable protoTable, DissectorHandle dataHandle) {
        if (nxt == NO_NEXT_HEADER) {
            if (pinfo.columns().enabled()) {
                pinfo.columns().setInfo("IPv6 no next header");
            }
            if (payload.reportedLength() > 0) {
                pinfo.call(dataHandle, payload, tree);
            }
            return;
        }
        ctx.arm();
        int used = Dispatch.tryDissect(protoTable, nxt, payload, pinfo, tree, ErrorPacket.inside(pinfo));
        ctx.armed = false;
        if (used == Dispatch.DECLINED) {
            if (pinfo.columns().enabled()) {
                pinfo.columns().setInfo("Unknown IP Protocol: " + IpProtocols.NAMES.nameOr(nxt, "Unknown") + " (" + nxt + ")");
            }
            if (payload.reportedLength() > 0) {
                pinfo.call(dataHandle, payload, tree);
            }
        }
    }

    /** Adds a fragment to the IPv6 reassembly; returns the whole payload when it completes it. */
    static Tvb reassemble(PacketInfo pinfo, long ident, Tvb fragment, int offset, boolean more, ProtoItem tree) {
        Reassembler r = pinfo.state(REASSEMBLY, () -> new Reassembler(FRAGMENT_FIELDS));
        Reassembler.DatagramKey key = new Reassembler.DatagramKey(pinfo.netSrc().bytes(), pinfo.netDst().bytes(), 0,
                ident);
        return r.add(key, fragment, offset, more, pinfo, tree);
    }

    private static void addAddress(Tvb tvb, int off, ProtoItem ip6, FieldDef field, FieldDef host, String text) {
        Items.add(ip6, field, tvb, off, 16);
        ProtoItem any = Items.add(ip6, ADDR, tvb, off, 16);
        if (any != ip6) {
            any.setHidden();
        }
        hidden(ip6, ip6.addString(host, tvb, off, 16, text));
        hidden(ip6, ip6.addString(HOST, tvb, off, 16, text));
    }

    static void hidden(ProtoItem parent, ProtoItem child) {
        if (child != parent) {
            child.setGenerated().setHidden();
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
