package dev.dorsal.dissectors.quic;

import dev.dorsal.dissectors.tls.TlsQuic;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects the frames of a decrypted QUIC packet payload (RFC 9000 section 19, DATAGRAM from RFC 9221)
 * one after another until the payload ends, naming each in Info as tshark abbreviates it. CRYPTO data
 * goes through {@link QuicCryptoStream} and the whole TLS handshake messages to TLS.
 *
 * <pre>
 * | frame type (varint) | type-specific fields … |
 * </pre>
 */
final class QuicFrames {
    private QuicFrames() {}

    static final FieldDef FRAME = FieldDef.none("quic.frame", "Frame");
    static final FieldDef FRAME_TYPE = FieldDef.uint64("quic.frame_type", "Frame Type").hex()
            .vals(QuicValues.FRAME_TYPES);
    static final FieldDef PADDING_LENGTH = FieldDef.uint32("quic.padding_length", "Padding Length");
    static final FieldDef ACK_LARGEST = FieldDef.uint64("quic.ack.largest_acknowledged", "Largest Acknowledged");
    static final FieldDef ACK_DELAY = FieldDef.uint64("quic.ack.ack_delay", "ACK Delay");
    static final FieldDef ACK_RANGE_COUNT = FieldDef.uint64("quic.ack.ack_range_count", "ACK Range Count");
    static final FieldDef ACK_FIRST_RANGE = FieldDef.uint64("quic.ack.first_ack_range", "First ACK Range");
    static final FieldDef ACK_GAP = FieldDef.uint64("quic.ack.gap", "Gap");
    static final FieldDef ACK_RANGE = FieldDef.uint64("quic.ack.ack_range", "ACK Range");
    static final FieldDef ACK_ECT0 = FieldDef.uint64("quic.ack.ect0_count", "ECT(0) Count");
    static final FieldDef ACK_ECT1 = FieldDef.uint64("quic.ack.ect1_count", "ECT(1) Count");
    static final FieldDef ACK_CE = FieldDef.uint64("quic.ack.ecn_ce_count", "ECN-CE Count");
    static final FieldDef RSTS_STREAM_ID = FieldDef.uint64("quic.rsts.stream_id", "Stream ID");
    static final FieldDef RSTS_ERROR = FieldDef.uint64("quic.rsts.application_error_code", "Application Error code");
    static final FieldDef RSTS_FINAL_SIZE = FieldDef.uint64("quic.rsts.final_size", "Final Size");
    static final FieldDef SS_STREAM_ID = FieldDef.uint64("quic.ss.stream_id", "Stream ID");
    static final FieldDef SS_ERROR = FieldDef.uint64("quic.ss.application_error_code", "Application Error code");
    static final FieldDef CRYPTO_OFFSET = FieldDef.uint64("quic.crypto.offset", "Offset");
    static final FieldDef CRYPTO_LENGTH = FieldDef.uint64("quic.crypto.length", "Length");
    static final FieldDef CRYPTO_DATA = FieldDef.none("quic.crypto.crypto_data", "Crypto Data");
    static final FieldDef CRYPTO_FRAGMENTS = FieldDef.none("quic.crypto.fragments",
            "Reassembled QUIC CRYPTO Data Fragments");
    static final FieldDef CRYPTO_FRAGMENT = FieldDef.framenum("quic.crypto.fragment", "QUIC CRYPTO Data Fragment");
    static final FieldDef CRYPTO_FRAGMENT_COUNT = FieldDef.uint32("quic.crypto.fragment.count", "Fragment count");
    static final FieldDef CRYPTO_REASSEMBLED_IN = FieldDef.framenum("quic.crypto.reassembled_in",
            "Reassembled PDU in frame");
    static final FieldDef NT_LENGTH = FieldDef.uint64("quic.nt.length", "(Token) Length");
    static final FieldDef NT_TOKEN = FieldDef.bytes("quic.nt.token", "Token");
    static final FieldDef STREAM_FIN = FieldDef.bool("quic.stream.fin", "Fin", 8, 0x01)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef STREAM_LEN = FieldDef.bool("quic.stream.len", "Len(gth)", 8, 0x02)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef STREAM_OFF = FieldDef.bool("quic.stream.off", "Off(set)", 8, 0x04)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef STREAM_ID = FieldDef.uint64("quic.stream.stream_id", "Stream ID");
    static final FieldDef STREAM_INITIATOR = FieldDef.uint64("quic.stream.initiator", "Stream initiator").mask(0x1)
            .vals(QuicValues.STREAM_INITIATORS);
    static final FieldDef STREAM_DIRECTION = FieldDef.uint64("quic.stream.direction", "Stream direction").mask(0x2)
            .vals(QuicValues.STREAM_DIRECTIONS);
    static final FieldDef STREAM_OFFSET = FieldDef.uint64("quic.stream.offset", "Offset");
    static final FieldDef STREAM_LENGTH = FieldDef.uint64("quic.stream.length", "Length");
    static final FieldDef STREAM_DATA = FieldDef.bytes("quic.stream_data", "Stream Data");
    static final FieldDef MD_MAXIMUM_DATA = FieldDef.uint64("quic.md.maximum_data", "Maximum Data");
    static final FieldDef MSD_STREAM_ID = FieldDef.uint64("quic.msd.stream_id", "Stream ID");
    static final FieldDef MSD_MAXIMUM = FieldDef.uint64("quic.msd.maximum_stream_data", "Maximum Stream Data");
    static final FieldDef MS_MAX_STREAMS = FieldDef.uint64("quic.ms.max_streams", "Max Streams");
    static final FieldDef SB_LIMIT = FieldDef.uint64("quic.sb.stream_data_limit", "Stream Data Limit");
    static final FieldDef SDB_STREAM_ID = FieldDef.uint64("quic.sdb.stream_id", "Stream ID");
    static final FieldDef SIB_LIMIT = FieldDef.uint64("quic.sib.stream_limit", "Stream Limit");
    static final FieldDef NCI_RETIRE = FieldDef.uint64("quic.nci.retire_prior_to", "Retire Prior To");
    static final FieldDef NCI_SEQUENCE = FieldDef.uint64("quic.nci.sequence", "Sequence");
    static final FieldDef NCI_CID_LENGTH = FieldDef.uint8("quic.nci.connection_id.length", "Connection ID Length");
    static final FieldDef NCI_CID = FieldDef.bytes("quic.nci.connection_id", "Connection ID");
    static final FieldDef NCI_RESET_TOKEN = FieldDef.bytes("quic.nci.stateless_reset_token", "Stateless Reset Token");
    static final FieldDef RCI_SEQUENCE = FieldDef.uint64("quic.rci.sequence", "Sequence");
    static final FieldDef PATH_CHALLENGE_DATA = FieldDef.bytes("quic.path_challenge.data", "Data");
    static final FieldDef PATH_RESPONSE_DATA = FieldDef.bytes("quic.path_response.data", "Data");
    static final FieldDef CC_ERROR = FieldDef.uint64("quic.cc.error_code", "Error code")
            .vals(QuicValues.TRANSPORT_ERRORS);
    static final FieldDef CC_ERROR_APP = FieldDef.uint64("quic.cc.error_code.app", "Application Error code");
    static final FieldDef CC_TLS_ALERT = FieldDef.uint8("quic.cc.error_code.tls_alert", "TLS Alert Description")
            .vals(TlsQuic.ALERT_DESCRIPTIONS);
    static final FieldDef CC_FRAME_TYPE = FieldDef.uint64("quic.cc.frame_type", "Frame Type");
    static final FieldDef CC_REASON_LENGTH = FieldDef.uint64("quic.cc.reason_phrase.length", "Reason phrase Length");
    static final FieldDef CC_REASON = FieldDef.string("quic.cc.reason_phrase", "Reason phrase");
    static final FieldDef DG_LENGTH = FieldDef.uint64("quic.dg.length", "Datagram Length");
    static final FieldDef DG = FieldDef.bytes("quic.dg", "Datagram");

