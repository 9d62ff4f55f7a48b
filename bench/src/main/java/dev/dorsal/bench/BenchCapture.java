package dev.dorsal.bench;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The capture a benchmark runs on: {@code -Ddorsal.bench.capture=PATH}, else the bundled sample.
 * Frames are read into memory once so dissection benchmarks measure dissection, not I/O.
 */
final class BenchCapture {
    private BenchCapture() {}

    static Path path() {
        String p = System.getProperty("dorsal.bench.capture");
        if (p != null) {
            return Path.of(p);
        }
        for (Path candidate : List.of(Path.of("docs/samples/https-walkthrough.pcapng"),
                Path.of("../docs/samples/https-walkthrough.pcapng"))) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("set -Ddorsal.bench.capture=PATH (run from the repository root)");
    }

    /** Up to {@code limit} frames of the capture, in file order. */
    static List<RawFrame> frames(int limit) throws IOException {
        List<RawFrame> out = new ArrayList<>();
        try (CaptureReader r = Captures.open(path())) {
            RawFrame f;
            while (out.size() < limit && (f = r.next()) != null) {
                out.add(f);
            }
        }
        return out;
    }
}
