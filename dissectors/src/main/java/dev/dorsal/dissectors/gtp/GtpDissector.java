package dev.dorsal.dissectors.gtp;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
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
 * Reads the GPRS Tunnelling Protocol version 1 (3GPP TS 29.060, 29.281) as tshark 4.0.17 shows it: the
 * header with its optional sequence number, N-PDU number and chain of extension headers; for GTP-U's
 * T-PDU the tunnelled IPv4 or IPv6 packet, handed to IP so its layers are dissected and the Protocol
 * column reads "GTP &lt;ICMP&gt;"; for GTP-C the information elements ({@link GtpV1Ies}) and the
 * request/response links ({@link GtpCalls}). Version 2 headers go to {@link GtpV2Dissector}. Ports
 * 2152 (GTP-U) and 2123 (GTP-C) over UDP and TCP, 3386 for GTP' and version 0 ({@link GtpOldHeaders});
 * filter prefix {@code gtp}.
 *
 * <pre>
 * | ver(3) PT E S PN | message type | length (after the TEID) | TEID (32) |
 * | sequence number (16) | N-PDU number | next extension header type |   (when E, S or PN is set)
 * | extension headers: length (in 4 octets) | content | next type | …
 * </pre>
 */
public final class GtpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("GPRS Tunneling Protocol", "GTP", "gtp");

    static final int PORT_U = 2152;
    static final int PORT_C = 2123;
    /** GTP' (charging data) and GTPv0. */
    static final int PORT_PRIME = 3386;
    static final int T_PDU = 0xff;

    static final FieldDef FLAGS = FieldDef.uint8("gtp.flags", "Flags").hex();
    static final FieldDef VERSION = FieldDef.uint8("gtp.flags.version", "Version").mask(0xe0)
            .vals(GtpValues.V1_VERSIONS);
    static final FieldDef PAYLOAD = FieldDef.uint8("gtp.flags.payload", "Protocol type").mask(0x10)
            .vals(dev.dorsal.engine.spi.ValueString.of(0, "GTP'", 1, "GTP"));
    /** tshark's second registration of the name: version 1 shows only bit 4 as reserved. */
    static final FieldDef RESERVED = FieldDef.uint8("gtp.flags.reserved", "Reserved").mask(0x08);
    static final FieldDef FLAG_E = FieldDef.bool("gtp.flags.e", "Is Next Extension Header present?", 8, 0x04)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_S = FieldDef.bool("gtp.flags.s", "Is Sequence Number present?", 8, 0x02)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_PN = FieldDef.bool("gtp.flags.pn", "Is N-PDU number present?", 8, 0x01)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef MESSAGE = FieldDef.uint8("gtp.message", "Message Type").hex().vals(GtpValues.V1_MESSAGES);
    static final FieldDef LENGTH = FieldDef.uint16("gtp.length", "Length");
    static final FieldDef TEID = FieldDef.uint32("gtp.teid", "TEID").hexDec();
    static final FieldDef SEQ = FieldDef.uint16("gtp.seq_number", "Sequence number").hexDec();
    static final FieldDef NPDU = FieldDef.uint8("gtp.npdu_number", "N-PDU Number").hex();
    static final FieldDef TPDU_DATA = FieldDef.bytes("gtp.tpdu_data", "T-PDU Data");

    static final List<FieldDef> FIELDS = List.of(FLAGS, VERSION, PAYLOAD, RESERVED, FLAG_E, FLAG_S, FLAG_PN, MESSAGE,
            LENGTH, TEID, SEQ, NPDU, TPDU_DATA);

    static final ExpertDef UNKNOWN_IE = new ExpertDef("gtp.unknown_extension_header", "Unknown extension header",
            Group.PROTOCOL, Severity.WARN);

    /** A T-PDU that does not start like IP is shown as data when it has at most this many bytes. */
    private static final int TPDU_DATA_MAX = 14;

    private DissectorHandle ip;
    private DissectorHandle ipv6;
    private DissectorHandle v2;

    @Override
    public String name() {
        return "gtp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.protocol(GtpOldHeaders.PRIME);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(GtpOldHeaders.FIELDS);
        all.addAll(GtpExtensionHeaders.FIELDS);
        all.addAll(GtpV1Ies.FIELDS);
        all.addAll(GtpCalls.V1_FIELDS);
        r.fields(PROTO, all);
        List<ExpertDef> experts = new ArrayList<>(List.of(UNKNOWN_IE, GtpV1Ies.UNDECODED));
        experts.addAll(GtpExtensionHeaders.EXPERTS);
        r.experts(PROTO, experts);
        r.handle("gtp", PROTO, this::dissect);
        r.handle("gtpprime", GtpOldHeaders.PRIME, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        ip = t.handle("ip");
        ipv6 = t.handle("ipv6");
        v2 = t.handle("gtpv2");
        DissectorHandle gtp = t.handle("gtp");
        t.table("udp.port").add(PORT_U, gtp);
        t.table("udp.port").add(PORT_C, gtp);
        // tshark's "Dissect GTP over TCP" (on by default) reads each segment's payload as one message
        t.table("tcp.port").add(PORT_U, gtp);
        t.table("tcp.port").add(PORT_C, gtp);
        t.table("udp.port").add(PORT_PRIME, t.handle("gtpprime"));
        t.table("tcp.port").add(PORT_PRIME, t.handle("gtpprime"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int flags = tvb.u8(0);
        int version = flags >> 5;
        if (version == 2) {
            return pinfo.call(v2, tvb, tree);
        }
        int type = tvb.u8(1);
        if (type == 0 || GtpValues.V1_MESSAGES.name(type) == null) {
            return 0; // tshark leaves a message type it does not know to the next dissector
        }
        pinfo.columns().setProtocol("GTP");
        pinfo.columns().clearInfo();
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo(GtpValues.V1_MESSAGES.nameOr(type, "Unknown"));
        }
        int length = tvb.u16(2);
        if ((flags & 0x10) == 0 || version == 0) {
            boolean prime = (flags & 0x10) == 0;
            ProtoItem gtp = tree.addProtocol(prime ? GtpOldHeaders.PRIME : PROTO, tvb, 0, tvb.length());
            int offset = prime ? GtpOldHeaders.prime(tvb, gtp) : GtpOldHeaders.v0(tvb, gtp);
            int end = Math.min(offset + length, tvb.reportedLength());
            GtpV1Ies.dissect(tvb, pinfo, gtp, offset, end);
            GtpCalls.trackV1(tvb, pinfo, gtp, tvb.u16(4), type);
            return tvb.length();
        }
        ProtoItem gtp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        ProtoItem flagsItem = gtp.add(FLAGS, tvb, 0, 1);
        flagsItem.add(VERSION, tvb, 0, 1);
        flagsItem.add(PAYLOAD, tvb, 0, 1);
        flagsItem.add(RESERVED, tvb, 0, 1);
        flagsItem.add(FLAG_E, tvb, 0, 1);
        flagsItem.add(FLAG_S, tvb, 0, 1);
        flagsItem.add(FLAG_PN, tvb, 0, 1);
        gtp.add(MESSAGE, tvb, 1, 1);
        gtp.add(LENGTH, tvb, 2, 2);
        gtp.add(TEID, tvb, 4, 4);
        int offset = 8;
        int seq = 0;
        if ((flags & 0x07) != 0) {
            seq = tvb.u16(8);
            if ((flags & 0x02) != 0) {
                gtp.add(SEQ, tvb, 8, 2);
            }
            if ((flags & 0x01) != 0) {
                gtp.add(NPDU, tvb, 10, 1);
            }
            offset = 11;
            if ((flags & 0x04) != 0) {
                offset = GtpExtensionHeaders.dissect(tvb, gtp, pinfo, 11);
                if (offset < 0) {
                    return tvb.length();
                }
            } else {
                offset = 12;
            }
        }
        if (type == T_PDU) {
            gtp.setLength(Math.min(offset, tvb.length()));
            tunnelled(tvb, pinfo, tree, offset);
            return tvb.length();
        }
        int end = Math.min(8 + length, tvb.reportedLength());
        GtpV1Ies.dissect(tvb, pinfo, gtp, offset, end);
        GtpCalls.trackV1(tvb, pinfo, gtp, seq, type);
        return tvb.length();
    }

    /**
     * Hands the T-PDU on as tshark's default heuristic does: a first byte 0x45-0x4e is IPv4 and 0x6?
     * IPv6; anything else of up to 14 bytes is shown as data, longer is left undissected. When a
     * protocol took it, the Protocol column becomes "GTP &lt;that protocol&gt;".
     */
    private void tunnelled(Tvb tvb, PacketInfo pinfo, ProtoItem tree, int offset) {
        int left = tvb.reportedLength() - offset;
        if (left <= 0) {
            return;
        }
        Tvb inner = tvb.slice(offset);
        int mark = pinfo.layerNames().size();
        int first = tvb.u8(offset);
        if (first >= 0x45 && first <= 0x4e) {
            pinfo.call(ip, inner, tree);
        } else if ((first & 0xf0) == 0x60) {
            pinfo.call(ipv6, inner, tree);
        } else if (left <= TPDU_DATA_MAX) {
            tree.add(TPDU_DATA, tvb, offset, tvb.remaining(offset));
        } else {
            return;
        }
        // tshark catches no error of the tunnelled packet: one ends the frame before GTP names the
        // column, which keeps the inner protocol's name alone.
        List<String> layers = pinfo.layerNames();
        for (int i = mark; i < layers.size(); i++) {
            if (layers.get(i).equals("_ws.malformed") || layers.get(i).equals("_ws.short")) {
                return;
            }
        }
        pinfo.columns().setProtocol("GTP <" + pinfo.columns().protocol() + ">");
    }
}
