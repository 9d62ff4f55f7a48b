package dev.dorsal.dissectors.rtp;

import dev.dorsal.dissectors.udp.UdpSetup;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads RTCP (RFC 3550 §6; filter prefix {@code rtcp}) on the UDP conversations an SDP description
 * set up next to its RTP streams (port + 1): each packet of a compound datagram as its own item, sender
 * and receiver reports with their report blocks, source descriptions, goodbyes; other packet types
 * show their common header only. Info lists the packet type names, each followed by three spaces.
 */
final class RtcpDissector {
    static final ProtocolDef PROTO = new ProtocolDef("Real-time Transport Control Protocol", "RTCP", "rtcp");

    static final ValueString PACKET_TYPES = ValueString.of(200, "Sender Report", 201, "Receiver Report", 202,
            "Source description", 203, "Goodbye", 204, "Application specific", 205, "Generic RTP Feedback", 206,
            "Payload-specific Feedback", 207, "Extended report (RFC 3611)", 208, "AVB RTCP packet (IEEE1733)", 209,
            "Receiver Summary Information", 210, "Port Mapping", 192, "Full Intra-frame Request (H.261)", 193,
            "Negative Acknowledgement (H.261)", 194, "SMPTE time-code mapping", 195,
            "Extended inter-arrival jitter report");
    static final ValueString SDES_TYPES = ValueString.of(0, "END", 1, "CNAME (user and domain)", 2,
            "NAME (common name)", 3, "EMAIL (e-mail address)", 4, "PHONE (phone number)", 5,
            "LOC (geographic location)", 6, "TOOL (name/version of source app)", 7, "NOTE (note about source)", 8,
            "PRIV (private extensions)", 9, "H323-CADDR (H.323 callable address)", 10,
            "Application Specific Identifier");

    static final FieldDef VERSION = FieldDef.uint8("rtcp.version", "Version").mask(0xc0).vals(RtpDissector.VERSIONS);
    static final FieldDef PADDING = FieldDef.bool("rtcp.padding", "Padding", 8, 0x20).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef RC = FieldDef.uint8("rtcp.rc", "Reception report count").mask(0x1f);
    static final FieldDef SC = FieldDef.uint8("rtcp.sc", "Source count").mask(0x1f);
    static final FieldDef PT = FieldDef.uint8("rtcp.pt", "Packet type").vals(PACKET_TYPES);
    static final FieldDef LENGTH = FieldDef.uint16("rtcp.length", "Length");
    static final FieldDef SENDER_SSRC = FieldDef.uint32("rtcp.senderssrc", "Sender SSRC").base(Base.HEX_DEC);
    static final FieldDef NTP_MSW = FieldDef.uint32("rtcp.timestamp.ntp.msw", "Timestamp, MSW").base(Base.DEC_HEX);
    static final FieldDef NTP_LSW = FieldDef.uint32("rtcp.timestamp.ntp.lsw", "Timestamp, LSW").base(Base.DEC_HEX);
    static final FieldDef NTP = FieldDef.absoluteTime("rtcp.timestamp.ntp", "MSW and LSW as NTP timestamp");
    static final FieldDef RTP_TIMESTAMP = FieldDef.uint32("rtcp.timestamp.rtp", "RTP timestamp");
    static final FieldDef PACKET_COUNT = FieldDef.uint32("rtcp.sender.packetcount", "Sender's packet count");
    static final FieldDef OCTET_COUNT = FieldDef.uint32("rtcp.sender.octetcount", "Sender's octet count");
    static final FieldDef SSRC_IDENTIFIER = FieldDef.uint32("rtcp.ssrc.identifier", "Identifier").base(Base.HEX_DEC);
    static final FieldDef FRACTION = FieldDef.uint8("rtcp.ssrc.fraction", "Fraction lost");
    static final FieldDef CUM_NR = FieldDef.of("rtcp.ssrc.cum_nr", "Cumulative number of packets lost",
            dev.dorsal.engine.spi.FieldType.INT24, Base.DEC);
    static final FieldDef EXT_HIGH = FieldDef.uint32("rtcp.ssrc.ext_high", "Extended highest sequence number received");
    static final FieldDef HIGH_SEQ = FieldDef.uint16("rtcp.ssrc.high_seq", "Highest sequence number received");
    static final FieldDef HIGH_CYCLES = FieldDef.uint16("rtcp.ssrc.high_cycles", "Sequence number cycles count");
    static final FieldDef JITTER = FieldDef.uint32("rtcp.ssrc.jitter", "Interarrival jitter");
    static final FieldDef LSR = FieldDef.uint32("rtcp.ssrc.lsr", "Last SR timestamp").base(Base.DEC_HEX);
    static final FieldDef DLSR = FieldDef.uint32("rtcp.ssrc.dlsr", "Delay since last SR timestamp");
    static final FieldDef SDES_TYPE = FieldDef.uint8("rtcp.sdes.type", "Type").vals(SDES_TYPES);
    static final FieldDef SDES_LENGTH = FieldDef.uint32("rtcp.sdes.length", "Length");
    static final FieldDef SDES_TEXT = FieldDef.string("rtcp.sdes.text", "Text");
    static final FieldDef SETUP = FieldDef.string("rtcp.setup", "Stream setup");
    static final FieldDef SETUP_FRAME = FieldDef.framenum("rtcp.setup-frame", "Setup frame");
    static final FieldDef SETUP_METHOD = FieldDef.string("rtcp.setup-method", "Setup Method");
    static final FieldDef LENGTH_CHECK = FieldDef.bool("rtcp.length_check", "RTCP frame length check");

