package dev.dorsal.dissectors.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.dissectors.http.testkit.TcpFrames;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed HTTP/2 never breaks the dissector: the request and response streams of
 * {@link Http2SplitTest} with bytes flipped, cut or extended (seeded, so a failure replays) go through
 * the whole stack, and random header blocks through the HPACK decoder. Bounds errors must end as
 * malformed or truncated marks; any other exception is a dissector bug and fails the test.
 */
class Http2FuzzTest {
    private static final long SEED = 0x48_32_d0_5aL;
    private static final int CONNECTIONS = 400;

    @Test
    void mutatedStreamsNeverBreakTheDissector() {
        Random random = new Random(SEED);
        Dissection dissection = new Dissection(Registry.loadDefault());
        int n = 0;
        for (int c = 0; c < CONNECTIONS; c++) {
            TcpFrames frames = new TcpFrames(40000 + c, 80).client(Http2SplitTest.PREFACE)
                    .client(mutate(Http2SplitTest.REQUEST, random)).server(mutate(Http2SplitTest.RESPONSE, random))
                    .client(mutate(Http2SplitTest.REQUEST, random));
            for (RawFrame f : frames.frames()) {
                dissection.dissect(renumber(f, ++n), random.nextBoolean() ? DissectionOptions.FULL
                        : DissectionOptions.SUMMARY);
            }
        }
        assertEquals(List.of(), dissection.bugReports(), "dissector bugs on " + n + " frames");
    }

    @Test
    void randomHeaderBlocksNeverBreakTheDecoder() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 20_000; i++) {
            HpackDecoder d = new HpackDecoder();
            for (int b = 0; b < 4 && !d.failed(); b++) {
                byte[] block = new byte[random.nextInt(40)];
                random.nextBytes(block);
                d.decode(block, 0, block.length, random.nextBoolean());
            }
        }
    }

    /** Frame numbers must grow across connections. */
    private static RawFrame renumber(RawFrame f, int number) {
        return new RawFrame(number, f.fileOffset(), f.linkType(), f.interfaceId(), f.timestampNanos(),
                f.timePrecisionDigits(), f.originalLength(), f.data());
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] data = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
            default -> {
                data = java.util.Arrays.copyOf(data, data.length + random.nextInt(30));
                for (int i = original.length; i < data.length; i++) {
                    data[i] = (byte) random.nextInt(256);
                }
            }
        }
        return data;
    }
}
