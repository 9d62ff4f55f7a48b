package dev.dorsal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splitting: every frame read exactly once, numbered and timed as in the whole file, whatever the cut. */
class SplitsTest {
    private static final List<String> FIELDS = List.of("frame.number", "frame.time_epoch", "frame.time_delta",
            "frame.len", "dorsal.data");

    @TempDir
    Path dir;

    /** The frames the engine reads from the whole file, as (number, time, length, bytes) lines. */
    private static List<String> whole(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (CaptureReader r = Captures.open(file)) {
            for (RawFrame f = r.next(); f != null; f = r.next()) {
                out.add(f.number() + " " + f.timestampNanos() + " " + f.originalLength() + " " + Arrays.hashCode(f.data()));
            }
        }
        return out;
    }

    private static List<String> spark(Path file, String splitSize) {
        Dataset<Row> df = LocalSpark.spark().read().format("dorsal")
                .option("fields", "frame.number,dorsal.ts_nanos,dorsal.orig_len,dorsal.data")
                .option("splitSize", splitSize).load(file.toString());
        List<Row> rows = new ArrayList<>(df.collectAsList());
        rows.sort((a, b) -> Long.compare(a.getLong(0), b.getLong(0)));
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.getLong(0) + " " + r.getLong(1) + " " + r.getInt(2) + " " + Arrays.hashCode((byte[]) r.get(3)));
        }
        return out;
    }

    /**
     * A pcap whose packets carry copies of real record headers (so a split starting inside a packet
     * sees chains of plausible headers and may resynchronise falsely), in both byte orders.
     */
    private static byte[] decoyPcap(ByteOrder order, int frames, long seed) {
        return decoyPcap(order, frames, seed, false);
    }

    /** As {@link #decoyPcap(ByteOrder, int, long)}, with nanosecond timestamps when {@code nanos}. */
    private static byte[] decoyPcap(ByteOrder order, int frames, long seed, boolean nanos) {
        int fractions = nanos ? 1_000_000_000 : 1_000_000;
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
        long secs = 1_700_000_000L;
        for (int i = 0; i < frames; i++) {
            int len = 14 + 20 + random.nextInt(300);
            ByteBuffer p = ByteBuffer.allocate(len).order(order);
            // A fake chain: headers whose lengths point at further fake headers inside this packet.
            while (p.remaining() >= 16 + 8) {
                int fake = Math.min(p.remaining() - 16, random.nextInt(24));
                p.putInt((int) secs).putInt(random.nextInt(fractions)).putInt(fake).putInt(fake);
                p.position(p.position() + fake);
            }
            ByteBuffer r = ByteBuffer.allocate(16).order(order);
            r.putInt((int) secs).putInt(random.nextInt(fractions)).putInt(len).putInt(len + random.nextInt(3));
            out.writeBytes(r.array());
            out.writeBytes(p.array());
            secs += random.nextInt(2);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"64", "100", "333", "1k", "4k"})
    void decoyHeadersDoNotFoolTheSplits(String splitSize) throws IOException {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            Path f = dir.resolve("decoy-" + order + ".pcap");
            Files.write(f, decoyPcap(order, 400, splitSize.hashCode()));
            List<String> expected = whole(f);
            assertEquals(400, expected.size());
            assertEquals(expected, spark(f, splitSize), order + " split " + splitSize);
        }
    }

    @Test
    void nanosecondPcapIsSplitToo() throws IOException {
        Path f = dir.resolve("decoy-nsec.pcap");
        Files.write(f, decoyPcap(ByteOrder.BIG_ENDIAN, 300, 7, true));
        List<String> expected = whole(f);
        assertEquals(300, expected.size());
        assertEquals(expected, spark(f, "500"));
    }

    @Test
    void pcapngIsSplitAtBlockBoundaries() throws IOException {
        Path f = LocalSpark.CORPUS.resolve("mixed.pcapng");
        Dataset<Row> df = LocalSpark.spark().read().format("dorsal").option("fields", "frame.number")
                .option("splitSize", "16k").load(f.toString());
        assertTrue(df.rdd().getNumPartitions() > 10, "partitions: " + df.rdd().getNumPartitions());
        assertEquals(whole(f), spark(f, "16k"));
    }

    @Test
    void aCutShortFileYieldsEveryIntactFrame() throws IOException {
        byte[] all = Files.readAllBytes(LocalSpark.CORPUS.resolve("http_get.pcap"));
        Path f = dir.resolve("cut.pcap");
        Files.write(f, Arrays.copyOf(all, 100_000));
        List<String> fields = List.of("frame.number", "ip.src", "tcp.len");
        for (String split : List.of("2k", "1m")) {
            Dataset<Row> df = CorpusRowsTest.reader(f, fields).option("splitSize", split).load(f.toString());
            List<String> expected = LocalSpark.cli(f, null, fields);
            assertEquals(130, expected.size());
            assertEquals(expected, LocalSpark.lines(df), "split " + split);
        }
    }

    @Test
    void aCorruptRecordEndsTheFileAsInTheCli() throws IOException {
        byte[] all = Files.readAllBytes(LocalSpark.CORPUS.resolve("http_get.pcap"));
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        for (int i = 1; i < 50; i++) { // to the 50th record's header
            at += 16 + b.getInt(at + 8);
        }
        b.putInt(at + 8, 0x7fff_ffff); // a captured length no reader accepts
        Path f = dir.resolve("corrupt.pcap");
        Files.write(f, all);
        List<String> fields = List.of("frame.number", "ip.src", "tcp.len");
        List<String> expected = LocalSpark.cli(f, null, fields);
        assertEquals(49, expected.size());
        for (String split : List.of("2k", "1m")) {
            Dataset<Row> df = CorpusRowsTest.reader(f, fields).option("splitSize", split).load(f.toString());
            assertEquals(expected, LocalSpark.lines(df), "split " + split);
        }
    }

    @Test
    void gzipFilesAreReadWhole() throws IOException {
        Path source = LocalSpark.CORPUS.resolve("dns_tcp.pcap");
        Path f = dir.resolve("dns_tcp.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(Files.readAllBytes(source));
        }
        List<String> fields = List.of("frame.number", "dns.qry.name", "tcp.stream");
        Dataset<Row> df = CorpusRowsTest.reader(f, fields).option("splitSize", "1k").load(f.toString());
        assertEquals(1, df.rdd().getNumPartitions());
        assertEquals(LocalSpark.cli(source, null, fields), LocalSpark.lines(df));
    }

    @Test
    void aFolderIsReadFileByFileWithEachFilesOwnFrameNumbers() throws IOException {
        Files.copy(LocalSpark.CORPUS.resolve("dns_udp.pcap"), dir.resolve("a.pcap"));
        Files.copy(LocalSpark.CORPUS.resolve("arp_veth.pcap"), dir.resolve("b.pcap"));
        Files.writeString(dir.resolve(".hidden"), "not a capture");
        Dataset<Row> df = LocalSpark.spark().read().format("dorsal").option("fields", "dorsal.file,frame.number")
                .load(dir.toString());
        long a = df.filter("`dorsal.file` like '%a.pcap'").count();
        long b = df.filter("`dorsal.file` like '%b.pcap'").count();
        assertEquals(whole(dir.resolve("a.pcap")).size(), a);
        assertEquals(whole(dir.resolve("b.pcap")).size(), b);
        assertEquals(1L, df.filter("`frame.number` = 1").count() / 2);
    }
}
