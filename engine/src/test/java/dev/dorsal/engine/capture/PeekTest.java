package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CaptureReader#peek}: a frame's record and first bytes without reading it whole. Peeking and
 * skipping some frames while reading the others must give the others exactly as reading them all
 * does, through the whole-file and the sliding mapping, and a damaged record is left to next().
 */
class PeekTest {
    private static final int HEAD = 20;

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 100, 4096, WindowedFileSource.WINDOW})
    void skippingEveryOtherFrameLeavesTheRestAsTheyWere(long window) throws IOException {
        Path file = TestCaptures.resource("http_pyserver.pcap");
        List<RawFrame> all = TestCaptures.frames(file);
        List<RawFrame> kept = new ArrayList<>();
        byte[] head = new byte[HEAD];
        // window 0: the whole file mapped at once; else a sliding window of that size
        try (CaptureReader reader = window == 0 ? Captures.open(file) : Captures.open(file, null, 0, window)) {
            for (int i = 0; ; i++) {
                FrameHead h = reader.peek(head);
                if (h == null) {
                    assertNull(reader.next());
                    break;
                }
                RawFrame expected = all.get(i);
                assertEquals(expected.number(), h.number());
                assertEquals(expected.fileOffset(), h.fileOffset());
                assertEquals(expected.timestampNanos(), h.timestampNanos());
                assertEquals(expected.originalLength(), h.originalLength());
                assertEquals(expected.data().length, h.capturedLength());
                assertEquals(expected.linkType(), h.linkType());
                assertArrayEquals(Arrays.copyOf(expected.data(), Math.min(HEAD, expected.data().length)),
                        Arrays.copyOf(head, Math.min(HEAD, h.capturedLength())));
                if (i % 2 == 0) {
                    reader.skipPeeked();
                } else {
                    kept.add(reader.next());
                }
            }
        }
        assertEquals(all.size() / 2, kept.size());
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(all.get(2 * i + 1), kept.get(i));
        }
    }

    @Test
    void worksOnAStreamToo() throws IOException {
        Path file = TestCaptures.resource("http_pyserver.pcap");
        List<RawFrame> all = TestCaptures.frames(file);
        byte[] head = new byte[HEAD];
        try (CaptureReader reader = Captures.open(new java.io.ByteArrayInputStream(TestCaptures.bytes(file)), "-")) {
            assertNotNull(reader.peek(head));
            reader.skipPeeked();
            assertNotNull(reader.peek(head));
            assertEquals(all.get(1), reader.next());
            FrameHead third = reader.peek(head);
            assertEquals(all.get(2).timestampNanos(), third.timestampNanos());
            reader.skipPeeked();
            assertEquals(all.get(3), reader.next());
        }
    }

    @Test
    void aRecordCutShortIsLeftToNext(@TempDir Path dir) throws IOException {
        byte[] bytes = TestCaptures.bytes(TestCaptures.resource("http_pyserver.pcap"));
        Path cut = TestCaptures.write(dir, "cut.pcap", Arrays.copyOf(bytes, bytes.length - 7));
        int frames = TestCaptures.frames(TestCaptures.resource("http_pyserver.pcap")).size();
        try (CaptureReader reader = Captures.open(cut)) {
            byte[] head = new byte[HEAD];
            for (int i = 0; i < frames - 1; i++) {
                assertNotNull(reader.peek(head));
                reader.skipPeeked();
            }
            assertNull(reader.peek(head));
            assertThrows(CaptureFileException.class, reader::next);
            assertNull(reader.peek(head), "a failed reader offers nothing more");
        }
    }

    @Test
    void pcapngFramesAreReadWhole() throws IOException {
        try (CaptureReader reader = Captures.open(TestCaptures.resource("pcapng-example.pcapng"))) {
            assertNull(reader.peek(new byte[HEAD]));
            assertNotNull(reader.next());
            assertThrows(IllegalStateException.class, reader::skipPeeked);
        }
    }
}
