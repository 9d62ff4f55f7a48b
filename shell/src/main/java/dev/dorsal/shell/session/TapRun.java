package dev.dorsal.shell.session;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.stats.Tap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs statistics taps ({@code conv}, {@code phs}, {@code follow}…) over every frame of a capture and
 * returns their reports, the same text {@code dorsal -z} prints. Dissection builds only the fields the
 * taps read, unless one of them walks the whole tree.
 */
public final class TapRun {
    private TapRun() {}

    /** Runs {@code taps} over all of {@code capture}; the reports in the order tshark prints them. */
    public static String run(LoadedCapture capture, List<Tap> taps, Session session, Progress progress, Cancel cancel)
            throws CaptureFileException {
        FieldRegistry fields = session.registry().fields();
        Set<String> filterFields = new HashSet<>();
        for (Tap t : taps) {
            filterFields.addAll(t.filterFields());
        }
        boolean detailed = false;
        BitSet interest = new BitSet();
        for (Tap t : taps) {
            t.runContext(filterFields, false);
            t.macNameResolution(session.settings().resolveMac());
            detailed |= t.needsDetailedTree();
            for (String name : t.fieldsNeeded()) {
                fields.lookup(name).forEach(d -> interest.set(d.id()));
            }
            for (String name : t.filterFields()) {
                fields.lookup(name).forEach(d -> interest.set(d.id()));
            }
        }
        interest.or(session.scriptInterest());
        DissectionOptions options = detailed ? DissectionOptions.FULL : new DissectionOptions(false, interest, false, true);
        capture.replay(session.registry()).all(options, p -> {
            for (Tap t : taps) {
                t.packet(p);
            }
            return capture.inView(p.frame().number());
        }, progress, cancel);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            for (int i = taps.size() - 1; i >= 0; i--) {
                taps.get(i).finish(ps);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
