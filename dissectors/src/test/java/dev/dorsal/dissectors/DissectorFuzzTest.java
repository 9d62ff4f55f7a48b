package dev.dorsal.dissectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated frames to every registered dissector, seeded so a failure replays. Bounds
 * errors must end as malformed/truncated marks; any other exception is a dissector bug and fails.
 */
class DissectorFuzzTest {
    private static final long SEED = 0x5eed_d05a1L;
    private static final int MUTATIONS_PER_FRAME = 6;
    private static final int RANDOM_FRAMES_PER_LINK_TYPE = 3_000;
    /** DLT values of the link types Dorsal dissects. */
    private static final int[] LINK_TYPES = {1, 0, 101, 108, 113, 228, 229, 276};

    private static List<RawFrame> corpusFrames() throws IOException, URISyntaxException {
        Path root = Path.of(DissectorFuzzTest.class.getResource("/").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList();
        }
        List<RawFrame> frames = new ArrayList<>();
        for (Path file : files) {
            try (CaptureReader r = Captures.open(file)) {
                RawFrame f;
                while ((f = r.next()) != null && frames.size() < 20_000) {
                    frames.add(f);
                }
            } catch (IOException e) {
                // A deliberately damaged test capture: the frames before the damage were kept.
            }
        }
        return frames;
    }

    @Test
    void mutatedCorpusFramesNeverBreakADissector() throws Exception {
        List<RawFrame> frames = corpusFrames();
        assertFalse(frames.isEmpty(), "the dissectors module's test resources hold captures");
        Registry registry = Registry.loadDefault();
        Random random = new Random(SEED);
        Dissection dissection = new Dissection(registry);
        long dissected = 0;
        for (RawFrame f : frames) {
            for (int m = 0; m < MUTATIONS_PER_FRAME; m++) {
                byte[] data = mutate(f.data(), random);
                int orig = random.nextInt(4) == 0 ? data.length + random.nextInt(64) : data.length;
                RawFrame mutated = new RawFrame(dissected + 1, 0, f.linkType(), f.interfaceId(),
                        f.timestampNanos(), f.timePrecisionDigits(), orig, data);
                DissectionOptions options = random.nextBoolean() ? DissectionOptions.FULL : DissectionOptions.SUMMARY;
                DissectedPacket p = dissection.dissect(mutated, options);
                assertTrue(p.tree().root().hasChildren(), "every frame gets at least the frame node");
                dissected++;
            }
        }
        assertEquals(List.of(), dissection.bugReports(), "dissector bugs on " + dissected + " mutated frames");
    }

    @Test
    void randomBytesUnderEveryLinkTypeNeverBreakADissector() {
        Registry registry = Registry.loadDefault();
        Random random = new Random(SEED + 1);
        Dissection dissection = new Dissection(registry);
        long n = 0;
        for (int linkType : LINK_TYPES) {
            for (int i = 0; i < RANDOM_FRAMES_PER_LINK_TYPE; i++) {
                byte[] data = new byte[random.nextInt(200)];
                random.nextBytes(data);
                plantPlausibleHeaders(data, linkType, random);
                RawFrame f = new RawFrame(++n, 0, linkType, 0, 1_700_000_000_000_000_000L + n, 6, data.length, data);
                dissection.dissect(f, DissectionOptions.FULL);
            }
        }
        assertEquals(List.of(), dissection.bugReports(), "dissector bugs on " + n + " random frames");
    }

    /** Flips bytes, truncates or extends, so lengths and type fields take surprising values. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] data = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips && data.length > 0; i++) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> data = java.util.Arrays.copyOf(data, data.length == 0 ? 0 : random.nextInt(data.length));
            case 2 -> {
                if (data.length > 0) {
                    int at = random.nextInt(data.length);
                    data[at] = (byte) (random.nextBoolean() ? 0xff : 0x00);
                    if (at + 1 < data.length) {
                        data[at + 1] = (byte) (random.nextBoolean() ? 0xff : 0x00);
                    }
                }
            }
            default -> {
                byte[] longer = java.util.Arrays.copyOf(data, data.length + random.nextInt(40));
                for (int i = data.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                data = longer;
            }
        }
        return data;
    }

    /** Random bytes rarely reach past Ethernet; planting real EtherTypes and IP versions goes deeper. */
    private static void plantPlausibleHeaders(byte[] data, int linkType, Random random) {
        int[] etherTypes = {0x0800, 0x86dd, 0x0806, 0x8100, 0x88a8};
        if (linkType == 1 && data.length > 14) {
            int et = etherTypes[random.nextInt(etherTypes.length)];
            data[12] = (byte) (et >> 8);
            data[13] = (byte) et;
            if (et == 0x0800 && data.length > 34) {
                data[14] = 0x45;
                data[23] = (byte) (random.nextBoolean() ? 6 : 17);
            } else if (et == 0x86dd && data.length > 54) {
                data[14] = 0x60;
                data[20] = (byte) (random.nextBoolean() ? 6 : 17);
            }
        } else if ((linkType == 101 || linkType == 228) && data.length > 20) {
            data[0] = 0x45;
            data[9] = (byte) (random.nextBoolean() ? 6 : 17);
        }
    }
}
