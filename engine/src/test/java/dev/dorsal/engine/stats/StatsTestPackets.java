package dev.dorsal.engine.stats;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FrameMeta;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-made packets for the formatting tests: a "frame" layer with the frame fields tshark's io,stat
 * functions can use (number, lengths, times), built from a capture file's records without dissectors,
 * and a stand-in for display filters over those fields.
 */
final class StatsTestPackets {
    static final ProtocolDef FRAME = new ProtocolDef("Frame", "FRAME", "frame");
    static final FieldDef NUMBER = FieldDef.uint32("frame.number", "Frame Number");
    static final FieldDef LEN = FieldDef.uint32("frame.len", "Frame length on the wire");
    static final FieldDef CAP_LEN = FieldDef.uint32("frame.cap_len", "Frame length stored into the capture file");
    static final FieldDef TIME_DELTA = FieldDef.relativeTime("frame.time_delta",
            "Time delta from previous captured frame");
    static final FieldDef TIME_RELATIVE = FieldDef.relativeTime("frame.time_relative",
            "Time since reference or first frame");
    static final FieldDef TIME_EPOCH = FieldDef.relativeTime("frame.time_epoch", "Epoch Time");
    private static final Pattern ATOM = Pattern.compile("\\s*([a-z_.]+)\\s*(>=|<=|==|>|<)?\\s*(\\d+)?\\s*");

    private StatsTestPackets() {}

    private static final List<FieldDef> FIELDS = List.of(FRAME.field(), NUMBER, LEN, CAP_LEN, TIME_DELTA,
            TIME_RELATIVE, TIME_EPOCH);

    /**
     * Looks the frame fields above up by name. (No Registry: field definitions bind to the first
     * registry of the JVM, which another test may own.)
     */
    static FieldDef field(String name) {
        return FIELDS.stream().filter(f -> f.abbrev().equals(name)).findFirst().orElse(null);
    }

    /** A packet numbered {@code number} at {@code nanos} since the epoch, {@code length} bytes on the wire. */
    static DissectedPacket frame(long number, long nanos, long firstNanos, long prevNanos, int length, int captured) {
        FrameMeta meta = new FrameMeta(number, 0, 1, 0, nanos, 9, length, captured, firstNanos, prevNanos,
                prevNanos, 0, null);
        PacketTree tree = new PacketTree(false, null);
        Tvb tvb = Tvb.of(new DataSource("Frame", new byte[captured]));
        ProtoItem f = tree.root().addProtocol(FRAME, tvb, 0, captured);
        f.addUint(NUMBER, tvb, 0, 0, number);
        f.addUint(LEN, tvb, 0, 0, length);
        f.addUint(CAP_LEN, tvb, 0, 0, captured);
        f.addTime(TIME_EPOCH, tvb, 0, 0, nanos);
        f.addTime(TIME_DELTA, tvb, 0, 0, nanos - prevNanos);
        f.addTime(TIME_RELATIVE, tvb, 0, 0, nanos - firstNanos);
        return new DissectedPacket(meta, tree, new Columns(false), Address.NONE, Address.NONE, Address.NONE,
                Address.NONE, Address.NONE, Address.NONE, List.of("frame"), List.of(), false);
    }

    /** Every frame of a capture file as a frame-only packet. */
    static List<DissectedPacket> read(Path file) throws Exception {
        List<DissectedPacket> out = new ArrayList<>();
        try (CaptureReader r = Captures.open(file)) {
            long first = Long.MIN_VALUE;
            long prev = 0;
            for (RawFrame f = r.next(); f != null; f = r.next()) {
                if (first == Long.MIN_VALUE) {
                    first = f.timestampNanos();
                    prev = first;
                }
                out.add(frame(f.number(), f.timestampNanos(), first, prev, f.originalLength(), f.capturedLength()));
                prev = f.timestampNanos();
            }
        }
        return out;
    }

    /**
     * A stand-in for the display-filter compiler over frame fields: "or"/"||" of "and"/"&&" of
     * {@code field}, {@code field OP number}; anything else is refused.
     */
    static TapFilter filter(String text) throws TapFilter.Invalid {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>();
        List<List<String[]>> any = new ArrayList<>();
        for (String alt : text.split("\\|\\||\\bor\\b")) {
            List<String[]> all = new ArrayList<>();
            for (String atom : alt.split("&&|\\band\\b")) {
                Matcher m = ATOM.matcher(atom);
                if (!m.matches() || (m.group(2) == null) != (m.group(3) == null)) {
                    throw new TapFilter.Invalid("test filter stand-in cannot read \"" + atom + "\"");
                }
                fields.add(m.group(1));
                all.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
            any.add(all);
        }
        return TapFilter.of(text, fields, p -> any.stream().anyMatch(all -> all.stream().allMatch(a -> test(p, a))));
    }

    private static boolean test(DissectedPacket p, String[] atom) {
        List<ProtoItem> nodes = FieldValues.find(p.tree(), atom[0]);
        if (atom[1] == null) {
            return !nodes.isEmpty();
        }
        long want = Long.parseLong(atom[2]);
        return nodes.stream().anyMatch(n -> switch (atom[1]) {
            case ">=" -> n.num() >= want;
            case "<=" -> n.num() <= want;
            case ">" -> n.num() > want;
            case "<" -> n.num() < want;
            default -> n.num() == want;
        });
    }

    /** Runs {@code tap} over {@code packets} and returns its report. */
    static String run(Tap tap, List<DissectedPacket> packets) {
        for (DissectedPacket p : packets) {
            tap.packet(p);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        tap.finish(out);
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
