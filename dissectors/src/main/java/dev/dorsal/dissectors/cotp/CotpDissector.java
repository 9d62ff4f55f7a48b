package dev.dorsal.dissectors.cotp;

import dev.dorsal.dissectors.conversation.ConversationIndex;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.HeuristicList;
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
 * Reads the ISO 8073 / X.224 connection-oriented transport protocol carried by TPKT: every TPDU of
 * a packet (CR, CC, DR, DC, DT, ED, AK, EA, RJ, ER) in the normal formats, with the header
 * parameters of {@link CotpParameters}. DT user data goes to the {@code cotp} heuristics (S7comm),
 * else to data; DT TPDUs without the end-of-TSDU mark are reassembled ({@link CotpReassembly}).
 * Filter prefix {@code cotp.}.
 *
 * <pre>
 * | length indicator (1) | type (4 bits) | credit (4 bits) | fixed part | parameters... | user data |
 * </pre>
 */
public final class CotpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("ISO 8073/X.224 COTP Connection-Oriented Transport Protocol",
            "COTP", "cotp");

    static final int ED = 0x1;
    static final int EA = 0x2;
    static final int RJ = 0x5;
    static final int AK = 0x6;
    static final int ER = 0x7;
    static final int DR = 0x8;
    static final int DC = 0xc;
    static final int CC = 0xd;
    static final int CR = 0xe;
    static final int DT = 0xf;

    static final ValueString TYPES = ValueString.of(ED, "ED Expedited Data", EA, "EA Expedited Data Acknowledgement",
            RJ, "RJ Reject", AK, "AK Data Acknowledgement", ER, "ER TPDU Error", DR, "DR Disconnect Request",
            DC, "DC Disconnect Confirm", CC, "CC Connect Confirm", CR, "CR Connect Request", DT, "DT Data");
    static final ValueString ABBREVS = ValueString.of(ED, "ED", EA, "EA", RJ, "RJ", AK, "AK", ER, "ER", DR, "DR",
            DC, "DC", CC, "CC", CR, "CR", DT, "DT");
    static final ValueString CAUSES = ValueString.of(0, "Reason not specified", 1, "Congestion at TSAP",
            2, "Session entity not attached to TSAP", 3, "Address unknown", 128, "Normal Disconnect",
            129, "Remote transport entity congestion", 130, "Connection negotiation failed",
            131, "Duplicate source reference", 132, "Mismatched references", 133, "Protocol error",
            135, "Reference overflow", 136, "Connection request refused", 138, "Header or parameter length invalid");
    static final ValueString REJECT_CAUSES = ValueString.of(0, "Reason not specified", 1, "Invalid parameter code",
            2, "Invalid TPDU type", 3, "Invalid parameter value");

    static final FieldDef LI = FieldDef.uint8("cotp.li", "Length").blurb("Length Indicator, length of this header");
    static final FieldDef TYPE = FieldDef.uint8("cotp.type", "PDU Type").hex().vals(TYPES)
            .blurb("PDU Type - upper nibble of byte");
    static final FieldDef SRCREF = FieldDef.uint16("cotp.srcref", "Source reference").hex()
            .blurb("Source address reference");
    static final FieldDef DSTREF = FieldDef.uint16("cotp.destref", "Destination reference").hex()
            .blurb("Destination address reference");
    static final FieldDef CLASS = FieldDef.uint8("cotp.class", "Class").mask(0xf0).blurb("Transport protocol class");
    static final FieldDef EXTENDED = FieldDef.bool("cotp.opts.extended_formats", "Extended formats", 8, 0x02).tfs(TrueFalse.TRUE_FALSE)
            .blurb("Use of extended formats in classes 2, 3, and 4");
    static final FieldDef NO_FLOW_CONTROL = FieldDef.bool("cotp.opts.no_explicit_flow_control",
            "No explicit flow control", 8, 0x01).tfs(TrueFalse.TRUE_FALSE).blurb("No explicit flow control in class 2");
    static final FieldDef TPDU_NUMBER = FieldDef.uint8("cotp.tpdu-number", "TPDU number").hex().mask(0x7f);
    static final FieldDef NEXT_TPDU_NUMBER = FieldDef.uint8("cotp.next-tpdu-number", "Your TPDU number").hex();
    static final FieldDef EOT = FieldDef.bool("cotp.eot", "Last data unit", 8, 0x80).tfs(TrueFalse.YES_NO)
            .blurb("Is current TPDU the last data unit of a complete DT TPDU sequence (End of TSDU)?");
    static final FieldDef CREDIT = FieldDef.uint16("cotp.credit", "Credit").hex();
    /** tshark registers {@code cotp.credit} twice: the 4-bit CDT of AK and RJ is this decimal one. */
    static final FieldDef CREDIT_CDT = FieldDef.uint8("cotp.credit", "Credit");
    static final FieldDef CAUSE = FieldDef.uint8("cotp.cause", "Cause").vals(CAUSES);
    static final FieldDef REJECT_CAUSE = FieldDef.uint8("cotp.reject_cause", "Reject cause").vals(REJECT_CAUSES);

    static final List<FieldDef> FIELDS = List.of(LI, TYPE, SRCREF, DSTREF, CLASS, EXTENDED, NO_FLOW_CONTROL,
            TPDU_NUMBER, NEXT_TPDU_NUMBER, EOT, CREDIT, CREDIT_CDT, CAUSE, REJECT_CAUSE);

    static final ExpertDef DISCONNECT_REQUEST = new ExpertDef("cotp.disconnect_request",
            "Disconnect Request(DR): 0x%x -> 0x%x", ExpertDef.Group.SEQUENCE, ExpertDef.Severity.CHAT);
    static final ExpertDef REJECT = new ExpertDef("cotp.reject", "Reject(RJ): -> 0x%x", ExpertDef.Group.SEQUENCE,
            ExpertDef.Severity.NOTE);
    static final ExpertDef DISCONNECT_CONFIRM = new ExpertDef("cotp.disconnect_confirm",
            "Disconnect Confirm(DC): 0x%x -> 0x%x", ExpertDef.Group.SEQUENCE, ExpertDef.Severity.CHAT);

    /** DT TPDUs of class 0/1 with the end mark already seen in this frame (low half of the implied reference). */
    private static final Key<int[]> IMPLIED_REF = Key.of("cotp.implied_dst_ref");

    private static HeuristicList heuristics;
    private static DissectorHandle data;

    @Override
    public String name() {
        return "cotp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(CotpParameters.FIELDS);
        all.addAll(CotpReassembly.FIELDS);
        r.fields(PROTO, all);
        r.experts(PROTO, List.of(DISCONNECT_REQUEST, REJECT, DISCONNECT_CONFIRM, CotpParameters.BAD_CHECKSUM));
        r.newHeuristicList("cotp");
        r.handle("cotp", PROTO, CotpDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        heuristics = t.heuristics("cotp");
        data = t.handle("data");
    }

    /**
     * Walks the TPDUs of one TPKT packet; returns 0 (so TPKT shows data) when one is not a TPDU.
     * Later TPDUs are announced in Info after ", "; one that fails leaves the rest to data.
     */
    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        int off = 0;
        boolean first = true;
        boolean found = false;
        while (off < tvb.length()) {
            if (!first) {
                cols.appendInfo(", ");
            }
            int li = tvb.u8(off);
            if (li == 0) {
                cols.appendInfo("Length indicator is zero");
                if (!first) {
                    pinfo.call(data, tvb.slice(off), tree);
                }
                return found ? tvb.length() : 0;
            }
            int type = tvb.u8(off + 1) >> 4;
            int next = switch (type) {
                case DT -> dt(tvb, off, li, pinfo, tree);
                case ED -> ed(tvb, off, li, pinfo, tree);
                case CR, CC -> connection(tvb, off, li, type, pinfo, tree);
                case DR -> dr(tvb, off, li, pinfo, tree);
                case DC -> dc(tvb, off, li, pinfo, tree);
                case AK, RJ, EA -> ack(tvb, off, li, type, pinfo, tree);
                case ER -> er(tvb, off, li, pinfo, tree);
                default -> {
                    if (first) {
                        cols.appendInfo("Unknown TPDU type (0x" + Integer.toHexString(type) + ")");
                    }
                    yield -1;
                }
            };
            if (next < 0) {
                if (!first) {
                    pinfo.call(data, tvb.slice(off), tree);
                }
                // As in tshark, a TPDU that cannot be read makes the whole packet undissected: TPKT
                // then shows it all as data, after what was shown.
                return 0;
            }
            found = true;
            first = false;
            off = next;
        }
        return found ? tvb.length() : 0;
    }

    /** The header of a TPDU: its protocol node, Length and PDU Type. */
    private static ProtoItem header(Tvb tvb, int off, int len, PacketInfo pinfo, ProtoItem tree) {
        ProtoItem cotp = tree.addProtocol(PROTO, tvb, off, len);
        cotp.add(LI, tvb, off, 1);
        cotp.addUint(TYPE, tvb, off + 1, 1, tvb.u8(off + 1) >> 4);
        return cotp;
    }

    private static String hex4(int v) {
        return String.format("0x%04x", v);
    }

    private static int dt(Tvb tvb, int off, int li, PacketInfo pinfo, ProtoItem tree) {
        boolean class01 = li == 2;
        if (!class01 && li != 4) {
            return -1;
        }
        if (tvb.length() < off + li + 1) {
            return -1;
        }
        int dstRef;
        int nrOff;
        if (class01) {
            // tshark implies the reference from its conversation number (high half) and the DT TPDUs
            // with the end mark already seen in this frame (low half).
            int[] implied = pinfo.get(IMPLIED_REF);
            long conversation = Math.max(0, ConversationIndex.current(pinfo));
            dstRef = (int) (conversation << 16) + (implied == null ? 0 : implied[0]);
            nrOff = off + 2;
        } else {
            dstRef = tvb.u16(off + 2);
            nrOff = off + 4;
        }
        int nrByte = tvb.u8(nrOff);
        int nr = nrByte & 0x7f;
        boolean eot = (nrByte & 0x80) != 0;
        Columns cols = pinfo.columns();
        cols.setProtocol("COTP");
        cols.appendInfo("DT TPDU (" + nr + ") ");
        if (!class01) {
            cols.appendInfo("dst-ref: " + hex4(dstRef) + " ");
        }
        if (eot) {
            cols.appendInfo("EOT");
        }
        int dataOff = off + li + 1;
        ProtoItem cotp = header(tvb, off, li + 1, pinfo, tree);
        if (class01) {
            // The value is a 16-bit field's, the label shows the whole implied reference, as in tshark.
            cotp.addUint(DSTREF, tvb, off, 0, dstRef & 0xffff).setGenerated()
                    .setText(String.format("%s: 0x%04x", DSTREF.name(), dstRef));
        } else {
            cotp.add(DSTREF, tvb, off + 2, 2);
        }
        cotp.add(TPDU_NUMBER, tvb, nrOff, 1);
        cotp.add(EOT, tvb, nrOff, 1);
        if (class01 && eot) {
            int[] implied = pinfo.get(IMPLIED_REF);
            if (implied == null) {
                pinfo.put(IMPLIED_REF, new int[] {1});
            } else {
                implied[0]++;
            }
        }
        Tvb payload = tvb.slice(dataOff);
        Tvb next = CotpReassembly.add(pinfo, dstRef, payload, eot, cotp, tree);
        if (next != null && next.reportedLength() > 0) {
            if (!heuristics.tryHeuristics(next, pinfo, tree)) {
                pinfo.call(data, next, tree);
            }
        }
        return tvb.length();
    }

    private static int ed(Tvb tvb, int off, int li, PacketInfo pinfo, ProtoItem tree) {
        if (li != 4 || tvb.length() < off + 5) {
            return -1;
        }
        int dstRef = tvb.u16(off + 2);
        int nr = tvb.u8(off + 4) & 0x7f;
        pinfo.columns().setProtocol("COTP");
        pinfo.columns().appendInfo("ED TPDU (" + nr + ") dst-ref: " + hex4(dstRef));
        ProtoItem cotp = header(tvb, off, li + 1, pinfo, tree);
        cotp.add(DSTREF, tvb, off + 2, 2);
        cotp.add(TPDU_NUMBER, tvb, off + 4, 1);
        Tvb payload = tvb.slice(off + li + 1);
        if (payload.reportedLength() > 0 && !heuristics.tryHeuristics(payload, pinfo, tree)) {
            pinfo.call(data, payload, tree);
        }
        return tvb.length();
    }

    private static int connection(Tvb tvb, int off, int li, int type, PacketInfo pinfo, ProtoItem tree) {
        if (li < 6 || tvb.length() < off + li + 1) {
            return -1;
        }
        int dstRef = tvb.u16(off + 2);
        int srcRef = tvb.u16(off + 4);
        pinfo.columns().setProtocol("COTP");
        pinfo.columns().appendInfo(ABBREVS.name(type) + " TPDU src-ref: " + hex4(srcRef) + " dst-ref: "
                + hex4(dstRef));
        ProtoItem cotp = header(tvb, off, li + 1, pinfo, tree);
        cotp.add(DSTREF, tvb, off + 2, 2);
        cotp.add(SRCREF, tvb, off + 4, 2);
        cotp.add(CLASS, tvb, off + 6, 1);
        cotp.add(EXTENDED, tvb, off + 6, 1);
        cotp.add(NO_FLOW_CONTROL, tvb, off + 6, 1);
        CotpParameters.dissect(tvb, off + 7, off + li + 1, cotp, tvb.slice(off));
        int end = off + li + 1;
        if (tvb.length() > end) {
            pinfo.call(data, tvb.slice(end), tree);
        }
        return tvb.length();
    }

    private static int dr(Tvb tvb, int off, int li, PacketInfo pinfo, ProtoItem tree) {
        if (li < 6 || tvb.length() < off + li + 1) {
            return -1;
        }
        int dstRef = tvb.u16(off + 2);
        int srcRef = tvb.u16(off + 4);
        pinfo.columns().setProtocol("COTP");
        pinfo.columns().appendInfo("DR TPDU src-ref: " + hex4(srcRef) + " dst-ref: " + hex4(dstRef));
        ProtoItem cotp = header(tvb, off, li + 1, pinfo, tree);
        cotp.add(DSTREF, tvb, off + 2, 2);
        cotp.add(SRCREF, tvb, off + 4, 2);
        cotp.add(CAUSE, tvb, off + 6, 1);
        CotpParameters.dissect(tvb, off + 7, off + li + 1, cotp, tvb.slice(off));
        cotp.expert(DISCONNECT_REQUEST, "Disconnect Request(DR): 0x" + Integer.toHexString(srcRef) + " -> 0x"
                + Integer.toHexString(dstRef));
        return off + li + 1;
    }

    private static int dc(Tvb tvb, int off, int li, PacketInfo pinfo, ProtoItem tree) {
        if (li < 5 || tvb.length() < off + li + 1) {
            return -1;
        }
        int dstRef = tvb.u16(off + 2);
        int srcRef = tvb.u16(off + 4);
        pinfo.columns().setProtocol("COTP");
        pinfo.columns().appendInfo("DC TPDU src-ref: " + hex4(srcRef) + " dst-ref: " + hex4(dstRef));
        ProtoItem cotp = tree.addProtocol(PROTO, tvb, off, li + 1);
        cotp.add(LI, tvb, off, 1);
        ProtoItem t = cotp.addUint(TYPE, tvb, off + 1, 1, DC);
        t.expert(DISCONNECT_CONFIRM, "Disconnect Confirm(DC): 0x" + Integer.toHexString(srcRef) + " -> 0x"
                + Integer.toHexString(dstRef));
        cotp.add(DSTREF, tvb, off + 2, 2);
        cotp.add(SRCREF, tvb, off + 4, 2);
        CotpParameters.dissect(tvb, off + 6, off + li + 1, cotp, tvb.slice(off));
        return off + li + 1;
    }

    /** AK, RJ and EA in the normal format: destination reference and the TPDU number expected next. */
    private static int ack(Tvb tvb, int off, int li, int type, PacketInfo pinfo, ProtoItem tree) {
        if (li != 4 || tvb.length() < off + 5) {
            return -1;
        }
        int credit = tvb.u8(off + 1) & 0x0f;
        int dstRef = tvb.u16(off + 2);
        int nr = tvb.u8(off + 4);
        int shown = type == EA ? nr : nr & 0x7f;
        pinfo.columns().setProtocol("COTP");
        pinfo.columns().appendInfo(ABBREVS.name(type) + " TPDU (" + shown + ") dst-ref: " + hex4(dstRef));
        ProtoItem cotp = tree.addProtocol(PROTO, tvb, off, li + 1);
        cotp.add(LI, tvb, off, 1);
        ProtoItem t = cotp.addUint(TYPE, tvb, off + 1, 1, type);
        if (type == RJ) {
            t.expert(REJECT, "Reject(RJ): -> 0x" + Integer.toHexString(dstRef));
        }
        if (type != EA) {
            cotp.addUint(CREDIT_CDT, tvb, off + 1, 1, credit);
        }
        cotp.add(DSTREF, tvb, off + 2, 2);
        cotp.addUint(NEXT_TPDU_NUMBER, tvb, off + 4, 1, shown);
        return off + li + 1;
    }

    private static int er(Tvb tvb, int off, int li, PacketInfo pinfo, ProtoItem tree) {
        if (li < 4 || li > 8 || tvb.length() < off + li + 1) {
            return -1;
        }
        int dstRef = tvb.u16(off + 2);
        pinfo.columns().setProtocol("COTP");
        pinfo.columns().appendInfo("ER TPDU dst-ref: " + hex4(dstRef));
        ProtoItem cotp = header(tvb, off, li + 1, pinfo, tree);
        cotp.add(DSTREF, tvb, off + 2, 2);
        cotp.add(REJECT_CAUSE, tvb, off + 4, 1);
        CotpParameters.dissect(tvb, off + 5, off + li + 1, cotp, tvb.slice(off));
        return off + li + 1;
    }
}
