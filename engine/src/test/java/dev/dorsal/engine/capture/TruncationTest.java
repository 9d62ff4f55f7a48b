package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cuts captures at every byte position and checks that each cut yields exactly the frames that
 * are still whole, then a "cut short" error naming the offset of the record the cut falls in
 * (or a clean end when the cut falls between records), through both the mapped and the stream path.
 */
class TruncationTest {

    @TempDir
    Path dir;

    @Test
    void pcapCutInsideItsLastFrames() {
        byte[] whole = TestCaptures.bytes(TestCaptures.resource("http_pyserver.pcap"));
        List<RawFrame> frames = TestCaptures.frames(TestCaptures.resource("http_pyserver.pcap"));
        long from = frames.get(frames.size() - 3).fileOffset();
        checkCuts("http_pyserver.pcap", whole, frames, pcapBounds(whole), from);
    }

    @Test
    void pcapCutAnywhere() {
        byte[] whole = TestCaptures.bytes(TestCaptures.resource("arp_veth.pcap"));
        List<RawFrame> frames = TestCaptures.frames(TestCaptures.resource("arp_veth.pcap"));
        checkCuts("arp_veth.pcap", whole, frames, pcapBounds(whole), 0);
    }

    @Test
    void bigEndianNanosecondPcapCutInsideItsLastFrames() {
        List<RawFrame> source = TestCaptures.frames(TestCaptures.resource("dns_udp.pcap"));
        byte[] whole = CaptureWriter.pcap(source, 1, 65535, true, true);
        Path file = TestCaptures.write(dir, "be.pcap", whole);
        List<RawFrame> frames = TestCaptures.frames(file);
        checkCuts("be.pcap", whole, frames, pcapBounds(whole), frames.get(frames.size() - 4).fileOffset());
    }

    @Test
    void pcapngWithSectionsAndExtraBlocksCutAnywhere() {
        CaptureWriter.Pcapng shape = new CaptureWriter.Pcapng();
        shape.sections = 2;
        shape.extraBlocks = true;
        shape.bigEndianFirst = true;
        byte[] whole = shape.write(TestCaptures.frames(TestCaptures.resource("dns_udp.pcap")));
        Path file = TestCaptures.write(dir, "x.pcapng", whole);
        checkCuts("x.pcapng", whole, TestCaptures.frames(file), pcapngBounds(whole), 0);
    }

    @Test
    void realPcapngCutInsideItsLastFrames() {
        byte[] whole = TestCaptures.bytes(TestCaptures.resource("doipPackets.pcapng"));
        List<RawFrame> frames = TestCaptures.frames(TestCaptures.resource("doipPackets.pcapng"));
        checkCuts("doipPackets.pcapng", whole, frames, pcapngBounds(whole), frames.get(frames.size() - 3).fileOffset());
    }

    /**
     * For every cut from {@code from} to the end, reads the cut file both mapped and streamed and
     * compares with what the record boundaries {@code bounds} predict.
     */
    private void checkCuts(String name, byte[] whole, List<RawFrame> frames, TreeSet<Long> bounds, long from) {
        int magicLength = whole[0] == 0x0A ? 12 : 4;
        for (int cut = (int) from; cut <= whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            Path file = TestCaptures.write(dir, "cut-" + cut + "-" + name, part);
            TestCaptures.Result mapped = TestCaptures.readAll(file);
            TestCaptures.Result streamed = TestCaptures.readStream(part, file.toString());
            String at = name + " cut at " + cut;
            if (cut < magicLength) {
                assertEquals(CaptureFileException.Kind.UNKNOWN_FORMAT, mapped.error().kind(), at);
                assertEquals(CaptureFileException.Kind.UNKNOWN_FORMAT, streamed.error().kind(), at);
                continue;
            }
            long blockStart = bounds.floor((long) cut);
            boolean clean = blockStart == cut;
            long lastIntact = clean ? cut : blockStart;
            List<RawFrame> want = frames.stream().filter(f -> f.fileOffset() < lastIntact).toList();
            for (TestCaptures.Result r : List.of(mapped, streamed)) {
                assertEquals(want, r.frames(), at);
                if (clean) {
                    assertNull(r.error(), at);
                } else {
                    assertNotNull(r.error(), at);
                    assertEquals(CaptureFileException.Kind.CUT_SHORT, r.error().kind(), at);
                    assertEquals(blockStart, r.error().offset(), at);
                    assertTrue(r.error().getMessage().startsWith("The file \"" + file
                            + "\" appears to have been cut short in the middle of a packet. ("), at);
                    assertTrue(r.error().getMessage().endsWith(" at offset " + blockStart), at);
                }
            }
        }
    }

    /** Start offsets of the pcap file header, of every record, and the end of the file. */
    static TreeSet<Long> pcapBounds(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(b[0] == (byte) 0xa1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        TreeSet<Long> bounds = new TreeSet<>(List.of(0L));
        int p = 24;
        while (p <= b.length) {
            bounds.add((long) p);
            if (p + 16 > b.length) {
                break;
            }
            p += 16 + bb.getInt(p + 8);
        }
        return bounds;
    }

    /** Start offsets of every pcapng block and the end of the file, following each section's byte order. */
    static TreeSet<Long> pcapngBounds(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b);
        TreeSet<Long> bounds = new TreeSet<>();
        ByteOrder section = ByteOrder.BIG_ENDIAN;
        int p = 0;
        while (p <= b.length) {
            bounds.add((long) p);
            if (p + 12 > b.length) {
                break;
            }
            if (bb.order(ByteOrder.BIG_ENDIAN).getInt(p) == PcapngBlocks.SHB) {
                section = bb.getInt(p + 8) == PcapngBlocks.BYTE_ORDER_MAGIC ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            }
            p += bb.order(section).getInt(p + 4);
        }
        return bounds;
    }
}
