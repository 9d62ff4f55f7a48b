package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * First-pass speed on a million small frames (pcap and pcapng). Runs only with
 * {@code -Ddorsal.bench}; it prints frames per second and never fails on speed alone.
 */
@EnabledIfSystemProperty(named = "dorsal.bench", matches = ".*")
class ReadSpeedTest {

    private static final int FRAMES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void firstPass() throws IOException {
        List<RawFrame> seed = TestCaptures.frames(TestCaptures.resource("dns_udp.pcap"));
        List<RawFrame> many = java.util.stream.IntStream.range(0, FRAMES).mapToObj(i -> seed.get(i % seed.size())).toList();
        Path pcap = dir.resolve("bench.pcap");
        Path pcapng = dir.resolve("bench.pcapng");
        try (OutputStream out = Files.newOutputStream(pcap)) {
            out.write(CaptureWriter.pcap(many, 1, 65535, false, false));
        }
        try (OutputStream out = Files.newOutputStream(pcapng)) {
            out.write(new CaptureWriter.Pcapng().write(many));
        }
        for (int round = 0; round < 3; round++) {
            for (Path p : List.of(pcap, pcapng)) {
                long start = System.nanoTime();
                long n = 0;
                try (CaptureReader r = Captures.open(p)) {
                    while (r.next() != null) {
                        n++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertEquals(FRAMES, n);
                System.out.printf("%s round %d: %.2fM frames/s%n", p.getFileName(), round, n / seconds / 1e6);
            }
        }
    }
}
