package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged headers and lengths: every intact frame comes first, then an error in tshark's words
 * that names the offset of the bad record; files that are no capture fail at open.
 */
class CorruptFileTest {

    @TempDir
    Path dir;

    private final List<RawFrame> source = TestCaptures.frames(TestCaptures.resource("dns_udp.pcap"));

    @Test
    void pcapPacketLargerThanTheMaximum() {
        byte[] b = CaptureWriter.pcap(source, 1, 65535, false, false);
        long third = TestCaptures.frames(TestCaptures.write(dir, "ok.pcap", b)).get(2).fileOffset();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) third + 8, -1);
        Path file = TestCaptures.write(dir, "x.pcap", b);
        TestCaptures.Result r = TestCaptures.readAll(file);
        assertEquals(2, r.frames().size());
        assertEquals(CaptureFileException.Kind.CORRUPT, r.error().kind());
        assertEquals(third, r.error().offset());
        assertEquals("The file \"" + file + "\" appears to be damaged or corrupt. (pcap: File has 4294967295-byte packet,"
                + " bigger than maximum of 262144) at offset " + third, r.error().getMessage());
        assertEquals("The file \"" + file + "\" appears to be damaged or corrupt.\n(pcap: File has 4294967295-byte packet,"
                + " bigger than maximum of 262144)", r.error().tsharkMessage());
    }

    @Test
    void pcapPacketJustOverTheMaximumInABigEndianFile() {
        byte[] b = CaptureWriter.pcap(source, 1, 65535, true, true);
        ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putInt(24 + 8, 262_145);
        TestCaptures.Result r = TestCaptures.readAll(TestCaptures.write(dir, "x.pcap", b));
        assertEquals(0, r.frames().size());
        assertEquals(24, r.error().offset());
        assertEquals("pcap: File has 262145-byte packet, bigger than maximum of 262144", r.error().detail());
    }

    @Test
    void theErrorRepeatsOnceThrown() throws Exception {
        byte[] b = CaptureWriter.pcap(source, 1, 65535, false, false);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, -1);
        try (CaptureReader r = Captures.open(TestCaptures.write(dir, "x.pcap", b))) {
            CaptureFileException first = assertThrows(CaptureFileException.class, r::next);
            assertSame(first, assertThrows(CaptureFileException.class, r::next));
        }
    }

    @Test
    void pcapVersionOneIsUnsupported() {
        byte[] b = CaptureWriter.pcap(source, 1, 65535, false, false);
        b[4] = 1;
        TestCaptures.Result r = TestCaptures.readAll(TestCaptures.write(dir, "x.pcap", b));
        assertEquals(CaptureFileException.Kind.UNSUPPORTED, r.error().kind());
        assertEquals("pcap: major version 1 unsupported", r.error().detail());
    }

    @Test
    void pcapngBlockLengthNotAMultipleOfFour() {
        byte[] b = pcapng();
        long at = setBlockLength(b, 5, 70);
        check(b, 4, at, "pcapng: total block length 70 of block is not a multiple of 4");
    }

    @Test
    void pcapngBlockLengthBelowTheMinimum() {
        byte[] b = pcapng();
        long at = setBlockLength(b, 5, 8);
        check(b, 4, at, "pcapng: total block length 8 of block is less than the minimal block size 12");
    }

    @Test
    void pcapngTrailingLengthMismatch() {
        byte[] b = pcapng();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long at = blockOfFrame(b, 7);
        int len = bb.getInt((int) at + 4);
        bb.putInt((int) at + len - 4, len + 4);
        check(b, 6, at, "pcapng: total block lengths (first %d and second %d) don't match".formatted(len, len + 4));
    }

    @Test
    void pcapngHugeBlockLength() {
        byte[] b = pcapng();
        long at = setBlockLength(b, 2, 0xFFFF_FFF0);
        check(b, 1, at, "pcapng: total block length 4294967280 is too large (> 134348832)");
    }

    @Test
    void pcapngUnknownInterface() {
        byte[] b = pcapng();
        long at = blockOfFrame(b, 3);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at + 8, 7);
        check(b, 2, at, "pcapng: interface index 7 is not less than section interface count 1");
    }

    @Test
    void pcapngCapturedLengthPastTheBlock() {
        byte[] b = pcapng();
        long at = blockOfFrame(b, 3);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt((int) at + 20, bb.getInt((int) at + 4));
        check(b, 2, at, "pcapng: total block length %d of an EPB is too small for %d bytes of packet data"
                .formatted(bb.getInt((int) at + 4), bb.getInt((int) at + 4)));
    }

    @Test
    void pcapngBadByteOrderMagicInALaterSection() {
        CaptureWriter.Pcapng shape = new CaptureWriter.Pcapng();
        shape.sections = 2;
        byte[] b = shape.write(source);
        long second = TestCaptures.frames(TestCaptures.write(dir, "ok.pcapng", b)).get(13).fileOffset();
        int shb = shbBefore(b, (int) second);
        b[shb + 8] = 0x55; // the second section is big-endian: 1a 2b 3c 4d becomes 55 2b 3c 4d
        check(b, 13, shb, "pcapng: unknown byte-order magic number 0x552b3c4d");
    }

    @Test
    void pcapngUnknownVersion() {
        byte[] b = pcapng();
        b[12] = 2;
        TestCaptures.Result r = TestCaptures.readAll(TestCaptures.write(dir, "x.pcapng", b));
        assertEquals(CaptureFileException.Kind.UNSUPPORTED, r.error().kind());
        assertEquals("pcapng: unknown SHB version 2.0", r.error().detail());
    }

    @Test
    void packetBeforeAnyInterface() {
        ByteWriter w = new ByteWriter();
        CaptureWriter.block(w, PcapngBlocks.SHB, b -> b.u32(PcapngBlocks.BYTE_ORDER_MAGIC).u16(1).u16(0).u64(-1));
        CaptureWriter.block(w, PcapngBlocks.SPB, b -> b.u32(4).u32(0));
        check(w.toByteArray(), 0, 28, "pcapng: SPB appeared before any IDBs in the section");
    }

    @Test
    void textIsNotACaptureFile() {
        Path file = TestCaptures.write(dir, "notes.txt", "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        TestCaptures.Result r = TestCaptures.readAll(file);
        assertEquals("The file \"" + file + "\" isn't a capture file in a format TShark understands.",
                r.error().getMessage());
        assertEquals(-1, r.error().offset());
    }

    @Test
    void emptyAndTinyFilesAreNotCaptureFiles() {
        for (byte[] b : List.of(new byte[0], new byte[] {(byte) 0xd4, (byte) 0xc3},
                new byte[] {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 28})) {
            TestCaptures.Result r = TestCaptures.readAll(TestCaptures.write(dir, "tiny" + b.length, b));
            assertEquals(CaptureFileException.Kind.UNKNOWN_FORMAT, r.error().kind());
        }
    }

    @Test
    void pcapngMagicWithAWrongByteOrderMagicIsNotPcapng() {
        byte[] b = pcapng();
        b[8] = 0;
        TestCaptures.Result r = TestCaptures.readAll(TestCaptures.write(dir, "x.pcapng", b));
        assertEquals(CaptureFileException.Kind.UNKNOWN_FORMAT, r.error().kind());
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.pcap");
        TestCaptures.Result r = TestCaptures.readAll(file);
        assertEquals("The file \"" + file + "\" doesn't exist.", r.error().getMessage());
        assertEquals("The file \"" + file + "\" doesn't exist.", r.error().tsharkMessage());
    }

    @Test
    void directoryIsNotAFile() {
        TestCaptures.Result r = TestCaptures.readAll(dir);
        assertEquals(CaptureFileException.Kind.IS_DIRECTORY, r.error().kind());
        assertEquals("\"" + dir + "\" is a directory (folder), not a file.", r.error().getMessage());
    }

    @Test
    void unreadableFile() throws Exception {
        Path file = TestCaptures.write(dir, "secret.pcap", CaptureWriter.pcap(source, 1, 65535, false, false));
        Files.setPosixFilePermissions(file, java.util.Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as root");
        assertEquals(CaptureFileException.Kind.NO_PERMISSION, TestCaptures.readAll(file).error().kind());
    }

    private void check(byte[] b, int intact, long offset, String detail) {
        for (TestCaptures.Result r : List.of(TestCaptures.readAll(TestCaptures.write(dir, "x.pcapng", b)),
                TestCaptures.readStream(b, "x.pcapng"))) {
            assertEquals(source.subList(0, intact).stream().map(RawFrame::data).map(java.util.Arrays::toString).toList(),
                    r.frames().stream().map(RawFrame::data).map(java.util.Arrays::toString).toList());
            assertEquals(CaptureFileException.Kind.CORRUPT, r.error().kind(), r.error().getMessage());
            assertEquals(detail, r.error().detail());
            assertEquals(offset, r.error().offset());
        }
    }

    private byte[] pcapng() {
        return new CaptureWriter.Pcapng().write(source);
    }

    private long blockOfFrame(byte[] b, int frame) {
        return TestCaptures.frames(TestCaptures.write(dir, "ok.pcapng", b)).get(frame - 1).fileOffset();
    }

    /** Overwrites the leading length of frame {@code frame}'s block; returns the block's offset. */
    private long setBlockLength(byte[] b, int frame, int len) {
        long at = blockOfFrame(b, frame);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at + 4, len);
        return at;
    }

    /** Offset of the last section header before {@code limit}. */
    private static int shbBefore(byte[] b, int limit) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int found = -1;
        for (int p : TruncationTest.pcapngBounds(b).stream().mapToInt(Long::intValue).toArray()) {
            if (p < limit && p + 4 <= b.length && bb.getInt(p) == PcapngBlocks.SHB) {
                found = p;
            }
        }
        return found;
    }
}
