package dev.dorsal.dissectors.cotp;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the user data of DT TPDUs sent without the end-of-TSDU mark with the DT that carries it, as
 * tshark's single pass does: the segments of one TSDU are keyed by the packet's addresses and the
 * destination reference (implied 0 in classes 0 and 1), taken in file order. A segment shows
 * "[COTP fragment, N bytes]" in Info and nothing else; the last one shows the segment list and
 * hands the whole TSDU on as "Reassembled COTP". With two passes (tshark -2) the earlier segments also
 * show their data and the frame their TSDU was reassembled in.
 *
 * <p>State is bounded: at most {@link #MAX_PENDING} unfinished TSDUs per capture (the oldest is
 * dropped first) and {@link #MAX_TSDU_BYTES} bytes each (a TSDU growing past it is dropped and its
 * later segments start a new one).
 */
final class CotpReassembly {
    /** Unfinished TSDUs kept per capture. */
    static final int MAX_PENDING = 1024;
    /** Largest TSDU reassembled. */
    static final int MAX_TSDU_BYTES = 1 << 20;

    static final FieldDef SEGMENT_DATA = FieldDef.bytes("cotp.segment_data", "COTP segment data");
    static final FieldDef SEGMENTS = FieldDef.none("cotp.segments", "COTP Segments");
    static final FieldDef SEGMENT = FieldDef.framenum("cotp.segment", "COTP Segment");
    static final FieldDef SEGMENT_COUNT = FieldDef.uint32("cotp.segment.count", "Segment count");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("cotp.reassembled_in", "Reassembled COTP in frame")
            .blurb("This COTP packet is reassembled in this frame");
    static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint32("cotp.reassembled.length", "Reassembled COTP length")
            .blurb("The total length of the reassembled payload");

    static final List<FieldDef> FIELDS = List.of(SEGMENT_DATA, SEGMENTS, SEGMENT, SEGMENT_COUNT, REASSEMBLED_IN,
            REASSEMBLED_LENGTH);

    /** PassLinks kind: a segment's frame to the frame its TSDU was reassembled in (tshark -2). */
    private static final String LINK = "cotp.reassembled_in";

    private static final Key<Table> TABLE = Key.of("cotp.reassembly");

    private record Segment(long frame, byte[] bytes) {}

    private static final class Table extends LinkedHashMap<String, List<Segment>> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Segment>> eldest) {
            return size() > MAX_PENDING;
        }
    }

    private CotpReassembly() {}

    /**
     * Adds the user data of a DT TPDU; returns what to dissect now (the payload itself, or the whole
     * TSDU when this segment ends one), or null while the TSDU is unfinished.
     */
    static Tvb add(PacketInfo pinfo, int dstRef, Tvb payload, boolean eot, ProtoItem cotp, ProtoItem tree) {
        Table table = pinfo.state(TABLE, Table::new);
        String key = java.util.HexFormat.of().formatHex(pinfo.src().bytes()) + ">"
                + java.util.HexFormat.of().formatHex(pinfo.dst().bytes()) + "#" + dstRef;
        List<Segment> pending = table.get(key);
        if (eot && pending == null) {
            return payload;
        }
        byte[] bytes = payload.toByteArray();
        if (!eot) {
            if (pending == null) {
                pending = new ArrayList<>();
                table.put(key, pending);
            }
            int size = bytes.length;
            for (Segment s : pending) {
                size += s.bytes.length;
            }
            if (size > MAX_TSDU_BYTES) {
                table.remove(key);
            } else {
                pending.add(new Segment(pinfo.number(), bytes));
            }
            pinfo.columns().appendInfo("[COTP fragment, " + bytes.length + " byte" + (bytes.length == 1 ? "" : "s")
                    + "]");
            long in = pinfo.links().recall(LINK, pinfo.number());
            if (in != 0) {
                // A second pass knows where the TSDU ends: the segment's data and that frame are shown.
                cotp.addBytes(SEGMENT_DATA, payload, 0, bytes.length, bytes).setText("COTP segment data ("
                        + bytes.length + " byte" + (bytes.length == 1 ? "" : "s") + ")");
                cotp.addUint(REASSEMBLED_IN, payload, 0, 0, in);
            }
            return null;
        }
        table.remove(key);
        for (Segment seg : pending) {
            pinfo.links().learn(LINK, seg.frame, pinfo.number());
        }
        pending.add(new Segment(pinfo.number(), bytes));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (Segment s : pending) {
            whole.writeBytes(s.bytes);
        }
        byte[] all = whole.toByteArray();
        cotp.addBytes(SEGMENT_DATA, payload, 0, bytes.length, bytes)
                .setText("COTP segment data (" + bytes.length + " byte" + (bytes.length == 1 ? "" : "s") + ")");
        Tvb tvb = pinfo.addDataSource("Reassembled COTP", all);
        StringBuilder sb = new StringBuilder();
        sb.append(pending.size()).append(" COTP Segments (").append(all.length).append(" bytes): ");
        int off = 0;
        ProtoItem list = tree.add(SEGMENTS, tvb, 0, all.length);
        list.setGenerated();
        for (int i = 0; i < pending.size(); i++) {
            Segment s = pending.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('#').append(s.frame).append('(').append(s.bytes.length).append(')');
            list.addUint(SEGMENT, tvb, off, s.bytes.length, s.frame).setGenerated()
                    .setText("Frame: " + s.frame + ", payload: " + off + "-" + (off + s.bytes.length - 1) + " ("
                            + s.bytes.length + " bytes)");
            off += s.bytes.length;
        }
        list.setText(sb.toString());
        list.addUint(SEGMENT_COUNT, tvb, 0, 0, pending.size()).setGenerated();
        list.addUint(REASSEMBLED_LENGTH, tvb, 0, 0, all.length).setGenerated();
        return tvb;
    }
}