    static final List<FieldDef> FIELDS = List.of(VERSION, PADDING, RC, SC, PT, LENGTH, SENDER_SSRC, NTP_MSW, NTP_LSW,
            NTP, RTP_TIMESTAMP, PACKET_COUNT, OCTET_COUNT, SSRC_IDENTIFIER, FRACTION, CUM_NR, EXT_HIGH, HIGH_SEQ,
            HIGH_CYCLES, JITTER, LSR, DLSR, SDES_TYPE, SDES_LENGTH, SDES_TEXT, SETUP, SETUP_FRAME, SETUP_METHOD,
            LENGTH_CHECK);

    /** Seconds from the NTP epoch (1900) to the Unix epoch. */
    private static final long NTP_TO_UNIX = 2_208_988_800L;

    private RtcpDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        RtpSetup setup = UdpSetup.current(pinfo) instanceof RtpSetup s ? s : null;
        pinfo.columns().setProtocol(PROTO.shortName());
        int own = pinfo.layerNames().size() - 1;
        if (tvb.length() > 0 && (tvb.u8(0) & 0xc0) != 0x80) {
            // not version 2: tshark declines (the datagram goes on to data) after its column and item
            pinfo.columns().setInfo("Unknown RTCP version " + (tvb.u8(0) >> 6));
            tree.addProtocol(PROTO, tvb, 0, tvb.length()).add(VERSION, tvb, 0, 1);
            pinfo.removeLayers(own);
            return 0;
        }
        int first = tvb.length() >= 4 ? tvb.u8(1) : -1;
        if (first < 192 || first > 210) {
            // no RTCP packet type tshark knows, or no header: it takes the datagram and shows nothing
            pinfo.removeLayers(own);
            return tvb.length();
        }
        pinfo.columns().clearInfo();
        int off = 0;
        int total = tvb.reportedLength();
        ProtoItem last = null;
        while (off + 4 <= total) {
            int pt = tvb.u8(off + 1);
            int words = tvb.u16(off + 2);
            int len = (words + 1) * 4;
            String name = PACKET_TYPES.nameOr(pt, "Unknown");
            pinfo.columns().appendInfo(name + "   ");
            ProtoItem p = tree.addProtocol(PROTO, tvb, off, Math.min(len, total - off));
            p.appendText(" (" + name + ")");
            if (setup != null) {
                ProtoItem s = p.addString(SETUP, tvb, off, 0, "");
                if (s != p) {
                    s.setGenerated().setText("Stream setup by SDP (frame " + setup.frame + ")");
                }
                s.addUint(SETUP_FRAME, tvb, off, 0, setup.frame).setGenerated();
                s.addString(SETUP_METHOD, tvb, off, 0, "SDP").setGenerated();
            }
            p.add(VERSION, tvb, off, 1);
            p.add(PADDING, tvb, off, 1);
            int count = tvb.u8(off) & 0x1f;
            p.add(pt == 202 || pt == 203 ? SC : RC, tvb, off, 1);
            p.add(PT, tvb, off + 1, 1);
            ProtoItem l = p.add(LENGTH, tvb, off + 2, 2);
            if (l != p) {
                l.setText("Length: " + words + " (" + len + " bytes)");
            }
            int q = off + 4;
            switch (pt) {
                case 200 -> q = senderReport(tvb, p, q, count);
                case 201 -> {
                    p.add(SENDER_SSRC, tvb, q, 4);
                    q = reportBlocks(tvb, p, q + 4, count);
                }
                case 202 -> sdes(tvb, p, q, count, off + len);
                case 203 -> {
                    for (int i = 0; i < count; i++) {
                        p.add(SSRC_IDENTIFIER, tvb, q, 4);
                        q += 4;
                    }
                }
                default -> { }
            }
            last = p;
            off += len;
        }
        if (last != null) {
            ProtoItem check = last.addBool(LENGTH_CHECK, tvb, 0, 0, off == total);
            if (check != last) {
                check.setGenerated().setText("RTCP frame length check: " + (off == total ? "OK" : "Wrong") + " - "
                        + total + " bytes");
            }
        }
        return tvb.length();
    }

    private static int senderReport(Tvb tvb, ProtoItem p, int q, int count) {
        p.add(SENDER_SSRC, tvb, q, 4);
        long msw = tvb.u32(q + 4);
        long lsw = tvb.u32(q + 8);
        p.add(NTP_MSW, tvb, q + 4, 4);
        p.add(NTP_LSW, tvb, q + 8, 4);
        long nanos = (msw - NTP_TO_UNIX) * 1_000_000_000L + (lsw * 1_000_000_000L >>> 32);
        p.addTime(NTP, tvb, q + 4, 8, nanos).setGenerated();
        p.add(RTP_TIMESTAMP, tvb, q + 12, 4);
        p.add(PACKET_COUNT, tvb, q + 16, 4);
        p.add(OCTET_COUNT, tvb, q + 20, 4);
        return reportBlocks(tvb, p, q + 24, count);
    }

    private static int reportBlocks(Tvb tvb, ProtoItem p, int q, int count) {
        for (int i = 1; i <= count; i++) {
            ProtoItem src = p.addText(tvb, q, 24, "Source " + i);
            src.add(SSRC_IDENTIFIER, tvb, q, 4);
            ProtoItem contents = src.addText(tvb, q + 4, 4, "SSRC contents");
            int fraction = tvb.u8(q + 4);
            ProtoItem f = contents.add(FRACTION, tvb, q + 4, 1);
            if (f != contents) {
                f.setText("Fraction lost: " + fraction + " / 256");
            }
            contents.add(CUM_NR, tvb, q + 5, 3);
            ProtoItem high = src.add(EXT_HIGH, tvb, q + 8, 4);
            high.add(HIGH_CYCLES, tvb, q + 8, 2);
            high.add(HIGH_SEQ, tvb, q + 10, 2);
            src.add(JITTER, tvb, q + 12, 4);
            src.add(LSR, tvb, q + 16, 4);
            long dlsr = tvb.u32(q + 20);
            ProtoItem d = src.add(DLSR, tvb, q + 20, 4);
            if (d != src) {
                d.setText("Delay since last SR timestamp: " + dlsr + " (" + (dlsr * 1000 / 65536) + " milliseconds)");
            }
            q += 24;
        }
        return q;
    }

    private static void sdes(Tvb tvb, ProtoItem p, int q, int count, int end) {
        for (int chunk = 1; chunk <= count && q + 4 <= end; chunk++) {
            int start = q;
            long ssrc = tvb.u32(q);
            ProtoItem c = p.addText(tvb, q, 4, String.format("Chunk %d, SSRC/CSRC 0x%X", chunk, ssrc));
            c.add(SSRC_IDENTIFIER, tvb, q, 4);
            q += 4;
            ProtoItem items = c.addText(tvb, q, 0, "SDES items");
            while (q < end) {
                int type = tvb.u8(q);
                items.add(SDES_TYPE, tvb, q, 1);
                if (type == 0) {
                    q++;
                    break;
                }
                int n = tvb.u8(q + 1);
                items.addUint(SDES_LENGTH, tvb, q + 1, 1, n);
                items.addString(SDES_TEXT, tvb, q + 2, n, tvb.utf8(q + 2, n));
                q += 2 + n;
            }
            q = start + ((q - start + 3) & ~3); // chunks end on a 32-bit boundary
        }
    }
}
