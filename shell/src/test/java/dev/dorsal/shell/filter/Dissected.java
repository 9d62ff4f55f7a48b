package dev.dorsal.shell.filter;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test captures as raw frames, dissected on demand by our own dissectors (all providers on the class path). */
final class Dissected {
    private static Registry registry;
    private static final Map<String, List<RawFrame>> FRAMES = new ConcurrentHashMap<>();

    private Dissected() {}

    static synchronized Registry registry() {
        if (registry == null) {
            registry = Registry.loadDefault();
        }
        return registry;
    }

    /**
     * Dissects every frame of {@code capture} in order (single pass, as tshark -Y), building only the
     * nodes of {@code interest} like the CLI does for a filter.
     */
    static List<DissectedPacket> packets(String capture, Set<FieldDef> interest) {
        BitSet ids = new BitSet();
        for (FieldDef f : interest) {
            if (f.id() >= 0) {
                ids.set(f.id());
            }
        }
        Dissection d = new Dissection(registry());
        DissectionOptions options = new DissectionOptions(false, ids, false);
        List<DissectedPacket> out = new ArrayList<>();
        for (RawFrame raw : frames(capture)) {
            DissectedPacket p = d.dissect(raw, options);
            d.markDisplayed(p);
            out.add(p);
        }
        return out;
    }

    private static List<RawFrame> frames(String capture) {
        return FRAMES.computeIfAbsent(capture, c -> {
            List<RawFrame> out = new ArrayList<>();
            try (InputStream in = Dissected.class.getResourceAsStream("/filter/" + c)) {
                if (in == null) {
                    throw new IllegalStateException("missing test capture /filter/" + c);
                }
                try (CaptureReader r = Captures.open(in, c)) {
                    for (RawFrame f; (f = r.next()) != null; ) {
                        out.add(f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        });
    }
}
