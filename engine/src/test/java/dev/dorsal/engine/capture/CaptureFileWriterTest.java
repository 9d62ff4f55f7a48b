package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by {@link CaptureFileWriter} read back with the same frames, timestamps and interfaces. */
class CaptureFileWriterTest {

    @TempDir
    Path dir;

    /** What a reader sees of a frame, without its number and file offset (which a copy changes). */
    private record Seen(int linkType, int interfaceId, long ts, int digits, int origLen, List<Byte> data) {
        static Seen of(RawFrame f) {
            List<Byte> bytes = new ArrayList<>(f.data().length);
            for (byte b : f.data()) {
                bytes.add(b);
            }
            return new Seen(f.linkType(), f.interfaceId(), f.timestampNanos(), f.timePrecisionDigits(),
                    f.originalLength(), bytes);
        }
    }

    /** Copies {@code in} to {@code out} in {@code format} the way the CLI does, interfaces and secrets included. */
    static void copy(Path in, Path out, CaptureFormat format) throws Exception {
        try (CaptureReader r = Captures.open(in);
                CaptureFileWriter w = CaptureFileWriter.open(out, format, r.interfaces())) {
            int secrets = 0;
            for (DecryptionSecrets s : r.decryptionSecrets()) {
                w.writeSecrets(s);
                secrets++;
            }
            for (RawFrame f; (f = r.next()) != null;) {
                while (w.interfaces().size() < r.interfaces().size()) {
                    w.addInterface(r.interfaces().get(w.interfaces().size()));
                }
                for (; secrets < r.decryptionSecrets().size(); secrets++) {
                    w.writeSecrets(r.decryptionSecrets().get(secrets));
                }
                w.write(f);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http_pyserver.pcap", "nanosecs.pcap", "microsecs_big_endian.pcap", "ldap.pcapng",
            "many_interfaces-1.pcapng", "too_many_interfaces.pcapng", "pcapng-example.pcapng", "doipPackets.pcapng",
            "mysql.pcapng", "tls12_ecdhe_dsb.pcapng", "NullLoopback.pcapng", "Sll2Packet.pcap"})
    void pcapngCopyReadsBackIdentically(String name) throws Exception {
        Path in = TestCaptures.resource(name);
        Path out = dir.resolve("copy.pcapng");
        copy(in, out, CaptureFormat.PCAPNG);
        try (CaptureReader original = Captures.open(in); CaptureReader copy = Captures.open(out)) {
            List<RawFrame> a = TestCaptures.drain(original).frames();
            List<RawFrame> b = TestCaptures.drain(copy).frames();
            assertEquals(a.stream().map(Seen::of).toList(), b.stream().map(Seen::of).toList());
            assertEquals(original.interfaces().stream().map(i -> i.inSection(0)).toList(), copy.interfaces());
            assertEquals(original.decryptionSecrets().stream().map(s -> List.of(s.secretsType(), new String(s.data()))).toList(),
                    copy.decryptionSecrets().stream().map(s -> List.of(s.secretsType(), new String(s.data()))).toList());
        }
    }

    @Test
    void pcapKeepsMicrosecondsAndNsecPcapKeepsNanoseconds() throws Exception {
        Path in = TestCaptures.resource("ldap.pcapng"); // nanosecond interfaces, two link types
        List<RawFrame> frames = TestCaptures.frames(in).stream().filter(f -> f.linkType() == 1).toList();
        InterfaceInfo eth = new InterfaceInfo(1, 0, null, 9, null, 0, 0);
        for (CaptureFormat format : List.of(CaptureFormat.PCAP, CaptureFormat.PCAP_NSEC)) {
            Path out = dir.resolve(format + ".pcap");
            try (CaptureFileWriter w = CaptureFileWriter.open(out, format, List.of(eth))) {
                for (RawFrame f : frames) {
                    w.write(new RawFrame(f.number(), -1, 1, 0, f.timestampNanos(), 9, f.originalLength(), f.data()));
                }
                assertEquals(frames.size(), w.framesWritten());
            }
            List<RawFrame> back = TestCaptures.frames(out);
            assertEquals(frames.size(), back.size());
            boolean nanos = format == CaptureFormat.PCAP_NSEC;
            try (CaptureReader r = Captures.open(out)) {
                assertEquals(format, r.format());
                assertEquals(262_144, r.interfaces().getFirst().snapLen(), "0 (no limit) is written as Wireshark's default");
            }
            for (int i = 0; i < frames.size(); i++) {
                long ts = frames.get(i).timestampNanos();
                assertEquals(nanos ? ts : ts - Math.floorMod(ts, 1000), back.get(i).timestampNanos());
                assertEquals(nanos ? 9 : 6, back.get(i).timePrecisionDigits());
                assertArrayEquals(frames.get(i).data(), back.get(i).data());
            }
            assertEquals(Files.size(out), 24 + frames.stream().mapToLong(f -> 16 + f.data().length).sum());
        }
    }

    @Test
    void pcapRefusesInterfacesOfSeveralLinkTypes() throws Exception {
        Path in = TestCaptures.resource("ldap.pcapng");
        List<InterfaceInfo> ifs;
        try (CaptureReader r = Captures.open(in)) {
            TestCaptures.drain(r);
            ifs = r.interfaces();
        }
        CaptureWriteException e = assertThrows(CaptureWriteException.class,
                () -> CaptureFileWriter.open(dir.resolve("x.pcap"), CaptureFormat.PCAP, ifs));
        assertEquals("The capture file being read can't be written as a \"pcap\" file.", e.tsharkMessage());
        try (CaptureFileWriter w = CaptureFileWriter.open(dir.resolve("y.pcap"), CaptureFormat.PCAP,
                List.of(new InterfaceInfo(1, 0, null, 6, null, 0, 0)))) {
            assertThrows(CaptureWriteException.class, () -> w.addInterface(new InterfaceInfo(113, 0, null, 6, null, 0, 0)));
            assertEquals(1, w.addInterface(new InterfaceInfo(1, 0, "eth1", 6, null, 0, 0)));
        }
    }

    @Test
    void openFailuresUseTsharksSentences() {
        CaptureWriteException dir1 = assertThrows(CaptureWriteException.class,
                () -> CaptureFileWriter.open(dir, CaptureFormat.PCAPNG, List.of()));
        assertEquals("\"" + dir + "\" is a directory (folder), not a file.", dir1.tsharkMessage());
        Path missing = dir.resolve("no/such/x.pcapng");
        CaptureWriteException path = assertThrows(CaptureWriteException.class,
                () -> CaptureFileWriter.open(missing, CaptureFormat.PCAPNG, List.of()));
        assertEquals("The path to the file \"" + missing + "\" doesn't exist.", path.tsharkMessage());
    }

    @Test
    void liveInterfaceStatisticsAndFilterAreWrittenAndSkippedByTheReader() throws Exception {
        InterfaceInfo lo = new InterfaceInfo(1, 262_144, "lo", 9, null, 0, 0, 9, "tcp port 80", "Linux");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] data = {1, 2, 3, 4, 5};
        try (CaptureFileWriter w = CaptureFileWriter.open(bytes, "-", CaptureFormat.PCAPNG, List.of(lo),
                new SectionInfo("cpu", "Linux", "Dorsal"))) {
            w.write(new RawFrame(1, -1, 1, 0, 1_700_000_000_123_456_789L, 9, 60, data));
            w.writeStatistics(0, new InterfaceStatistics(1_700_000_001_000_000_000L, 1_700_000_000_000_000_000L,
                    1_700_000_001_000_000_000L, 12, 3));
            w.flush();
            assertEquals(bytes.size(), w.bytesWritten());
        }
        Path file = TestCaptures.write(dir, "live.pcapng", bytes.toByteArray());
        try (CaptureReader r = Captures.open(file)) {
            List<RawFrame> frames = TestCaptures.drain(r).frames();
            assertEquals(1, frames.size());
            assertEquals(1_700_000_000_123_456_789L, frames.getFirst().timestampNanos());
            assertEquals(60, frames.getFirst().originalLength());
            assertArrayEquals(data, frames.getFirst().data());
            assertEquals(List.of(lo), r.interfaces());
        }
    }
}
