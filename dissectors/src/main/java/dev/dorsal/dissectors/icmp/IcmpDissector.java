package dev.dorsal.dissectors.icmp;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.ip.ErrorPacket;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
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
 * Reads an ICMP message (RFC 792): type, code and checksum, then the body of the type (echo and
 * timestamp identifiers, redirect gateway, router advertisements, and for errors the quoted IP
 * packet, dissected as IP inside the ICMP tree with RFC 4884 extensions after it). Pairs echo
 * replies with their requests ("(request in 3)"). IP protocol 1. Filter prefix {@code icmp.}.
 *
 * <pre>
 * | type (8) | code (8) | checksum (16) | rest of header (32) | data … |
 * </pre>
 */
public final class IcmpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Internet Control Message Protocol", "ICMP", "icmp");

    static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");

    static final FieldDef TYPE = FieldDef.uint8("icmp.type", "Type");
    static final FieldDef CODE = FieldDef.uint8("icmp.code", "Code");
    static final FieldDef CHECKSUM = FieldDef.uint16("icmp.checksum", "Checksum").hex();
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("icmp.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef UNUSED = FieldDef.bytes("icmp.unused", "Unused");
    static final FieldDef IDENT = FieldDef.uint16("icmp.ident", "Identifier (BE)").decHex();
    static final FieldDef IDENT_LE = FieldDef.uint16("icmp.ident_le", "Identifier (LE)").decHex();
    static final FieldDef SEQ = FieldDef.uint16("icmp.seq", "Sequence Number (BE)").decHex();
    static final FieldDef SEQ_LE = FieldDef.uint16("icmp.seq_le", "Sequence Number (LE)").decHex();
    static final FieldDef MTU = FieldDef.uint16("icmp.mtu", "MTU of next hop");
    static final FieldDef NUM_ADDRS = FieldDef.uint8("icmp.num_addrs", "Number of addresses");
    static final FieldDef ADDR_ENTRY_SIZE = FieldDef.uint8("icmp.addr_entry_size", "Address entry size");
    static final FieldDef LIFETIME = FieldDef.uint16("icmp.lifetime", "Lifetime");
    static final FieldDef POINTER = FieldDef.uint32("icmp.pointer", "Pointer");
    static final FieldDef ROUTER_ADDRESS = FieldDef.ipv4("icmp.router_address", "Router address");
    static final FieldDef PREF_LEVEL = FieldDef.int32("icmp.pref_level", "Preference level");
    static final FieldDef ORIGINATE_TIMESTAMP = FieldDef.uint32("icmp.originate_timestamp", "Originate Timestamp");
    static final FieldDef RECEIVE_TIMESTAMP = FieldDef.uint32("icmp.receive_timestamp", "Receive Timestamp");
    static final FieldDef TRANSMIT_TIMESTAMP = FieldDef.uint32("icmp.transmit_timestamp", "Transmit Timestamp");
    static final FieldDef ADDRESS_MASK = FieldDef.ipv4("icmp.address_mask", "Address Mask");
    static final FieldDef REDIR_GW = FieldDef.ipv4("icmp.redir_gw", "Gateway Address");
    static final FieldDef RESP_TO = FieldDef.framenum("icmp.resp_to", "Request frame");
    static final FieldDef RESP_IN = FieldDef.framenum("icmp.resp_in", "Response frame");
    static final FieldDef NO_RESP = FieldDef.none("icmp.no_resp", "No response seen");
    static final FieldDef RESPTIME = FieldDef.doubleField("icmp.resptime", "Response time");
    static final FieldDef DATA_TIME = FieldDef.absoluteTime("icmp.data_time", "Timestamp from icmp data");
    static final FieldDef DATA_TIME_RELATIVE = FieldDef.relativeTime("icmp.data_time_relative",
            "Timestamp from icmp data (relative)");
    static final FieldDef LENGTH = FieldDef.uint8("icmp.length", "Length");
    static final FieldDef LENGTH_ORIGINAL = FieldDef.uint8("icmp.length.original_datagram",
            "Length of original datagram");

    static final List<FieldDef> MESSAGE_FIELDS = List.of(TYPE, CODE, CHECKSUM, CHECKSUM_STATUS_FIELD, UNUSED, IDENT,
            IDENT_LE, SEQ, SEQ_LE, MTU, NUM_ADDRS, ADDR_ENTRY_SIZE, LIFETIME, POINTER, ROUTER_ADDRESS, PREF_LEVEL,
            ORIGINATE_TIMESTAMP, RECEIVE_TIMESTAMP, TRANSMIT_TIMESTAMP, ADDRESS_MASK, REDIR_GW, RESP_TO, RESP_IN,
            NO_RESP, RESPTIME, DATA_TIME, DATA_TIME_RELATIVE, LENGTH, LENGTH_ORIGINAL);
    static final List<FieldDef> FIELDS = concat(MESSAGE_FIELDS, IcmpExtensions.FIELDS);

    static final ExpertDef CHECKSUM_BAD = new ExpertDef("icmp.checksum_bad", "Bad checksum",
            ExpertDef.Group.CHECKSUM, ExpertDef.Severity.WARN);
    static final ExpertDef RESP_NOT_FOUND = new ExpertDef("icmp.resp_not_found", "Response not found",
            ExpertDef.Group.SEQUENCE, ExpertDef.Severity.WARN);
    static final List<ExpertDef> EXPERTS = concat(List.of(CHECKSUM_BAD, RESP_NOT_FOUND), IcmpExtensions.EXPERTS);

    private static final Key<EchoTracker> ECHOES = Key.of("icmp.echoes");
    /** Quoted datagram length assumed by pre-RFC 4884 stacks that append extensions. */
    private static final int COMPAT_ORIGINAL_LENGTH = 128;

    private DissectorHandle ipHandle;
    private DissectorHandle dataHandle;

    @Override
    public String name() {
        return "icmp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, EXPERTS);
        r.handle("icmp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        ipHandle = t.handle("ip");
        dataHandle = t.handle("data");
        t.table(Ipv4Dissector.PROTO_TABLE).add(1, t.handle("icmp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("ICMP");
        pinfo.columns().clearInfo();
        boolean detailed = tree.tree().detailed();
        boolean cols = pinfo.columns().enabled();
        boolean inError = ErrorPacket.inside(pinfo);
        int ttl = Ipv4Dissector.lastTtl(pinfo);

        int type = tvb.u8(0);
        int code = tvb.u8(1);
        tvb.u8(5); // tshark reads the RFC 4884 length byte before anything is shown
        String typeName = IcmpValues.typeName(type, code);
        ValueString codes = IcmpValues.codes(type);
        String codeName = codes == null ? null : codes.nameOr(code, "Unknown code: " + code);
        // Info is written as tshark writes it, piece by piece, so a short message keeps what was read.
        if (cols) {
            StringBuilder info = new StringBuilder(64).append(typeName);
            while (info.length() < 20) {
                info.append(' ');
            }
            if (codeName != null) {
                info.append(" (").append(codeName).append(')');
            }
            pinfo.columns().setInfo(info.toString());
        }

        ProtoItem icmp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        ProtoItem typeItem = Items.add(icmp, TYPE, tvb, 0, 1);
        ProtoItem codeItem = Items.add(icmp, CODE, tvb, 1, 1);
        if (detailed) {
            typeItem.setText("Type: " + type + " (" + typeName + ")");
            if (codeName != null) {
                codeItem.setText("Code: " + code + " (" + codeName + ")");
            }
        }
        checksum(tvb, icmp, inError);

        switch (type) {
            case IcmpValues.ECHO_REPLY, IcmpValues.ECHO, IcmpValues.TIMESTAMP, IcmpValues.TIMESTAMP_REPLY,
                    IcmpValues.INFO_REQUEST, IcmpValues.INFO_REPLY, IcmpValues.MASK_REQUEST, IcmpValues.MASK_REPLY ->
                    query(tvb, pinfo, tree, icmp, type, ttl);
            case IcmpValues.UNREACH, IcmpValues.TIME_EXCEEDED, IcmpValues.PARAM_PROBLEM, IcmpValues.SOURCE_QUENCH,
                    IcmpValues.REDIRECT -> error(tvb, pinfo, icmp, type, code);
            case IcmpValues.ROUTER_ADVERT -> routerAdvertisement(tvb, pinfo, icmp, code);
            default -> { }
        }
        return tvb.length();
    }

    /** Verifies the checksum over the whole message when all of it is there and it is not a quoted copy. */
    private static void checksum(Tvb tvb, ProtoItem icmp, boolean inError) {
        int sent = tvb.u16(2);
        ProtoItem ck = icmp.addUint(CHECKSUM, tvb, 2, 2, sent);
        boolean detailed = icmp.tree().detailed();
        int status;
        if (!inError && tvb.length() >= tvb.reportedLength()) {
            status = Checksums.verdict(ck, sent, Checksums.shouldBe(tvb, 0, tvb.length(), 2), CHECKSUM_BAD, detailed);
        } else {
            status = 2;
            if (detailed) {
                // tshark names every unverifiable case that is not a quoted packet "fragmented datagram".
                ck.setText("Checksum: 0x" + hex4(sent) + " [unverified] ["
                        + (inError ? "in ICMP error packet" : "fragmented datagram") + "]");
            }
        }
        ProtoItem st = icmp.addUint(CHECKSUM_STATUS_FIELD, tvb, 2, 0, status);
        if (st != icmp) {
            st.setGenerated();
        }
    }

    /** Echo, timestamp, information and address mask messages: identifier and sequence number first. */
    private void query(Tvb tvb, PacketInfo pinfo, ProtoItem tree, ProtoItem icmp, int type, int ttl) {
        boolean cols = pinfo.columns().enabled();
        int ident = tvb.u16(4);
        Items.add(icmp, IDENT, tvb, 4, 2);
        Items.addLE(icmp, IDENT_LE, tvb, 4, 2);
        int seq = tvb.u16(6);
        Items.add(icmp, SEQ, tvb, 6, 2);
        Items.addLE(icmp, SEQ_LE, tvb, 6, 2);
        if (cols) {
            pinfo.columns().appendInfo(" id=0x" + hex4(ident) + ", seq=" + seq + "/"
                    + (Integer.reverseBytes(seq) >>> 16) + (ttl < 0 ? "" : ", ttl=" + ttl));
        }
        if (type == IcmpValues.ECHO || type == IcmpValues.ECHO_REPLY) {
            EchoTracker echoes = pinfo.state(ECHOES, EchoTracker::new);
            int checksum = tvb.u16(2);
            if (type == IcmpValues.ECHO) {
                echoes.request(pinfo.netSrc(), pinfo.netDst(), ident, seq, EchoTracker.replyChecksum(checksum, 0x0800),
                        pinfo.number(), pinfo.frame().timestampNanos());
                addRequestOutcome(tvb, pinfo, icmp, cols, RESP_IN, NO_RESP, RESP_NOT_FOUND,
                        "No response seen to ICMP request");
            } else {
                EchoTracker.Exchange e = echoes.reply(pinfo.netSrc(), pinfo.netDst(), ident, seq, checksum,
                        pinfo.number());
                if (e != null) {
                    pinfo.links().learn(RESP_IN.abbrev(), e.requestFrame(), pinfo.number());
                    addResponse(tvb, icmp, e, pinfo.frame().timestampNanos(), RESP_TO, RESPTIME);
                    if (cols) {
                        pinfo.columns().appendInfo(" (request in " + e.requestFrame() + ")");
                    }
                }
            }
            echoData(tvb, pinfo, icmp);
        } else if (type == IcmpValues.TIMESTAMP || type == IcmpValues.TIMESTAMP_REPLY) {
            timestamp(tvb, icmp, 8, ORIGINATE_TIMESTAMP);
            timestamp(tvb, icmp, 12, RECEIVE_TIMESTAMP);
            timestamp(tvb, icmp, 16, TRANSMIT_TIMESTAMP);
        } else if (type == IcmpValues.MASK_REQUEST || type == IcmpValues.MASK_REPLY) {
            Items.add(icmp, ADDRESS_MASK, tvb, 8, 4);
        }
    }

    /**
     * On an echo request in the second pass of two (tshark -2): "[Response frame: 4]" and " (reply in 4)"
     * when the first pass saw its reply ({@code respIn}, which the reply learns), else "[No response
     * seen]" with its warning and " (no response found!)". Nothing in a single pass, nor for a request
     * quoted by an ICMP error. Also used by ICMPv6.
     */
    public static void addRequestOutcome(Tvb tvb, PacketInfo pinfo, ProtoItem parent, boolean cols, FieldDef respIn,
            FieldDef noResp, ExpertDef notFound, String notFoundText) {
        if (!pinfo.links().secondPass() || ErrorPacket.inside(pinfo)) {
            return;
        }
        long reply = pinfo.links().recall(respIn.abbrev(), pinfo.number());
        if (reply != 0) {
            ProtoItem in = parent.addUint(respIn, tvb, 0, 0, reply);
            if (in != parent) {
                in.setGenerated();
            }
            if (cols) {
                pinfo.columns().appendInfo(" (reply in " + reply + ")");
            }
            return;
        }
        ProtoItem none = parent.add(noResp, tvb, 0, 0);
        if (none != parent) {
            none.setGenerated();
        }
        none.expert(notFound, notFoundText);
        if (cols) {
            pinfo.columns().appendInfo(" (no response found!)");
        }
    }

    /** "[Request frame: 3]" and "[Response time: 0.013 ms]" on a matched reply (also used by ICMPv6). */
    public static void addResponse(Tvb tvb, ProtoItem parent, EchoTracker.Exchange e, long nowNanos,
            FieldDef requestField, FieldDef timeField) {
        ProtoItem rq = parent.addUint(requestField, tvb, 0, 0, e.requestFrame());
        if (rq != parent) {
            rq.setGenerated();
        }
        double ms = (nowNanos - e.requestNanos()) / 1e6;
        ProtoItem rt = parent.addDouble(timeField, tvb, 0, 0, ms);
        if (rt != parent) {
            rt.setGenerated();
            if (parent.tree().detailed()) {
                rt.setText(timeField.name() + ": " + String.format(java.util.Locale.ROOT, "%.3f", ms) + " ms");
            }
        }
    }

    /**
     * Echo data often starts with the sender's clock (a timeval, big- or little-endian); when it is
     * within a day of the frame time it is shown as such, then the rest goes to data.
     */
    private void echoData(Tvb tvb, PacketInfo pinfo, ProtoItem icmp) {
        if (tvb.reportedLength() <= 8) {
            return;
        }
        int rest = 8;
        if (tvb.reportedLength() - 8 >= 8 && tvb.has(8, 8)) {
            long frameNanos = pinfo.frame().timestampNanos();
            long frameSecs = Math.floorDiv(frameNanos, 1_000_000_000L);
            long secs = tvb.u32(8);
            long usecs = tvb.u32(12);
            if (!plausible(secs, usecs, frameSecs)) {
                secs = tvb.u32le(8);
                usecs = tvb.u32le(12);
            }
            if (plausible(secs, usecs, frameSecs)) {
                long nanos = secs * 1_000_000_000L + usecs * 1000;
                icmp.addTime(DATA_TIME, tvb, 8, 8, nanos);
                ProtoItem rel = icmp.addTime(DATA_TIME_RELATIVE, tvb, 8, 8, frameNanos - nanos);
                if (rel != icmp) {
                    rel.setGenerated();
                }
                rest = 16;
            }
        }
        pinfo.call(dataHandle, tvb.slice(rest), icmp);
    }

    private static boolean plausible(long secs, long usecs, long frameSecs) {
        int diff = (int) (secs - frameSecs);
        return Math.abs(diff) < 86400 && usecs < 1_000_000;
    }

    /** RFC 792 timestamps: milliseconds since midnight UT, or with the high bit set a non-standard value. */
    private static void timestamp(Tvb tvb, ProtoItem icmp, int off, FieldDef field) {
        long v = tvb.u32(off);
        ProtoItem ti = icmp.addUint(field, tvb, off, 4, v);
        if (icmp.tree().detailed()) {
            long ms = v;
            if ((ms & 0x80000000L) == 0 && ms >= 86_400_000L) {
                ms = Integer.reverseBytes((int) ms) & 0xffffffffL; // probably sent little-endian
            }
            ms &= 0x7fffffffL;
            ti.setText(field.name() + ": " + v + " (" + TimeText.millis(ms) + " after midnight UTC)");
        }
    }

    private void routerAdvertisement(Tvb tvb, PacketInfo pinfo, ProtoItem icmp, int code) {
        int count = tvb.u8(4);
        int entrySize = tvb.u8(5);
        Items.add(icmp, NUM_ADDRS, tvb, 4, 1);
        Items.add(icmp, ADDR_ENTRY_SIZE, tvb, 5, 1);
        int lifetime = tvb.u16(6);
        ProtoItem lt = Items.add(icmp, LIFETIME, tvb, 6, 2);
        if (icmp.tree().detailed()) {
            lt.setText("Lifetime: " + lifetime + " (" + TimeText.seconds(lifetime) + ")");
        }
        int off = 8;
        if (entrySize != 2) {
            // Entries of another size are not read (RFC 1256 sets 2 words): the rest is data, as in tshark.
            if (tvb.reportedLength() > off) {
                pinfo.call(dataHandle, tvb.slice(off), icmp);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            Items.add(icmp, ROUTER_ADDRESS, tvb, off, 4);
            Items.add(icmp, PREF_LEVEL, tvb, off + 4, 4);
            off += entrySize * 4;
        }
        if ((code == 0 || code == 16) && tvb.reportedLength() > off) {
            IcmpExtensions.mobileIp(tvb, off, icmp);
        }
    }

    /** Error messages: the type's header word, then the quoted datagram and any RFC 4884 extension. */
    private void error(Tvb tvb, PacketInfo pinfo, ProtoItem icmp, int type, int code) {
        int declared = 0;
        switch (type) {
            case IcmpValues.UNREACH, IcmpValues.TIME_EXCEEDED -> {
                if (type == IcmpValues.UNREACH && code == 4) {
                    Items.add(icmp, UNUSED, tvb, 4, 2);
                    Items.add(icmp, MTU, tvb, 6, 2);
                } else if ((declared = tvb.u8(5)) != 0) {
                    Items.add(icmp, UNUSED, tvb, 4, 1);
                    lengthField(tvb, icmp, declared);
                    Items.add(icmp, UNUSED, tvb, 6, 2);
                } else {
                    Items.add(icmp, UNUSED, tvb, 4, 4);
                }
            }
            case IcmpValues.PARAM_PROBLEM -> {
                icmp.addUint(POINTER, tvb, 4, 1, tvb.u8(4));
                if ((declared = tvb.u8(5)) != 0) {
                    lengthField(tvb, icmp, declared);
                    Items.add(icmp, UNUSED, tvb, 6, 2);
                } else {
                    Items.add(icmp, UNUSED, tvb, 5, 3);
                }
            }
            case IcmpValues.REDIRECT -> Items.add(icmp, REDIR_GW, tvb, 4, 4);
            case IcmpValues.SOURCE_QUENCH -> tvb.u32(4); // read (not shown) by tshark: a short one is malformed
            default -> { }
        }
        if (type == IcmpValues.REDIRECT) {
            tvb.u8(8); // tshark reads the quoted packet's first byte here, so an empty one is malformed
        }
        int available = tvb.reportedLength() - 8;
        if (available <= 0) {
            return;
        }
        int original = available;
        if (declared != 0 && declared * 4 < available) {
            original = declared * 4;
        } else if (declared == 0 && type != IcmpValues.REDIRECT && available > COMPAT_ORIGINAL_LENGTH
                && IcmpExtensions.looksLikeExtension(tvb, 8 + COMPAT_ORIGINAL_LENGTH)) {
            original = COMPAT_ORIGINAL_LENGTH;
        }
        ErrorPacket.Saved saved = ErrorPacket.enter(pinfo);
        boolean ended = true;
        try {
            Dispatch.callQuoted(ipHandle, tvb.slice(8, original), pinfo, icmp);
        } finally {
            ended = ErrorPacket.exit(pinfo, saved);
        }
        if (!ended && original < available) {
            IcmpExtensions.multiPart(tvb, 8 + original, icmp);
        }
    }

    private static void lengthField(Tvb tvb, ProtoItem icmp, int declared) {
        Items.add(icmp, LENGTH, tvb, 5, 1);
        ProtoItem orig = icmp.addUint(LENGTH_ORIGINAL, tvb, 5, 1, declared * 4);
        if (orig != icmp) {
            orig.setGenerated();
        }
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
