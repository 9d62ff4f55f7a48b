package dev.dorsal.dissectors.gtp;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads GTPv2-C messages (3GPP TS 29.274) as tshark 4.0.17 shows them, reached through the GTP
 * dissector on UDP 2123 when the version is 2: the header (piggybacking, TEID and message priority
 * flags, TEID, sequence number, priority), the information elements ({@link GtpV2Ies}), a piggybacked
 * message after the first, and the request/response links ({@link GtpCalls}). Filter prefix
 * {@code gtpv2}.
 *
 * <pre>
 * | ver(3) P T MP spare | message type | length (after the first 4 octets) | [TEID (32)] |
 * | sequence number (24) | [priority(4) spare(4) | spare(8)] | IEs: type | length (16) | CR(4) instance(4) | …
 * </pre>
 */
public final class GtpV2Dissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("GPRS Tunneling Protocol V2", "GTPv2", "gtpv2");

    static final FieldDef FLAGS = FieldDef.uint8("gtpv2.flags", "Flags").hex();
    static final FieldDef VERSION = FieldDef.uint8("gtpv2.version", "Version").mask(0xe0);
    static final FieldDef P = FieldDef.uint8("gtpv2.p", "Piggybacking flag (P)").mask(0x10);
    static final FieldDef T = FieldDef.uint8("gtpv2.t", "TEID flag (T)").mask(0x08);
    static final FieldDef MP = FieldDef.uint8("gtpv2.mp", "Message Priority(MP)").mask(0x04);
    /** tshark's second item named gtpv2.mp: the priority nibble after the sequence number. */
    static final FieldDef PRIORITY = FieldDef.uint8("gtpv2.mp", "Message Priority").hexDec().mask(0xf0);
    static final FieldDef MESSAGE_TYPE = FieldDef.uint8("gtpv2.message_type", "Message Type")
            .vals(GtpValues.V2_MESSAGES);
    static final FieldDef LENGTH = FieldDef.uint16("gtpv2.msg_length", "Message Length");
    static final FieldDef TEID = FieldDef.uint32("gtpv2.teid", "Tunnel Endpoint Identifier").hexDec();
    static final FieldDef SEQ = FieldDef.uint24("gtpv2.seq", "Sequence Number").hexDec();
    static final FieldDef SPARE = FieldDef.uint16("gtpv2.spare", "Spare");

    static final List<FieldDef> FIELDS = List.of(FLAGS, VERSION, P, T, MP, PRIORITY, MESSAGE_TYPE, LENGTH, TEID, SEQ,
            SPARE);

    @Override
    public String name() {
        return "gtpv2";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(GtpV2Ies.FIELDS);
        all.addAll(GtpV2Uli.FIELDS);
        all.addAll(GtpV2Indication.FIELDS);
        all.addAll(GtpCalls.V2_FIELDS);
        r.fields(PROTO, all);
        r.experts(PROTO, List.<ExpertDef>of(GtpV2Ies.NOT_DISSECTED, GtpV2Ies.TYPE_RESERVED));
        r.handle("gtpv2", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {}

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("GTPv2");
        cols.clearInfo();
        message(tvb, pinfo, tree);
        return tvb.length();
    }

    /** One message, then the piggybacked one after it when the P flag says so. */
    private static void message(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int type = tvb.u8(1);
        Columns cols = pinfo.columns();
        if (cols.enabled()) {
            cols.appendInfo(GtpValues.V2_MESSAGES.nameOr(type, "Unknown"));
        }
        int flags = tvb.u8(0);
        int length = tvb.u16(2);
        int size = Math.min(length + 4, tvb.length());
        ProtoItem gtp = tree.addProtocol(PROTO, tvb, 0, size);
        ProtoItem f = gtp.add(FLAGS, tvb, 0, 1);
        f.add(VERSION, tvb, 0, 1);
        f.add(P, tvb, 0, 1);
        f.add(T, tvb, 0, 1);
        f.add(MP, tvb, 0, 1);
        gtp.add(MESSAGE_TYPE, tvb, 1, 1);
        gtp.add(LENGTH, tvb, 2, 2);
        int offset = 4;
        if ((flags & 0x08) != 0) {
            gtp.add(TEID, tvb, 4, 4);
            offset = 8;
        }
        long seq = tvb.u24(offset);
        gtp.add(SEQ, tvb, offset, 3);
        if ((flags & 0x04) != 0) {
            gtp.add(PRIORITY, tvb, offset + 3, 1);
        } else {
            gtp.add(SPARE, tvb, offset + 3, 1);
        }
        offset += 4;
        // The length bounds the IEs only before a piggybacked message; otherwise tshark reads to the end.
        boolean piggybacked = (flags & 0x10) != 0;
        int end = piggybacked ? Math.min(length + 4, tvb.reportedLength()) : tvb.reportedLength();
        GtpV2Ies.list(tvb, pinfo, gtp, offset, end);
        GtpCalls.trackV2(tvb, pinfo, gtp, seq, type);
        if (piggybacked) {
            if (cols.enabled()) {
                cols.appendInfo(" / ");
            }
            // nothing after the first message is a piggybacked message cut short, as tshark reads it
            message(tvb.slice(Math.min(length + 4, tvb.length())), pinfo, tree);
        }
    }
}
