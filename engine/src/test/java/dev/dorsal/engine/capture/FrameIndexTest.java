package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random access through a FrameIndex returns exactly what sequential reading returned. */
class FrameIndexTest {

    @TempDir
    Path dir;

    @Test
    void randomAccessEqualsSequentialReading() throws Exception {
        for (String name : List.of("http_pyserver.pcap", "nanosecs.pcap", "microsecs_big_endian.pcap",
                "many_interfaces-1.pcapng", "ldap.pcapng", "tls12_ecdhe_dsb.pcapng")) {
            checkAgainstSequential(TestCaptures.resource(name));
        }
    }

    @Test
    void progressIsReportedAndCanStopIndexing() throws Exception {
        List<RawFrame> frames = new ArrayList<>();
        for (int i = 1; i <= 3 * FrameIndex.PROGRESS_EVERY + 5; i++) {
            frames.add(new RawFrame(i, 0, 1, 0, i * 1_000_000L, 6, 14, new byte[14]));
        }
        Path file = TestCaptures.write(dir, "many.pcap", CaptureWriter.pcap(frames, 1, 65535, false, false));
        List<Integer> seen = new ArrayList<>();
        try (FrameIndex index = FrameIndex.build(file, (n, offset) -> seen.add(n))) {
            assertEquals(frames.size(), index.size());
        }
        assertEquals(List.of(FrameIndex.PROGRESS_EVERY, 2 * FrameIndex.PROGRESS_EVERY, 3 * FrameIndex.PROGRESS_EVERY), seen);
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> FrameIndex.build(file, (n, offset) -> n < 2 * FrameIndex.PROGRESS_EVERY));
    }

    @Test
    void multiSectionMixedByteOrderPcapng() throws Exception {
        CaptureWriter.Pcapng shape = new CaptureWriter.Pcapng();
        shape.sections = 3;
        shape.interfacesPerLinkType = 2;
        shape.extraBlocks = true;
        shape.tsresol = 0x80 | 30;
        checkAgainstSequential(TestCaptures.write(dir, "m.pcapng",
                shape.write(TestCaptures.frames(TestCaptures.resource("ldap.pcapng")))));
        shape.packetBlock = CaptureWriter.PacketBlock.SPB;
        shape.interfacesPerLinkType = 1;
        checkAgainstSequential(TestCaptures.write(dir, "spb.pcapng",
                shape.write(TestCaptures.frames(TestCaptures.resource("http_pyserver.pcap")))));
    }

    @Test
    void gzippedFilesAreIndexedThroughADecompressedCopy() throws Exception {
        for (String name : List.of("http_pyserver.pcap", "ldap.pcapng")) {
            byte[] gz = GzipTest.gzip(TestCaptures.bytes(TestCaptures.resource(name)));
            Path file = TestCaptures.write(dir, name + ".gz", gz);
            checkAgainstSequential(file);
            try (FrameIndex index = FrameIndex.build(file)) {
                assertTrue(index.compressed());
            }
        }
    }

    @Test
    void truncatedFileIndexesItsIntactFrames() throws Exception {
        byte[] whole = TestCaptures.bytes(TestCaptures.resource("http_pyserver.pcap"));
        Path file = TestCaptures.write(dir, "cut.pcap", Arrays.copyOf(whole, whole.length - 10));
        try (FrameIndex index = FrameIndex.build(file)) {
            assertEquals(69, index.size());
            assertEquals(CaptureFileException.Kind.CUT_SHORT, index.error().kind());
            assertEquals(TestCaptures.readAll(file).frames().get(68), index.read(69));
        }
    }

    @Test
    void framesOutsideTheFileAreRejected() throws Exception {
        try (FrameIndex index = FrameIndex.build(TestCaptures.resource("nanosecs.pcap"))) {
            assertEquals(2, index.size());
            assertThrows(IndexOutOfBoundsException.class, () -> index.read(0));
            assertThrows(IndexOutOfBoundsException.class, () -> index.read(3));
            assertThrows(IndexOutOfBoundsException.class, () -> index.offsetOf(3));
        }
    }

    @Test
    void missingFileFailsToBuild() {
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> FrameIndex.build(dir.resolve("no.pcap")));
        assertEquals(CaptureFileException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void readsFromManyThreadsAgree() throws Exception {
        Path file = TestCaptures.resource("http_pyserver.pcap");
        List<RawFrame> frames = TestCaptures.frames(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FrameIndex index = FrameIndex.build(file)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 500; i++) {
                        int n = 1 + random.nextInt(frames.size());
                        if (!index.read(n).equals(frames.get(n - 1))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void checkAgainstSequential(Path file) throws Exception {
        List<RawFrame> frames = TestCaptures.frames(file);
        try (FrameIndex index = FrameIndex.build(file)) {
            assertNull(index.error());
            assertEquals(frames.size(), index.size(), file.toString());
            List<Integer> order = new ArrayList<>();
            for (int i = 1; i <= frames.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(42));
            for (int n : order) {
                RawFrame want = frames.get(n - 1);
                assertEquals(want.fileOffset(), index.offsetOf(n), file + " frame " + n);
                assertEquals(want, index.read(n), file + " frame " + n);
            }
        }
    }
}
