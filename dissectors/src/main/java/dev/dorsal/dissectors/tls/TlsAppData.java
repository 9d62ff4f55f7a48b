package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Hands decrypted application data to the protocol above TLS, under the same desegmentation contract
 * TCP offers ({@code pinfo.setDesegment}): a PDU spanning records is collected and dissected, from a
 * "Reassembled TLS" data source, in the frame whose record completes it; records carrying only part
 * of one show {@code [TLS segment of a reassembled PDU]} and their bytes as {@code tls.segment.data}.
 *
 * <p>The protocol is the one ALPN chose ({@code tls.alpn} table); else the {@code tls} heuristics
 * (HTTP's among them) are tried first, then the {@code tls.port} table by source then destination
 * port, as tshark 4.0 does ({@code h2} goes to HTTP/2). When ALPN chose a protocol Dorsal has no
 * dissector for, the data goes to {@code data} rather than to a port's guess.
 */
final class TlsAppData {
    private TlsAppData() {}

    static final FieldDef SEGMENT_DATA = FieldDef.bytes("tls.segment.data", "TLS segment data");
    static final FieldDef SEGMENTS = FieldDef.none("tls.segments", "Reassembled TLS segments");
    static final FieldDef SEGMENT = FieldDef.framenum("tls.segment", "TLS segment");
    static final FieldDef SEGMENT_COUNT = FieldDef.uint32("tls.segment.count", "Segment count");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("tls.reassembled_in", "Reassembled PDU in frame");
    static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint32("tls.reassembled.length", "Reassembled PDU length");
    static final FieldDef REASSEMBLED_DATA = FieldDef.bytes("tls.reassembled.data", "Reassembled PDU data");

    static final List<FieldDef> FIELDS = List.of(SEGMENT_DATA, SEGMENTS, SEGMENT, SEGMENT_COUNT, REASSEMBLED_IN,
            REASSEMBLED_LENGTH, REASSEMBLED_DATA);

    private static final String SEGMENT_INFO = "[TLS segment of a reassembled PDU]";

    /**
     * Dissects one record's plaintext {@code data} (application data of {@code flow}) under
     * {@code tls}, the TLS protocol node; the protocol above is added under {@code root}.
     */
    static void dissect(TlsContext ctx, ProtoItem root, ProtoItem tls, Tvb data, TlsAppFlow flow) {
        PacketInfo pinfo = ctx.pinfo;
        long seq = flow.byteSeq;
        flow.byteSeq += data.length();
        boolean saved = pinfo.canDesegment();
        if (TlsPreferences.desegmentAppData(pinfo)) {
            pinfo.setCanDesegment(true);
            desegment(ctx, root, tls, data, 0, seq, seq + data.length(), flow);
        } else {
            pinfo.setCanDesegment(false);
            process(ctx, root, data, 0);
        }
        pinfo.setCanDesegment(saved);
        pinfo.setDesegment(0, 0);
    }

    /** tshark's desegment_ssl: reassembles PDUs across records as TCP does across segments. */
    private static void desegment(TlsContext ctx, ProtoItem root, ProtoItem tls, Tvb tvb, int offset, long seq,
            long nxtseq, TlsAppFlow flow) {
        PacketInfo pinfo = ctx.pinfo;
        Columns cols = pinfo.columns();
        long frame = ctx.frame();
        String protocol = null;
        while (true) {
            boolean mustDesegment = false;
            boolean called = false;
            int another = 0;
            boolean anotherSegmentInFrame = false;
            int desegOffset = offset;
            TlsAppFlow.Pdu done = null;
            TlsAppFlow.Pdu pdu;
            pinfo.setDesegment(0, 0);

            pdu = flow.exact(seq);
            if (pdu != null) {
                // Seen before: this record starts a PDU already known (tshark's second pass), or repeats
                // bytes already dissected.
                boolean first = pdu.firstFrame == frame;
                if (first) {
                    cols.setInfo(SEGMENT_INFO);
                }
                segmentData(tls, tvb, offset, tvb.reportedLength() - offset, first ? "" : "Retransmitted ");
                return;
            }
            pdu = flow.floor(seq - 1);
            if (pdu != null && pdu.seq <= seq && pdu.nextPdu > seq) {
                int len = pdu.entireSegment ? Math.max(0, tvb.reportedLength() - offset)
                        : (int) (Math.min(nxtseq, pdu.nextPdu) - seq);
                boolean complete = pdu.add(frame, (int) (seq - pdu.seq), tvb.bytes(offset, len), nxtseq < pdu.nextPdu);
                flow.added(pdu, len);
                if (pdu.entireSegment) {
                    pdu.entireSegment = false;
                    pdu.nextPdu = nxtseq;
                }
                if (pdu.nextPdu < nxtseq && pdu.nextPdu >= seq && len > 0) {
                    another = (int) (pdu.nextPdu - seq);
                }
                if (complete) {
                    done = pdu;
                }
            } else {
                pdu = null;
                process(ctx, root, tvb, offset);
                called = true;
                if (pinfo.desegmentLength() != 0) {
                    mustDesegment = true;
                    desegOffset = offset + pinfo.desegmentOffset();
                }
            }

            if (done != null && done.reassembledIn == frame) {
                if (nxtseq < done.nextPdu) {
                    // Not the PDU's last record: the one that ends it will show it.
                    another = 0;
                    cols.clearInfo();
                    anotherSegmentInFrame = true;
                } else {
                    cols.clearInfo();
                    byte[] whole = done.assemble();
                    Tvb next = pinfo.addDataSource("Reassembled TLS", whole);
                    pinfo.setDesegment(0, 0);
                    process(ctx, root, next, 0);
                    called = true;
                    int oldLength = whole.length - (tvb.reportedLength() - offset);
                    if (pinfo.desegmentLength() != 0 && pinfo.desegmentOffset() <= oldLength) {
                        done.setPartial();
                        if (pinfo.desegmentLength() == PacketInfo.ONE_MORE_SEGMENT) {
                            done.nextPdu = seq + (tvb.reportedLength() - offset) + 1;
                            done.entireSegment = true;
                        } else {
                            done.nextPdu = seq + (tvb.reportedLength() - offset) + pinfo.desegmentLength();
                        }
                        another = 0;
                    } else {
                        int n = another > 0 ? another : tvb.reportedLength() - offset;
                        segmentData(tls, tvb, offset, n, "");
                        for (TlsAppFlow.Fragment f : done.fragments) {
                            if (f.frame() != frame) {
                                pinfo.links().learn(REASSEMBLED_IN.abbrev(), f.frame(), frame);
                            }
                        }
                        segmentsTree(root, tls, next, done);
                        if (pinfo.desegmentLength() != 0) {
                            mustDesegment = true;
                            desegOffset = tvb.reportedLength() - (whole.length - pinfo.desegmentOffset());
                        }
                    }
                }
            }

            if (mustDesegment) {
                long desegSeq = seq + (desegOffset - offset);
                if (nxtseq - desegSeq <= TlsAppFlow.MAX_FIRST_PART) {
                    int ask = pinfo.desegmentLength();
                    TlsAppFlow.Pdu started;
                    if (ask == PacketInfo.ONE_MORE_SEGMENT) {
                        started = flow.start(desegSeq, nxtseq + 1, frame);
                        started.entireSegment = true;
                    } else {
                        started = flow.start(desegSeq, nxtseq + (ask & 0xffffffffL), frame);
                    }
                    int n = (int) (nxtseq - desegSeq);
                    started.add(frame, 0, tvb.bytes(desegOffset, n), nxtseq < started.nextPdu);
                    flow.added(started, n);
                }
            }

            if (!called || pinfo.desegmentLength() != 0) {
                TlsAppFlow.Pdu head = done != null ? done : pdu;
                long in = head != null && head.reassembledIn != 0 && !head.partial ? head.reassembledIn : 0;
                if (in == 0) {
                    // Completed in a later frame, as a first pass of two (tshark -2) learned.
                    long later = pinfo.links().recall(REASSEMBLED_IN.abbrev(), frame);
                    in = later > frame ? later : 0;
                }
                if (in != 0) {
                    tls.addUint(REASSEMBLED_IN, tvb, 0, 0, in).setGenerated();
                }
                if (!anotherSegmentInFrame && pinfo.desegmentOffset() == 0) {
                    cols.setProtocol(TlsRecordDissector.shortName(ctx.session.version, "SSL"));
                    cols.setInfo(SEGMENT_INFO);
                }
                segmentData(tls, tvb, desegOffset, tvb.reportedLength() - desegOffset, "");
            }
            if (protocol != null) {
                // After the first PDU of a record, the columns stay what that PDU made them.
                cols.setProtocol(protocol);
            }
            pinfo.setDesegment(0, 0);
            if (another > 0) {
                cols.fenceInfo();
                protocol = cols.protocol();
                offset += another;
                seq += another;
                continue;
            }
            return;
        }
    }

    /**
     * tshark's process_ssl_payload: the ALPN protocol, else the {@code tls} heuristics, else the port's
     * protocol (which then stays the session's). A protocol that only asked for more data is not
     * listed among the frame's layers.
     */
    private static void process(TlsContext ctx, ProtoItem root, Tvb tvb, int offset) {
        PacketInfo pinfo = ctx.pinfo;
        TlsSession session = ctx.session;
        Tvb next = offset == 0 ? tvb : tvb.slice(offset);
        int mark = pinfo.layerNames().size();
        DissectorHandle handle = session.appHandle;
        if (handle == null && session.alpnChosen != null) {
            handle = pinfo.tables().table("tls.alpn").lookup(session.alpnChosen);
            if (handle == null) {
                handle = pinfo.tables().handle("data");
            }
            session.appHandle = handle;
        }
        if (handle == null) {
            if (pinfo.tables().heuristics("tls").tryHeuristics(next, pinfo, root)) {
                dropIfWaiting(pinfo, mark);
                return;
            }
            var ports = pinfo.tables().table("tls.port");
            handle = ports.lookup(pinfo.srcPort());
            if (handle == null) {
                handle = ports.lookup(pinfo.dstPort());
            }
            session.appHandle = handle;
        }
        if (handle != null) {
            pinfo.call(handle, next, root);
            dropIfWaiting(pinfo, mark);
        }
    }

    private static void dropIfWaiting(PacketInfo pinfo, int mark) {
        if (pinfo.desegmentLength() != 0 && pinfo.desegmentOffset() == 0) {
            pinfo.removeLayers(mark);
        }
    }

    private static void segmentData(ProtoItem tls, Tvb tvb, int offset, int n, String prefix) {
        ProtoItem item = tls.add(SEGMENT_DATA, tvb, offset, n);
        if (item != tls) {
            item.setText(prefix + "TLS segment data (" + n + (n == 1 ? " byte)" : " bytes)"));
        }
    }

    /** The "[N Reassembled TLS segments (X bytes): #11(512), …]" tree, moved just after the TLS tree. */
    private static void segmentsTree(ProtoItem root, ProtoItem tls, Tvb whole, TlsAppFlow.Pdu pdu) {
        List<TlsAppFlow.Fragment> fragments = pdu.fragments;
        int length = whole.length();
        ProtoItem top = root.add(SEGMENTS, whole, 0, length);
        if (top == root) {
            for (TlsAppFlow.Fragment f : fragments) {
                root.addUint(SEGMENT, whole, f.offset(), f.data().length, f.frame());
            }
            root.addUint(SEGMENT_COUNT, whole, 0, 0, fragments.size());
            root.addUint(REASSEMBLED_LENGTH, whole, 0, 0, length);
            root.add(REASSEMBLED_DATA, whole, 0, length);
            return;
        }
        top.setGenerated();
        if (root.tree().detailed()) {
            StringBuilder label = new StringBuilder();
            label.append(fragments.size()).append(" Reassembled TLS segments (").append(length)
                    .append(length == 1 ? " byte): " : " bytes): ");
            for (int i = 0; i < fragments.size(); i++) {
                TlsAppFlow.Fragment f = fragments.get(i);
                label.append(i == 0 ? "#" : ", #").append(f.frame()).append('(').append(f.data().length).append(')');
            }
            top.setText(label.toString());
        }
        for (TlsAppFlow.Fragment f : fragments) {
            int len = f.data().length;
            ProtoItem s = top.addUint(SEGMENT, whole, f.offset(), len, f.frame()).setGenerated();
            s.setText("Frame: " + f.frame() + ", payload: " + f.offset() + "-" + (f.offset() + len - 1) + " (" + len
                    + (len == 1 ? " byte)" : " bytes)"));
        }
        top.addUint(SEGMENT_COUNT, whole, 0, 0, fragments.size()).setGenerated();
        top.addUint(REASSEMBLED_LENGTH, whole, 0, 0, length).setGenerated();
        top.add(REASSEMBLED_DATA, whole, 0, length).setGenerated();
        root.moveAfter(tls, top);
    }
}
