package dev.dorsal.dissectors.http.testkit;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the engine's frame driver with every dissector on the class path (Ethernet, IP, TCP with its
 * reassembly, UDP, … and the ones under test), single pass, as the CLI does.
 */
public final class RealStack {
    private static Registry shared;

    private RealStack() {}

    /** One registry for all tests: loading providers is the slow part. */
    public static synchronized Registry registry() {
        if (shared == null) {
            shared = Registry.loadDefault();
        }
        return shared;
    }

    /** Every frame of {@code capture}, dissected with a full tree and columns. */
    public static List<DissectedPacket> run(Path capture) throws Exception {
        return run(capture, DissectionOptions.FULL);
    }

    public static List<DissectedPacket> run(Path capture, DissectionOptions options) throws Exception {
        List<RawFrame> frames = new ArrayList<>();
        try (CaptureReader r = Captures.open(capture)) {
            RawFrame raw;
            while ((raw = r.next()) != null) {
                frames.add(raw);
            }
        }
        return run(frames, options);
    }

    /** Dissects {@code frames} in order in a fresh capture context. */
    public static List<DissectedPacket> run(List<RawFrame> frames, DissectionOptions options) {
        Dissection d = new Dissection(registry());
        List<DissectedPacket> out = new ArrayList<>(frames.size());
        for (RawFrame raw : frames) {
            DissectedPacket p = d.dissect(raw, options);
            d.markDisplayed(p);
            out.add(p);
        }
        return out;
    }
}
