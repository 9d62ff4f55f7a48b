package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Files past 2 GiB, where int offsets would overflow. Runs only with {@code -Ddorsal.bigfile}
 * (set it to a directory to choose where the file goes): it writes a sparse 2.2 GB capture whose
 * packet bodies are holes, so it costs little disk but still maps and reads every byte.
 */
@EnabledIfSystemProperty(named = "dorsal.bigfile", matches = ".*")
class BigFileTest {

    private static final long TWO_GIB = 1L << 31;
    private static final int PACKET = 262_144;
    private static final byte[] MARK = "DORSAL big file".getBytes(StandardCharsets.US_ASCII);

    @Test
    void pcapPastTwoGibibytes() throws IOException {
        Path file = Files.createTempFile(directory(), "dorsal-big-", ".pcap");
        try {
            long count = 0;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(le(24).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                        .putInt(PACKET).putInt(1).flip(), 0);
                long p = 24;
                while (p < TWO_GIB + 100L * PACKET) {
                    ch.write(le(16).putInt((int) count).putInt(0).putInt(PACKET).putInt(PACKET).flip(), p);
                    ch.write(ByteBuffer.wrap(MARK), p + 16);
                    p += 16 + PACKET;
                    count++;
                }
                ch.write(ByteBuffer.allocate(1), p - 1); // the last body is a hole too: give the file its full length
            }
            check(file, count);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void pcapngPastTwoGibibytes() throws IOException {
        Path file = Files.createTempFile(directory(), "dorsal-big-", ".pcapng");
        try {
            long count = 0;
            int epb = 32 + PACKET;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(le(48).putInt(PcapngBlocks.SHB).putInt(28).putInt(PcapngBlocks.BYTE_ORDER_MAGIC)
                        .putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28)
                        .putInt(PcapngBlocks.IDB).putInt(20).putShort((short) 1).putShort((short) 0).putInt(0).putInt(20)
                        .flip(), 0);
                long p = 48;
                while (p < TWO_GIB + 100L * PACKET) {
                    ch.write(le(28).putInt(PcapngBlocks.EPB).putInt(epb).putInt(0).putInt(0).putInt((int) count * 1000)
                            .putInt(PACKET).putInt(PACKET).flip(), p);
                    ch.write(ByteBuffer.wrap(MARK), p + 28);
                    ch.write(le(4).putInt(epb).flip(), p + epb - 4);
                    p += epb;
                    count++;
                }
            }
            check(file, count);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void check(Path file, long count) throws IOException {
        assertTrue(Files.size(file) > TWO_GIB);
        RawFrame last = null;
        long n = 0;
        try (CaptureReader r = Captures.open(file)) {
            for (RawFrame f; (f = r.next()) != null; n++) {
                assertArrayEquals(MARK, Arrays.copyOf(f.data(), MARK.length));
                last = f;
            }
        }
        assertEquals(count, n);
        assertTrue(last.fileOffset() > TWO_GIB, "last frame at " + last.fileOffset());
        try (FrameIndex index = FrameIndex.build(file)) {
            assertNull(index.error());
            assertEquals(count, index.size());
            assertEquals(last, index.read(count));
            assertEquals(last.fileOffset(), index.offsetOf(count));
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Path directory() {
        Path p = Path.of(System.getProperty("dorsal.bigfile"));
        return Files.isDirectory(p) ? p : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
