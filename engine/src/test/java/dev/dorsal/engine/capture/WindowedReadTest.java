package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Big files are read through a sliding mapping ({@link WindowedFileSource}); with a map limit of 0
 * every test capture takes that path, with windows smaller than a record, than a page, and odd sizes,
 * and must give exactly the frames (and the error) the whole-file mapping gives.
 */
class WindowedReadTest {

    static final long[] WINDOWS = {1, 100, 4096, 65_536 + 13, WindowedFileSource.WINDOW};

    static Stream<String> captures() {
        return Stream.of("microsecs.pcap", "microsecs_big_endian.pcap", "nanosecs.pcap", "pcapng-example.pcapng",
                "many_interfaces-1.pcapng", "tls12_ecdhe_dsb.pcapng", "http_pyserver.pcap", "dns_udp.pcap");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void sameFramesAsTheWholeMapping(String name) {
        Path file = TestCaptures.resource(name);
        List<RawFrame> expected = TestCaptures.frames(file);
        assertTrue(!expected.isEmpty(), name);
        for (long window : WINDOWS) {
            TestCaptures.Result r = readWindowed(file, window);
            assertEquals(null, r.error(), name + " window " + window);
            assertSame(expected, r.frames(), name + " window " + window);
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void fileCutInsideARecordKeepsEveryIntactFrame(String name, @TempDir Path dir) throws IOException {
        byte[] bytes = TestCaptures.bytes(TestCaptures.resource(name));
        Path cut = TestCaptures.write(dir, "cut-" + name, Arrays.copyOf(bytes, bytes.length - 7));
        TestCaptures.Result whole = TestCaptures.readAll(cut);
        assertNotNull(whole.error(), name);
        for (long window : WINDOWS) {
            TestCaptures.Result r = readWindowed(cut, window);
            assertNotNull(r.error(), name + " window " + window);
            assertEquals(whole.error().getMessage(), r.error().getMessage(), name + " window " + window);
            assertSame(whole.frames(), r.frames(), name + " window " + window);
        }
        Files.delete(cut);
    }

    private static TestCaptures.Result readWindowed(Path file, long window) {
        try (CaptureReader reader = Captures.open(file, null, 0, window)) {
            return TestCaptures.drain(reader);
        } catch (CaptureFileException e) {
            return new TestCaptures.Result(List.of(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSame(List<RawFrame> expected, List<RawFrame> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": frame count");
        for (int i = 0; i < expected.size(); i++) {
            RawFrame e = expected.get(i);
            RawFrame a = actual.get(i);
            assertEquals(e.number(), a.number(), what);
            assertEquals(e.fileOffset(), a.fileOffset(), what + " frame " + e.number());
            assertEquals(e.timestampNanos(), a.timestampNanos(), what + " frame " + e.number());
            assertEquals(e.originalLength(), a.originalLength(), what + " frame " + e.number());
            assertEquals(e.interfaceId(), a.interfaceId(), what + " frame " + e.number());
            assertArrayEquals(e.data(), a.data(), what + " frame " + e.number());
        }
    }
}
