package dev.dorsal.dissectors.icmpv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.icmp.Checksums;
import dev.dorsal.dissectors.icmp.EchoTracker;
import dev.dorsal.dissectors.icmp.IcmpDissector;
import dev.dorsal.dissectors.ip.ErrorPacket;
import dev.dorsal.dissectors.ip.IpProtocols;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.dissectors.ipv6.Ipv6Dissector;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ICMPv6 message (RFC 4443): type, code and checksum (verified over the IPv6 pseudo-header),
 * then echo identifiers, errors with the quoted IPv6 packet dissected inside the ICMPv6 tree,
 * Neighbor Discovery (RFC 4861) with its options, and MLD (RFC 2710, 3810). Pairs echo replies with
 * requests. IP protocol 58. Filter prefix {@code icmpv6.}.
 *
 * <pre>
 * | type (8) | code (8) | checksum (16) | message body … |
 * </pre>
 */
public final class Icmpv6Dissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Internet Control Message Protocol v6", "ICMPv6", "icmpv6");

    private static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");
    private static final ValueString RA_PREFERENCES = ValueString.of(0, "Medium", 1, "High", 2, "Reserved", 3, "Low");

    static final FieldDef TYPE = FieldDef.uint8("icmpv6.type", "Type").vals(Icmpv6Values.TYPES);
    static final FieldDef CODE = FieldDef.uint8("icmpv6.code", "Code");
    static final FieldDef CHECKSUM = FieldDef.uint16("icmpv6.checksum", "Checksum").hex();
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("icmpv6.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef RESERVED = FieldDef.bytes("icmpv6.reserved", "Reserved");
    static final FieldDef DATA = FieldDef.bytes("icmpv6.data", "Data");
    static final FieldDef MTU = FieldDef.uint32("icmpv6.mtu", "MTU");
    static final FieldDef POINTER = FieldDef.uint32("icmpv6.pointer", "Pointer");
    static final FieldDef ECHO_ID = FieldDef.uint16("icmpv6.echo.identifier", "Identifier").hex();
    static final FieldDef ECHO_SEQ = FieldDef.uint16("icmpv6.echo.sequence_number", "Sequence");
    static final FieldDef RESP_TO = FieldDef.framenum("icmpv6.resp_to", "Response To");
    static final FieldDef RESP_IN = FieldDef.framenum("icmpv6.resp_in", "Response In");
    static final FieldDef NO_RESP = FieldDef.none("icmpv6.no_resp", "No response seen");
    static final FieldDef RESPTIME = FieldDef.doubleField("icmpv6.resptime", "Response Time");
    static final FieldDef RA_HOP_LIMIT = FieldDef.uint8("icmpv6.nd.ra.cur_hop_limit", "Cur hop limit");
    static final FieldDef RA_FLAG = FieldDef.uint8("icmpv6.nd.ra.flag", "Flags").hex();
    static final FieldDef RA_FLAG_M = FieldDef.bool("icmpv6.nd.ra.flag.m", "Managed address configuration", 8, 0x80);
    static final FieldDef RA_FLAG_O = FieldDef.bool("icmpv6.nd.ra.flag.o", "Other configuration", 8, 0x40);
    static final FieldDef RA_FLAG_H = FieldDef.bool("icmpv6.nd.ra.flag.h", "Home Agent", 8, 0x20);
    static final FieldDef RA_FLAG_PRF = FieldDef.uint8("icmpv6.nd.ra.flag.prf", "Prf (Default Router Preference)")
            .mask(0x18).vals(RA_PREFERENCES);
    static final FieldDef RA_FLAG_P = FieldDef.bool("icmpv6.nd.ra.flag.p", "Proxy", 8, 0x04);
    static final FieldDef RA_FLAG_RSV = FieldDef.uint8("icmpv6.nd.ra.flag.rsv", "Reserved").mask(0x03);
    static final FieldDef RA_ROUTER_LIFETIME = FieldDef.uint16("icmpv6.nd.ra.router_lifetime", "Router lifetime (s)");
    static final FieldDef RA_REACHABLE = FieldDef.uint32("icmpv6.nd.ra.reachable_time", "Reachable time (ms)");
    static final FieldDef RA_RETRANS = FieldDef.uint32("icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)");
    static final FieldDef NS_TARGET = FieldDef.ipv6("icmpv6.nd.ns.target_address", "Target Address");
    static final FieldDef NA_FLAG = FieldDef.uint32("icmpv6.nd.na.flag", "Flags").hex();
    static final FieldDef NA_FLAG_R = FieldDef.bool("icmpv6.nd.na.flag.r", "Router", 32, 0x80000000L);
    static final FieldDef NA_FLAG_S = FieldDef.bool("icmpv6.nd.na.flag.s", "Solicited", 32, 0x40000000L);
    static final FieldDef NA_FLAG_O = FieldDef.bool("icmpv6.nd.na.flag.o", "Override", 32, 0x20000000L);
    static final FieldDef NA_FLAG_RSV = FieldDef.uint32("icmpv6.nd.na.flag.rsv", "Reserved").mask(0x1fffffffL);
    static final FieldDef NA_TARGET = FieldDef.ipv6("icmpv6.nd.na.target_address", "Target Address");
    static final FieldDef RD_TARGET = FieldDef.ipv6("icmpv6.nd.rd.target_address", "Target Address");
    static final FieldDef RD_DESTINATION = FieldDef.ipv6("icmpv6.rd.na.destination_address", "Destination Address");

    static final List<FieldDef> MESSAGE_FIELDS = List.of(TYPE, CODE, CHECKSUM, CHECKSUM_STATUS_FIELD, RESERVED, DATA,
            MTU, POINTER, ECHO_ID, ECHO_SEQ, RESP_TO, RESP_IN, NO_RESP, RESPTIME,
            RA_HOP_LIMIT, RA_FLAG, RA_FLAG_M, RA_FLAG_O, RA_FLAG_H,
            RA_FLAG_PRF, RA_FLAG_P, RA_FLAG_RSV, RA_ROUTER_LIFETIME, RA_REACHABLE, RA_RETRANS, NS_TARGET, NA_FLAG,
            NA_FLAG_R, NA_FLAG_S, NA_FLAG_O, NA_FLAG_RSV, NA_TARGET, RD_TARGET, RD_DESTINATION);
    static final List<FieldDef> FIELDS = concat(concat(MESSAGE_FIELDS, NdOptions.FIELDS), Mld.FIELDS);

    static final ExpertDef CHECKSUM_BAD = new ExpertDef("icmpv6.checksum_bad.expert", "Bad checksum",
            ExpertDef.Group.CHECKSUM, ExpertDef.Severity.WARN);
    static final ExpertDef UNDECODED_TYPE = new ExpertDef("icmpv6.undecoded.type", "Undecoded type",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.NOTE);
    static final ExpertDef RESP_NOT_FOUND = new ExpertDef("icmpv6.resp_not_found", "Response not found",
            ExpertDef.Group.SEQUENCE, ExpertDef.Severity.WARN);
    static final List<ExpertDef> EXPERTS = concat(List.of(CHECKSUM_BAD, UNDECODED_TYPE, RESP_NOT_FOUND),
            NdOptions.EXPERTS);

    private static final Key<EchoTracker> ECHOES = Key.of("icmpv6.echoes");

    private DissectorHandle ipv6Handle;
    private DissectorHandle dataHandle;

    @Override
    public String name() {
        return "icmpv6";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, EXPERTS);
        r.handle("icmpv6", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        ipv6Handle = t.handle("ipv6");
        dataHandle = t.handle("data");
        t.table(Ipv4Dissector.PROTO_TABLE).add(IpProtocols.ICMPV6, t.handle("icmpv6"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("ICMPv6");
        pinfo.columns().clearInfo();
        boolean detailed = tree.tree().detailed();
        boolean cols = pinfo.columns().enabled();
        // As tshark: the item first, then each field and its part of Info as it is read.
        ProtoItem icmp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        int type = tvb.u8(0);
        icmp.addUint(TYPE, tvb, 0, 1, type);
        if (cols) {
            pinfo.columns().setInfo(Icmpv6Values.TYPES.nameOr(type, "Unknown (" + type + ")"));
        }
        int code = tvb.u8(1);
        ValueString codes = Icmpv6Values.codes(type);
        String codeName = codes == null ? null : codes.nameOr(code, "Unknown");
        ProtoItem codeItem = icmp.addUint(CODE, tvb, 1, 1, code);
        if (detailed && codeName != null) {
            codeItem.setText("Code: " + code + " (" + codeName + ")");
        }
        if (cols && codeName != null) {
            pinfo.columns().appendInfo(" (" + codeName + ")");
        }
        checksum(tvb, pinfo, icmp);

        switch (type) {
            case Icmpv6Values.UNREACH, Icmpv6Values.PACKET_TOO_BIG, Icmpv6Values.TIME_EXCEEDED,
                    Icmpv6Values.PARAM_PROBLEM -> {
                if (type == Icmpv6Values.PACKET_TOO_BIG) {
                    Items.add(icmp, MTU, tvb, 4, 4);
                } else if (type == Icmpv6Values.PARAM_PROBLEM) {
                    Items.add(icmp, POINTER, tvb, 4, 4);
                } else {
                    Items.add(icmp, RESERVED, tvb, 4, 4);
                }
                quoted(tvb, pinfo, icmp);
                return tvb.length();
            }
            case Icmpv6Values.ECHO_REQUEST, Icmpv6Values.ECHO_REPLY -> echo(tvb, pinfo, icmp, type);
            case Icmpv6Values.MLD_QUERY, Icmpv6Values.MLD_REPORT, Icmpv6Values.MLD_DONE -> Mld.v1OrQuery(tvb, icmp, type);
            case Icmpv6Values.MLD_REPORT_V2 -> Mld.report(tvb, icmp);
            case Icmpv6Values.ROUTER_SOLICIT -> {
                Items.add(icmp, RESERVED, tvb, 4, 4);
                NdOptions.dissect(tvb, 8, icmp, pinfo);
            }
            case Icmpv6Values.ROUTER_ADVERT -> {
                routerAdvertisement(tvb, icmp);
                NdOptions.dissect(tvb, 16, icmp, pinfo);
            }
            case Icmpv6Values.NEIGHBOR_SOLICIT -> {
                Items.add(icmp, RESERVED, tvb, 4, 4);
                byte[] target = tvb.bytes(8, 16);
                Items.add(icmp, NS_TARGET, tvb, 8, 16);
                if (cols) {
                    pinfo.columns().appendInfo(" for " + AddressFormat.ipv6(target));
                }
                NdOptions.dissect(tvb, 24, icmp, pinfo);
            }
            case Icmpv6Values.NEIGHBOR_ADVERT -> neighborAdvertisement(tvb, pinfo, icmp);
            case Icmpv6Values.REDIRECT -> {
                Items.add(icmp, RESERVED, tvb, 4, 4);
                Items.add(icmp, RD_TARGET, tvb, 8, 16);
                Items.add(icmp, RD_DESTINATION, tvb, 24, 16);
                NdOptions.dissect(tvb, 40, icmp, pinfo);
            }
            default -> {
                icmp.expert(UNDECODED_TYPE, "Dissector for ICMPv6 Type (" + type
                        + ") code not implemented, Contact Wireshark developers if you want this supported");
                if (tvb.reportedLength() > 4) {
                    Items.add(icmp, DATA, tvb, 4, tvb.reportedLength() - 4);
                }
            }
        }
        return tvb.length();
    }

    /** Verifies the checksum over the pseudo-header and whole message, unless bytes are missing or quoted. */
    private static void checksum(Tvb tvb, PacketInfo pinfo, ProtoItem icmp) {
        int sent = tvb.u16(2);
        ProtoItem ck = icmp.addUint(CHECKSUM, tvb, 2, 2, sent);
        boolean detailed = icmp.tree().detailed();
        boolean inError = ErrorPacket.inside(pinfo);
        int status = 2;
        if (!inError && tvb.length() >= tvb.reportedLength() && pinfo.netSrc().bytes().length == 16) {
            int len = tvb.length();
            long sum = pseudoHeader(pinfo.netSrc().bytes(), pinfo.netDst().bytes(), len);
            status = Checksums.verdict(ck, sent, Checksums.shouldBe(sum, tvb, 0, len, 2), CHECKSUM_BAD, detailed);
        } else if (detailed) {
            ck.setText("Checksum: 0x" + hex4(sent) + " [unverified] ["
                    + (inError ? "in ICMP error packet" : "fragmented datagram") + "]");
        }
        ProtoItem st = icmp.addUint(CHECKSUM_STATUS_FIELD, tvb, 2, 0, status);
        if (st != icmp) {
            st.setGenerated();
        }
    }

    /** RFC 8200 section 8.1: source, destination, upper-layer length and next header 58. */
    private static long pseudoHeader(byte[] src, byte[] dst, int length) {
        long sum = 0;
        for (int i = 0; i < 16; i += 2) {
            sum += ((src[i] & 0xff) << 8) | (src[i + 1] & 0xff);
            sum += ((dst[i] & 0xff) << 8) | (dst[i + 1] & 0xff);
        }
        return sum + (length >>> 16) + (length & 0xffff) + IpProtocols.ICMPV6;
    }

    private void echo(Tvb tvb, PacketInfo pinfo, ProtoItem icmp, int type) {
        boolean cols = pinfo.columns().enabled();
        int ident = tvb.u16(4);
        Items.add(icmp, ECHO_ID, tvb, 4, 2);
        int seq = tvb.u16(6);
        Items.add(icmp, ECHO_SEQ, tvb, 6, 2);
        if (cols) {
            pinfo.columns().appendInfo(" id=0x" + hex4(ident) + ", seq=" + seq + ", hop limit="
                    + Ipv6Dissector.lastHopLimit(pinfo));
        }
        EchoTracker echoes = pinfo.state(ECHOES, EchoTracker::new);
        int checksum = tvb.u16(2);
        if (type == Icmpv6Values.ECHO_REQUEST) {
            echoes.request(pinfo.netSrc(), pinfo.netDst(), ident, seq, EchoTracker.replyChecksum(checksum, 0xfeff),
                    pinfo.number(), pinfo.frame().timestampNanos());
            IcmpDissector.addRequestOutcome(tvb, pinfo, icmp, cols, RESP_IN, NO_RESP, RESP_NOT_FOUND,
                    "No response seen to ICMPv6 request in frame " + pinfo.number());
        } else {
            EchoTracker.Exchange e = echoes.reply(pinfo.netSrc(), pinfo.netDst(), ident, seq, checksum, pinfo.number());
            if (e != null) {
                pinfo.links().learn(RESP_IN.abbrev(), e.requestFrame(), pinfo.number());
                IcmpDissector.addResponse(tvb, icmp, e, pinfo.frame().timestampNanos(), RESP_TO, RESPTIME);
                if (cols) {
                    pinfo.columns().appendInfo(" (request in " + e.requestFrame() + ")");
                }
            }
        }
        if (tvb.reportedLength() > 8) {
            pinfo.call(dataHandle, tvb.slice(8), icmp);
        }
    }

    /** The offending IPv6 packet of an error message, dissected without changing the summary. */
    private void quoted(Tvb tvb, PacketInfo pinfo, ProtoItem icmp) {
        if (tvb.reportedLength() <= 8) {
            return;
        }
        ErrorPacket.Saved saved = ErrorPacket.enter(pinfo);
        try {
            Dispatch.callQuoted(ipv6Handle, tvb.slice(8), pinfo, icmp);
        } finally {
            ErrorPacket.exit(pinfo, saved);
        }
    }

    private static void routerAdvertisement(Tvb tvb, ProtoItem icmp) {
        Items.add(icmp, RA_HOP_LIMIT, tvb, 4, 1);
        int flags = tvb.u8(5);
        ProtoItem fl = Items.add(icmp, RA_FLAG, tvb, 5, 1);
        if (icmp.tree().detailed()) {
            fl.appendText(NdOptions.flagNames(flags, new FieldDef[] {RA_FLAG_M, RA_FLAG_O, RA_FLAG_H})
                    + ", Prf (Default Router Preference): " + RA_PREFERENCES.nameOr((flags >>> 3) & 3, "")
                    + NdOptions.flagNames(flags, new FieldDef[] {RA_FLAG_P}));
        }
        Items.add(fl, RA_FLAG_M, tvb, 5, 1);
        Items.add(fl, RA_FLAG_O, tvb, 5, 1);
        Items.add(fl, RA_FLAG_H, tvb, 5, 1);
        Items.add(fl, RA_FLAG_PRF, tvb, 5, 1);
        Items.add(fl, RA_FLAG_P, tvb, 5, 1);
        Items.add(fl, RA_FLAG_RSV, tvb, 5, 1);
        Items.add(icmp, RA_ROUTER_LIFETIME, tvb, 6, 2);
        Items.add(icmp, RA_REACHABLE, tvb, 8, 4);
        Items.add(icmp, RA_RETRANS, tvb, 12, 4);
    }

    private static void neighborAdvertisement(Tvb tvb, PacketInfo pinfo, ProtoItem icmp) {
        long flags = tvb.u32(4);
        ProtoItem fl = Items.add(icmp, NA_FLAG, tvb, 4, 4);
        if (icmp.tree().detailed()) {
            fl.appendText(NdOptions.flagNames(flags, new FieldDef[] {NA_FLAG_R, NA_FLAG_S, NA_FLAG_O}));
        }
        Items.add(fl, NA_FLAG_R, tvb, 4, 4);
        Items.add(fl, NA_FLAG_S, tvb, 4, 4);
        Items.add(fl, NA_FLAG_O, tvb, 4, 4);
        Items.add(fl, NA_FLAG_RSV, tvb, 4, 4);
        byte[] target = tvb.bytes(8, 16);
        Items.add(icmp, NA_TARGET, tvb, 8, 16);
        if (pinfo.columns().enabled()) {
            StringBuilder info = new StringBuilder(64).append(' ').append(AddressFormat.ipv6(target));
            StringBuilder f = new StringBuilder();
            if ((flags & 0x80000000L) != 0) {
                f.append("rtr");
            }
            if ((flags & 0x40000000L) != 0) {
                f.append(f.length() > 0 ? ", " : "").append("sol");
            }
            if ((flags & 0x20000000L) != 0) {
                f.append(f.length() > 0 ? ", " : "").append("ovr");
            }
            if (f.length() > 0) {
                info.append(" (").append(f).append(')');
            }
            pinfo.columns().appendInfo(info.toString());
        }
        NdOptions.dissect(tvb, 24, icmp, pinfo);
    }

    static String hex4(int v) {
        String s = Integer.toHexString(v);
        return "0000".substring(Math.min(4, s.length())) + s;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