    static final List<FieldDef> FIELDS = List.of(FRAME, FRAME_TYPE, PADDING_LENGTH, ACK_LARGEST, ACK_DELAY,
            ACK_RANGE_COUNT, ACK_FIRST_RANGE, ACK_GAP, ACK_RANGE, ACK_ECT0, ACK_ECT1, ACK_CE, RSTS_STREAM_ID,
            RSTS_ERROR, RSTS_FINAL_SIZE, SS_STREAM_ID, SS_ERROR, CRYPTO_OFFSET, CRYPTO_LENGTH, CRYPTO_DATA, NT_LENGTH,
            NT_TOKEN, STREAM_FIN, STREAM_LEN, STREAM_OFF, STREAM_ID, STREAM_INITIATOR, STREAM_DIRECTION,
            STREAM_OFFSET, STREAM_LENGTH, STREAM_DATA, MD_MAXIMUM_DATA, MSD_STREAM_ID, MSD_MAXIMUM, MS_MAX_STREAMS,
            SB_LIMIT, SDB_STREAM_ID, SIB_LIMIT, NCI_RETIRE, NCI_SEQUENCE, NCI_CID_LENGTH, NCI_CID, NCI_RESET_TOKEN,
            RCI_SEQUENCE, PATH_CHALLENGE_DATA, PATH_RESPONSE_DATA, CC_ERROR, CC_ERROR_APP, CC_TLS_ALERT,
            CC_FRAME_TYPE, CC_REASON_LENGTH, CC_REASON, DG_LENGTH, DG, CRYPTO_FRAGMENT_COUNT, CRYPTO_FRAGMENT,
            CRYPTO_FRAGMENTS, CRYPTO_REASSEMBLED_IN);

