package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads gzip-compressed pcap and pcapng files, whole, cut short and damaged. */
class GzipTest {

    @TempDir
    Path dir;

    @Test
    void gzippedPcapReadsLikeThePlainFile() throws IOException {
        Path plain = TestCaptures.resource("http_pyserver.pcap");
        Path gz = TestCaptures.write(dir, "http_pyserver.pcap.gz", gzip(TestCaptures.bytes(plain)));
        try (CaptureReader r = Captures.open(gz)) {
            assertTrue(r.compressed());
            assertEquals(CaptureFormat.PCAP, r.format());
            assertEquals(TestCaptures.frames(plain), TestCaptures.drain(r).frames());
        }
    }

    @Test
    void gzippedPcapngKeepsItsSecrets() throws IOException {
        Path plain = TestCaptures.resource("tls12_ecdhe_dsb.pcapng");
        Path gz = TestCaptures.write(dir, "dsb.pcapng.gz", gzip(TestCaptures.bytes(plain)));
        try (CaptureReader r = Captures.open(gz)) {
            assertTrue(r.compressed());
            assertEquals(CaptureFormat.PCAPNG, r.format());
            assertEquals(1, r.decryptionSecrets().size());
            assertEquals(TestCaptures.frames(plain), TestCaptures.drain(r).frames());
        }
    }

    @Test
    void gzipFromAStream() {
        Path plain = TestCaptures.resource("ldap.pcapng");
        TestCaptures.Result r = TestCaptures.readStream(gzip(TestCaptures.bytes(plain)), "-");
        assertNull(r.error());
        assertEquals(TestCaptures.frames(plain), r.frames());
    }

    @Test
    void plainFilesAreNotCompressed() throws IOException {
        try (CaptureReader r = Captures.open(TestCaptures.resource("nanosecs.pcap"))) {
            assertFalse(r.compressed());
        }
    }

    @Test
    void cutGzipGivesAPrefixThenCutShort() {
        List<RawFrame> all = TestCaptures.frames(TestCaptures.resource("dns_udp.pcap"));
        byte[] gz = gzip(TestCaptures.bytes(TestCaptures.resource("dns_udp.pcap")));
        int previous = 0;
        for (int cut = 2; cut < gz.length; cut++) {
            Path file = TestCaptures.write(dir, "cut" + cut + ".pcap.gz", Arrays.copyOf(gz, cut));
            TestCaptures.Result r = TestCaptures.readAll(file);
            String at = "cut at " + cut;
            assertNotNull(r.error(), at);
            assertEquals(CaptureFileException.Kind.CUT_SHORT, r.error().kind(), at + ": " + r.error().getMessage());
            assertEquals(all.subList(0, r.frames().size()), r.frames(), at);
            assertTrue(r.frames().size() >= previous, at);
            previous = r.frames().size();
        }
        assertTrue(previous >= all.size() - 1, "a cut in the trailer still yields the frames");
    }

    @Test
    void badChecksumComesAfterEveryFrame() {
        byte[] gz = gzip(TestCaptures.bytes(TestCaptures.resource("dns_udp.pcap")));
        gz[gz.length - 8] ^= 0x55; // the CRC-32 in the gzip trailer
        TestCaptures.Result r = TestCaptures.readAll(TestCaptures.write(dir, "crc.pcap.gz", gz));
        assertEquals(26, r.frames().size());
        assertEquals(CaptureFileException.Kind.DECOMPRESS, r.error().kind());
        assertTrue(r.error().getMessage().startsWith("The compressed file \""), r.error().getMessage());
    }

    @Test
    void gzippedTextIsNotACapture() {
        Path file = TestCaptures.write(dir, "notes.txt.gz", gzip("hello, world\n".getBytes(StandardCharsets.UTF_8)));
        TestCaptures.Result r = TestCaptures.readAll(file);
        assertEquals(CaptureFileException.Kind.UNKNOWN_FORMAT, r.error().kind());
        assertEquals("The file \"" + file + "\" isn't a capture file in a format TShark understands.",
                r.error().getMessage());
    }

    @Test
    void gzipMagicWithGarbageIsAnError() {
        Path file = TestCaptures.write(dir, "bad.gz", new byte[] {0x1f, (byte) 0x8b, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        TestCaptures.Result r = TestCaptures.readAll(file);
        assertEquals(CaptureFileException.Kind.DECOMPRESS, r.error().kind());
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
