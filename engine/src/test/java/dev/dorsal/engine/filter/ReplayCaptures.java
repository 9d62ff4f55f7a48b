package dev.dorsal.engine.filter;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.spi.PacketTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/** The test captures as tshark dissected them (PDML replayed into trees), loaded once per capture. */
final class ReplayCaptures {
    private static final Map<String, List<PacketTree>> CACHE = new ConcurrentHashMap<>();

    private ReplayCaptures() {}

    static List<PacketTree> trees(String capture) {
        return CACHE.computeIfAbsent(capture, ReplayCaptures::load);
    }

    /** The capture's trees holding only the fields in {@code interest} (uncached). */
    static List<PacketTree> trees(String capture, java.util.BitSet interest) {
        return load(capture, interest);
    }

    private static List<PacketTree> load(String capture) {
        return load(capture, null);
    }

    private static List<PacketTree> load(String capture, java.util.BitSet interest) {
        List<byte[]> frames = new ArrayList<>();
        try (InputStream in = resource("/filter/captures/" + capture);
                CaptureReader r = Captures.open(in, capture)) {
            for (RawFrame f; (f = r.next()) != null; ) {
                frames.add(f.data());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pdml;
        try (InputStream in = new GZIPInputStream(resource("/filter/pdml/" + capture + ".pdml.gz"))) {
            pdml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return interest == null ? PdmlReplay.trees(pdml, frames, TsharkRegistry.fields())
                : PdmlReplay.trees(pdml, frames, TsharkRegistry.fields(), interest);
    }

    private static InputStream resource(String name) {
        InputStream in = ReplayCaptures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name + " (run make_expected.sh)");
        }
        return in;
    }
}