    static final ExpertDef UNKNOWN_FRAME = new ExpertDef("quic.ft.unknown", "Unknown Frame Type",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.NOTE);
    static final ExpertDef PROTOCOL_VIOLATION = new ExpertDef("quic.protocol_violation",
            "Invalid data according to the protocol", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef RETRANSMISSION = new ExpertDef("quic.retransmission",
            "This QUIC frame has a reused stream offset (retransmission?)", ExpertDef.Group.SEQUENCE,
            ExpertDef.Severity.NOTE);

    /** Dissects every frame of {@code payload} (a decrypted packet) under {@code quic}. */
    static void dissect(QuicPacket p, ProtoItem quic, Tvb payload) {
        int offset = 0;
        int end = payload.reportedLength();
        while (offset < end) {
            offset = frame(p, quic, payload, offset);
        }
    }

    private static int frame(QuicPacket p, ProtoItem quic, Tvb tvb, int start) {
        ProtoItem f = quic.add(FRAME, tvb, start, 1);
        long type = QuicVarint.value(tvb, start);
        int typeLength = QuicVarint.length(tvb, start);
        String name = QuicValues.FRAME_TYPES.name(type);
        if (type == QuicValues.PADDING) {
            int n = 1;
            while (tvb.has(start + n, 1) && tvb.u8(start + n) == 0) {
                n++;
            }
            f.setText("PADDING Length: " + n).setLength(n);
            f.addUint(FRAME_TYPE, tvb, start, 1, type);
            f.addUint(PADDING_LENGTH, tvb, start + 1, 0, n).setGenerated();
            p.appendInfo("PADDING");
            return start + n;
        }
        f.setText(name != null ? name : "Unknown");
        ProtoItem typeItem = f.addUint(FRAME_TYPE, tvb, start, typeLength, type);
        int offset = start + typeLength;
        Reader r = new Reader(f, tvb, offset);
        if (type >= QuicValues.STREAM_FIRST && type <= QuicValues.STREAM_LAST) {
            stream(p, f, typeItem, r, tvb, start, (int) type);
        } else if (name == null) {
            f.expert(UNKNOWN_FRAME, "Unknown Frame Type 0x" + Long.toHexString(type));
        } else {
            switch ((int) type) {
                case QuicValues.PING -> p.appendInfo("PING");
                case QuicValues.ACK, QuicValues.ACK_ECN -> ack(p, r, type == QuicValues.ACK_ECN);
                case QuicValues.RESET_STREAM -> {
                    long id = r.varint(RSTS_STREAM_ID);
                    long error = r.varint(RSTS_ERROR);
                    r.varint(RSTS_FINAL_SIZE);
                    p.appendInfo("RS(" + id + ")");
                    f.appendText(" id=" + id + " Error code: " + hex(error));
                }
                case QuicValues.STOP_SENDING -> {
                    long id = r.varint(SS_STREAM_ID);
                    long error = r.varint(SS_ERROR);
                    p.appendInfo("SS(" + id + ")");
                    f.appendText(" id=" + id + " Error code: " + hex(error));
                }
                case QuicValues.CRYPTO -> crypto(p, f, r, tvb);
                case QuicValues.NEW_TOKEN -> {
                    long n = r.varint(NT_LENGTH);
                    p.appendInfo("NT");
                    r.bytes(NT_TOKEN, n);
                }
                case QuicValues.MAX_DATA -> {
                    r.varint(MD_MAXIMUM_DATA);
                    p.appendInfo("MD");
                }
                case QuicValues.MAX_STREAM_DATA -> {
                    long id = r.varint(MSD_STREAM_ID);
                    r.varint(MSD_MAXIMUM);
                    p.appendInfo("MSD(" + id + ")");
                    f.appendText(" id=" + id);
                }
                case QuicValues.MAX_STREAMS_BIDI, QuicValues.MAX_STREAMS_UNI -> {
                    r.varint(MS_MAX_STREAMS);
                    p.appendInfo("MS");
                }
                case QuicValues.DATA_BLOCKED -> {
                    r.varint(SB_LIMIT);
                    p.appendInfo("DB");
                }
                case QuicValues.STREAM_DATA_BLOCKED -> {
                    long id = r.varint(SDB_STREAM_ID);
                    r.varint(SB_LIMIT);
                    p.appendInfo("SDB(" + id + ")");
                    f.appendText(" id=" + id);
                }
                case QuicValues.STREAMS_BLOCKED_BIDI, QuicValues.STREAMS_BLOCKED_UNI -> {
                    r.varint(SIB_LIMIT);
                    p.appendInfo("SB");
                }
                case QuicValues.NEW_CONNECTION_ID -> {
                    r.varint(NCI_SEQUENCE);
                    r.varint(NCI_RETIRE);
                    int n = tvb.u8(r.offset);
                    r.fixed(NCI_CID_LENGTH, 1);
                    if (n < 1 || n > 20) {
                        r.lastFixed.expert(PROTOCOL_VIOLATION, "Connection ID Length must be between 1 and 20 bytes");
                    }
                    r.fixed(NCI_CID, n);
                    r.fixed(NCI_RESET_TOKEN, 16);
                    p.appendInfo("NCI");
                }
                case QuicValues.RETIRE_CONNECTION_ID -> {
                    r.varint(RCI_SEQUENCE);
                    p.appendInfo("RC");
                }
                case QuicValues.PATH_CHALLENGE -> {
                    r.fixed(PATH_CHALLENGE_DATA, 8);
                    p.appendInfo("PC");
                }
                case QuicValues.PATH_RESPONSE -> {
                    r.fixed(PATH_RESPONSE_DATA, 8);
                    p.appendInfo("PR");
                }
                case QuicValues.CONNECTION_CLOSE, QuicValues.CONNECTION_CLOSE_APP ->
                        connectionClose(p, f, r, tvb, type == QuicValues.CONNECTION_CLOSE_APP);
                case QuicValues.HANDSHAKE_DONE -> p.appendInfo("DONE");
                case QuicValues.DATAGRAM -> {
                    r.fixed(DG, tvb.reportedLength() - r.offset);
                    p.appendInfo("DG");
                }
                case QuicValues.DATAGRAM_LENGTH -> {
                    long n = r.varint(DG_LENGTH);
                    r.bytes(DG, n);
                    p.appendInfo("DG");
                }
                default -> { } // every named type is handled above
            }
        }
        f.setLength(r.offset - start);
        return r.offset;
    }

    private static void ack(QuicPacket p, Reader r, boolean ecn) {
        p.appendInfo(ecn ? "ACK_ECN" : "ACK");
        r.varint(ACK_LARGEST);
        r.varint(ACK_DELAY);
        long ranges = r.varint(ACK_RANGE_COUNT);
        r.varint(ACK_FIRST_RANGE);
        for (long i = 0; i < ranges; i++) {
            r.varint(ACK_GAP);
            r.varint(ACK_RANGE);
        }
        if (ecn) {
            r.varint(ACK_ECT0);
            r.varint(ACK_ECT1);
            r.varint(ACK_CE);
        }
    }

    private static void stream(QuicPacket p, ProtoItem f, ProtoItem typeItem, Reader r, Tvb tvb, int start,
            int type) {
        typeItem.addUint(STREAM_FIN, tvb, start, 1, type & 1);
        typeItem.addUint(STREAM_LEN, tvb, start, 1, (type >> 1) & 1);
        typeItem.addUint(STREAM_OFF, tvb, start, 1, (type >> 2) & 1);
        int idAt = r.offset;
        long id = r.varint(STREAM_ID);
        ProtoItem idItem = r.last;
        int idLength = r.offset - idAt;
        idItem.addUint(STREAM_INITIATOR, tvb, idAt, idLength, id & 1);
        idItem.addUint(STREAM_DIRECTION, tvb, idAt, idLength, (id >> 1) & 1);
        long off = (type & 4) != 0 ? r.varint(STREAM_OFFSET) : 0;
        long length = (type & 2) != 0 ? r.varint(STREAM_LENGTH) : tvb.reportedLength() - r.offset;
        p.appendInfo("STREAM(" + id + ")");
        f.appendText(" id=" + id + " fin=" + (type & 1) + " off=" + off + " len=" + length + " dir="
                + QuicValues.STREAM_DIRECTIONS.name((id >> 1) & 1) + " origin="
                + QuicValues.STREAM_INITIATORS.name(id & 1));
        r.bytes(STREAM_DATA, length);
    }

    private static void connectionClose(QuicPacket p, ProtoItem f, Reader r, Tvb tvb, boolean application) {
        long code = r.varint(application ? CC_ERROR_APP : CC_ERROR);
        String text;
        if (application) {
            text = hex(code);
        } else {
            text = QuicValues.TRANSPORT_ERRORS.nameOr(code, "Unknown (" + code + ")");
            int alert = (int) (code & 0xff);
            String alertName = TlsQuic.ALERT_DESCRIPTIONS.name(alert);
            if (code >= QuicValues.CRYPTO_ERROR_FIRST && code <= QuicValues.CRYPTO_ERROR_LAST && alertName != null) {
                f.addUint(CC_TLS_ALERT, tvb, r.offset - 1, 1, alert);
                text += " (" + alertName + ")";
            }
            r.varint(CC_FRAME_TYPE);
        }
        long n = r.varint(CC_REASON_LENGTH);
        int at = r.offset;
        r.require(n);
        f.addString(CC_REASON, tvb, at, (int) n, tvb.utf8(at, (int) n));
        r.offset += (int) n;
        p.appendInfo("CC");
        f.appendText(" Error code: " + text);
    }

    private static void crypto(QuicPacket p, ProtoItem f, Reader r, Tvb tvb) {
        long offset = r.varint(CRYPTO_OFFSET);
        long length = r.varint(CRYPTO_LENGTH);
        p.appendInfo("CRYPTO");
        int at = r.offset;
        r.require(length);
        int n = (int) length;
        f.add(CRYPTO_DATA, tvb, at, n);
        r.offset += n;
        if (p.cryptoStream() == null) {
            return;
        }
        QuicCryptoStream.Result result = p.cryptoStream().receive(p.frame(), offset, tvb.bytes(at, n));
        switch (result) {
            case QuicCryptoStream.Retransmission x -> f.addText(tvb, at, n, RETRANSMISSION.summary())
                    .expert(RETRANSMISSION);
            case QuicCryptoStream.InPlace in -> p.handshake(f, tvb.slice(at + in.start(), in.length()),
                    in.streamOffset() == 0);
            case QuicCryptoStream.Reassembled re -> {
                for (QuicCryptoStream.Fragment fr : re.fragments()) {
                    if (fr.frame() != p.frame()) {
                        p.pinfo().links().learn(CRYPTO_REASSEMBLED_IN.abbrev(), fr.frame(), p.frame());
                    }
                }
                Tvb whole = p.pinfo().addDataSource("Reassembled QUIC CRYPTO", re.bytes());
                fragmentTree(f, whole, re.fragments());
                p.handshake(f, whole, re.streamOffset() == 0);
            }
            case QuicCryptoStream.Pending x -> {
                // Where a first pass of two (tshark -2) saw this piece reassembled, when in a later frame.
                long in = p.pinfo().links().recall(CRYPTO_REASSEMBLED_IN.abbrev(), p.frame());
                if (in != 0 && in != p.frame()) {
                    f.addUint(CRYPTO_REASSEMBLED_IN, tvb, at, 0, in).setGenerated();
                }
            }
        }
    }

    /** "[2 Reassembled QUIC CRYPTO Data Fragments (238 bytes): #4(100), #3(138)]" and one line per fragment. */
    private static void fragmentTree(ProtoItem f, Tvb whole, List<QuicCryptoStream.Fragment> fragments) {
        ProtoItem tree = f.add(CRYPTO_FRAGMENTS, whole, 0, whole.length()).setGenerated();
        if (f.tree().detailed()) {
            StringBuilder sb = new StringBuilder();
            sb.append(fragments.size()).append(" Reassembled QUIC CRYPTO Data Fragments (").append(whole.length())
                    .append(whole.length() == 1 ? " byte): " : " bytes): ");
            for (int i = 0; i < fragments.size(); i++) {
                sb.append(i > 0 ? ", " : "").append('#').append(fragments.get(i).frame()).append('(')
                        .append(fragments.get(i).length()).append(')');
            }
            tree.setText(sb.toString());
        }
        int at = 0;
        for (QuicCryptoStream.Fragment fr : fragments) {
            tree.addUint(CRYPTO_FRAGMENT, whole, at, fr.length(), fr.frame()).setGenerated()
                    .setText("Frame: " + fr.frame() + ", payload: " + at + "-" + (at + fr.length() - 1) + " ("
                            + fr.length() + (fr.length() == 1 ? " byte)" : " bytes)"));
            at += fr.length();
        }
        tree.addUint(CRYPTO_FRAGMENT_COUNT, whole, 0, 0, fragments.size()).setGenerated();
    }

    /** Formats a code as C's {@code %#x} does: "0" for zero, "0x…" otherwise. */
    static String hex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    /** Adds a frame's fields one after another. */
    private static final class Reader {
        final ProtoItem item;
        final Tvb tvb;
        int offset;
        /** The item the last {@link #varint} added. */
        ProtoItem last;
        /** The item the last {@link #fixed} added. */
        ProtoItem lastFixed;

        Reader(ProtoItem item, Tvb tvb, int offset) {
            this.item = item;
            this.tvb = tvb;
            this.offset = offset;
        }

        long varint(FieldDef field) {
            int n = QuicVarint.length(tvb, offset);
            long v = QuicVarint.value(tvb, offset);
            last = item.addUint(field, tvb, offset, n, v);
            offset += n;
            return v;
        }

        void fixed(FieldDef field, int n) {
            lastFixed = item.add(field, tvb, offset, n);
            offset += n;
        }

        void bytes(FieldDef field, long n) {
            require(n);
            fixed(field, (int) n);
        }

        /** Throws tshark's bounds error when {@code n} bytes are not there. */
        void require(long n) {
            if (n < 0 || n > Integer.MAX_VALUE - offset) {
                throw new MalformedException("length " + n + " beyond the payload");
            }
            if (!tvb.has(offset, (int) n)) {
                tvb.bytes(offset, (int) n);
            }
        }
    }
}
