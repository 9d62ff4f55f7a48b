package dev.dorsal.dissectors.rtp;

import dev.dorsal.dissectors.sip.SipSetup;
import dev.dorsal.dissectors.udp.UdpSetup;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads RTP (RFC 3550; filter prefix {@code rtp}) on the UDP conversations an SDP offer or answer
 * set up ({@link UdpSetup}), never by a heuristic (tshark's is off by default): the fixed header, the
 * contributing sources, a header extension (RFC 8285 one-byte elements split), the payload and its
 * padding; under a "Stream setup by SDP" subtree the setup frame and Call-ID. A telephone-event
 * payload (RFC 4733; payload type 101, or a dynamic type its rtpmap names so) goes to {@code rtpevent}.
 */
public final class RtpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Real-Time Transport Protocol", "RTP", "rtp");

    static final ValueString VERSIONS = ValueString.of(0, "Old VAT Version", 1, "First Draft Version", 2,
            "RFC 1889 Version");

    static final FieldDef VERSION = FieldDef.uint8("rtp.version", "Version").mask(0xc0).vals(VERSIONS);
    static final FieldDef PADDING = FieldDef.bool("rtp.padding", "Padding", 8, 0x20).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef EXT = FieldDef.bool("rtp.ext", "Extension", 8, 0x10).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef CC = FieldDef.uint8("rtp.cc", "Contributing source identifiers count").mask(0x0f);
    static final FieldDef MARKER = FieldDef.bool("rtp.marker", "Marker", 8, 0x80).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef P_TYPE = FieldDef.uint8("rtp.p_type", "Payload type").mask(0x7f);
    static final FieldDef SEQ = FieldDef.uint16("rtp.seq", "Sequence number");
    static final FieldDef EXTSEQ = FieldDef.uint32("rtp.extseq", "Extended sequence number");
    static final FieldDef TIMESTAMP = FieldDef.uint32("rtp.timestamp", "Timestamp");
    static final FieldDef SSRC = FieldDef.uint32("rtp.ssrc", "Synchronization Source identifier").base(Base.HEX_DEC);
    static final FieldDef EXT_PROFILE = FieldDef.uint16("rtp.ext.profile", "Defined by profile").base(Base.HEX_DEC);
    static final FieldDef EXT_LEN = FieldDef.uint16("rtp.ext.len", "Extension length");
    static final FieldDef CSRC_ITEMS = FieldDef.none("rtp.csrc.items", "Contributing Source identifiers");
    static final FieldDef CSRC_ITEM = FieldDef.uint32("rtp.csrc.item", "CSRC item").base(Base.HEX_DEC);
    static final FieldDef PAYLOAD = FieldDef.bytes("rtp.payload", "Payload");
    static final FieldDef PADDING_DATA = FieldDef.bytes("rtp.padding.data", "Padding data");
    static final FieldDef PADDING_COUNT = FieldDef.uint8("rtp.padding.count", "Padding count");
    static final FieldDef SETUP = FieldDef.string("rtp.setup", "Stream setup");
    static final FieldDef SETUP_FRAME = FieldDef.framenum("rtp.setup-frame", "Setup frame");
    static final FieldDef SETUP_METHOD = FieldDef.string("rtp.setup-method", "Setup Method");
    static final FieldDef HDR_EXTS = FieldDef.none("rtp.hdr_exts", "Header extensions");
    static final FieldDef RFC5285_ID = FieldDef.uint8("rtp.ext.rfc5285.id", "Identifier");
    static final FieldDef RFC5285_LEN = FieldDef.uint8("rtp.ext.rfc5285.len", "Length");
    static final FieldDef RFC5285_DATA = FieldDef.bytes("rtp.ext.rfc5285.data", "Extension Data");

    static final List<FieldDef> FIELDS = List.of(VERSION, PADDING, EXT, CC, MARKER, P_TYPE, SEQ, EXTSEQ, TIMESTAMP,
            SSRC, EXT_PROFILE, EXT_LEN, CSRC_ITEMS, CSRC_ITEM, PAYLOAD, PADDING_DATA, PADDING_COUNT, SETUP,
            SETUP_FRAME, SETUP_METHOD, HDR_EXTS, RFC5285_ID, RFC5285_LEN, RFC5285_DATA);

    /** The payload type tshark's rtp.pt table sends to rtpevent without any rtpmap. */
    private static final int EVENT_PT = 101;

    @Override
    public String name() {
        return "rtp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("rtp", PROTO, RtpDissector::dissect);
        r.protocol(RtpEventDissector.PROTO);
        r.fields(RtpEventDissector.PROTO, RtpEventDissector.FIELDS);
        r.handle("rtpevent", RtpEventDissector.PROTO, RtpEventDissector::dissect);
        r.protocol(RtcpDissector.PROTO);
        r.fields(RtcpDissector.PROTO, RtcpDissector.FIELDS);
        r.handle("rtcp", RtcpDissector.PROTO, RtcpDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        // reached only through the conversations SDP sets up
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        RtpSetup setup = UdpSetup.current(pinfo) instanceof RtpSetup s ? s : null;
        int b0 = tvb.u8(0);
        if ((b0 & 0xc0) != 0x80) {
            // tshark names the version and declines: the datagram goes on to data
            int own = pinfo.layerNames().size() - 1;
            pinfo.columns().setProtocol(PROTO.shortName());
            pinfo.columns().setInfo("Unknown RTP version " + (b0 >> 6));
            tree.addProtocol(PROTO, tvb, 0, tvb.length()).add(VERSION, tvb, 0, 1);
            pinfo.removeLayers(own);
            return 0;
        }
        int b1 = tvb.u8(1);
        DissectorHandle rtcp = b1 >= 192 && b1 <= 223 ? pinfo.tables().handle("rtcp") : null;
        if (rtcp != null) {
            // an RTCP packet type where the payload type would be: RTCP multiplexed on the RTP port
            int own = pinfo.layerNames().size() - 1;
            int n = pinfo.call(rtcp, tvb, tree);
            if (pinfo.layerNames().size() - 1 == own) {
                pinfo.removeLayers(own); // RTCP showed nothing: neither does RTP
            }
            return n;
        }
        int pt = b1 & 0x7f;
        int seq = tvb.u16(2);
        long timestamp = tvb.u32(4);
        long ssrc = tvb.u32(8);
        boolean marker = (b1 & 0x80) != 0;
        String ptName = payloadName(setup, pt);
        pinfo.columns().setProtocol(PROTO.shortName());
        pinfo.columns().setInfo(String.format("PT=%s, SSRC=0x%X, Seq=%d, Time=%d%s", ptName, ssrc, seq, timestamp,
                marker ? ", Mark" : ""));
        ProtoItem rtp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        if (setup != null) {
            ProtoItem s = rtp.addString(SETUP, tvb, 0, 0, "");
            if (s != rtp) {
                s.setGenerated().setText("Stream setup by SDP (frame " + setup.frame + ")");
            }
            s.addUint(SETUP_FRAME, tvb, 0, 0, setup.frame).setGenerated();
            s.addString(SETUP_METHOD, tvb, 0, 0, "SDP").setGenerated();
            if (setup.callId != null) {
                s.addString(SipSetup.CALL_ID_GENERATED, tvb, 0, 0, setup.callId).setGenerated();
            }
        }
        rtp.add(VERSION, tvb, 0, 1);
        rtp.add(PADDING, tvb, 0, 1);
        rtp.add(EXT, tvb, 0, 1);
        rtp.add(CC, tvb, 0, 1);
        rtp.add(MARKER, tvb, 1, 1);
        ProtoItem pti = rtp.addUint(P_TYPE, tvb, 1, 1, pt);
        if (pti != rtp) {
            pti.setText("Payload type: " + ptName + " (" + pt + ")");
        }
        rtp.add(SEQ, tvb, 2, 2);
        long ext = setup != null ? setup.extend(seq) : 0x10000L + seq;
        rtp.addUint(EXTSEQ, tvb, 2, 2, ext).setGenerated();
        rtp.add(TIMESTAMP, tvb, 4, 4);
        rtp.add(SSRC, tvb, 8, 4);
        int off = 12;
        int cc = b0 & 0x0f;
        if (cc > 0) {
            ProtoItem items = rtp.add(CSRC_ITEMS, tvb, off, Math.min(cc * 4, Math.max(0, tvb.remaining(off))));
            if (items != rtp) {
                items.setText("Contributing Source identifiers (" + cc + " items)");
            }
            for (int i = 0; i < cc; i++) {
                long csrc = tvb.u32(off);
                ProtoItem c = items.add(CSRC_ITEM, tvb, off, 4);
                if (c != items) {
                    c.setText(String.format("CSRC item %d: 0x%X", i, csrc));
                }
                off += 4;
            }
        }
        if ((b0 & 0x10) != 0) {
            off = extension(tvb, rtp, off);
        }
        int end = tvb.reportedLength();
        int padding = 0;
        if ((b0 & 0x20) != 0) {
            padding = tvb.u8(end - 1);
        }
        int payloadLen = end - padding - off;
        boolean event = pt == EVENT_PT || "telephone-event".equalsIgnoreCase(setup == null ? null : setup.rtpmap.get(pt));
        if (payloadLen > 0) {
            ProtoItem payload = rtp.add(PAYLOAD, tvb, off, payloadLen);
            DissectorHandle events = event ? pinfo.tables().handle("rtpevent") : null;
            if (events != null) {
                if (payload != rtp) {
                    payload.setHidden();
                }
                pinfo.call(events, tvb.slice(off, payloadLen), tree);
            }
        }
        if (padding > 0) {
            // a count past the payload: tshark shows what is there after the header as padding
            int padStart = Math.max(off, end - padding);
            if (end - 1 > padStart) {
                rtp.add(PADDING_DATA, tvb, padStart, end - 1 - padStart);
            }
            rtp.add(PADDING_COUNT, tvb, end - 1, 1);
        }
        return tvb.length();
    }

    /** The header extension: profile, length and, for RFC 8285's one-byte form (0xBEDE), its elements. */
    private static int extension(Tvb tvb, ProtoItem rtp, int off) {
        int profile = tvb.u16(off);
        int words = tvb.u16(off + 2);
        ProtoItem p = rtp.add(EXT_PROFILE, tvb, off, 2);
        if (p != rtp) {
            p.setText(String.format("Defined by profile: Unknown (0x%04x)", profile));
        }
        rtp.add(EXT_LEN, tvb, off + 2, 2);
        int data = off + 4;
        int end = data + words * 4;
        if (profile == 0xbede && words > 0) {
            ProtoItem hx = rtp.add(HDR_EXTS, tvb, data, words * 4);
            int q = data;
            while (q < end) {
                int b = tvb.u8(q);
                int id = b >> 4;
                if (id == 0) {
                    q++;
                    continue;
                }
                if (id == 15) {
                    break;
                }
                int len = (b & 0x0f) + 1;
                ProtoItem el = hx.addText(tvb, q, 1 + len, "RFC 5285 Header Extension (One-Byte Header)");
                el.addUint(RFC5285_ID, tvb, q, 1, id);
                el.addUint(RFC5285_LEN, tvb, q, 1, len);
                el.add(RFC5285_DATA, tvb, q + 1, len);
                q += 1 + len;
            }
        }
        return end;
    }

    /** The name tshark gives payload type {@code pt}: its rtpmap encoding name when set up, else the table's. */
    static String payloadName(RtpSetup setup, int pt) {
        String mapped = setup == null ? null : setup.rtpmap.get(pt);
        if (mapped != null && pt >= 96) {
            return mapped;
        }
        return RtpPayloadTypes.name(pt);
    }
}
