package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pcapng specifics: interfaces and their options, sections, SPB snap lengths and secrets. */
class PcapngTest {

    @TempDir
    Path dir;

    @Test
    void decryptionSecretsAreKeptAndKnownBeforeTheFirstFrame() throws Exception {
        try (CaptureReader r = Captures.open(TestCaptures.resource("tls12_ecdhe_dsb.pcapng"))) {
            List<DecryptionSecrets> secrets = r.decryptionSecrets();
            assertEquals(1, secrets.size());
            assertEquals(DecryptionSecrets.TLS_KEY_LOG, secrets.getFirst().secretsType());
            assertEquals(352, secrets.getFirst().data().length);
            assertTrue(secrets.getFirst().text().startsWith("CLIENT_RANDOM 6ae62419f58db96c"));
            assertEquals(35, TestCaptures.drain(r).frames().size());
        }
    }

    @Test
    void secretsFromEverySectionAndEveryByteOrder() throws Exception {
        CaptureWriter.Pcapng shape = new CaptureWriter.Pcapng();
        shape.sections = 3;
        shape.extraBlocks = true;
        shape.secrets = "CLIENT_RANDOM aa bb\n".repeat(3).getBytes(StandardCharsets.UTF_8);
        Path file = TestCaptures.write(dir, "s.pcapng", shape.write(TestCaptures.frames(TestCaptures.resource("dns_udp.pcap"))));
        try (CaptureReader r = Captures.open(file)) {
            assertEquals(1, r.decryptionSecrets().size(), "the DSB before the first packet is read at open");
            TestCaptures.drain(r);
            assertEquals(6, r.decryptionSecrets().size());
            for (DecryptionSecrets s : r.decryptionSecrets()) {
                assertArrayEquals(shape.secrets, s.data());
            }
        }
    }

    @Test
    void interfacesCarryTheirNamesAndLinkTypes() throws Exception {
        try (CaptureReader r = Captures.open(TestCaptures.resource("many_interfaces-1.pcapng"))) {
            TestCaptures.drain(r);
            List<InterfaceInfo> ifs = r.interfaces();
            assertEquals(11, ifs.size());
            assertEquals(new InterfaceInfo(1, 262144, "en0", 6, null, 0, 0, 6, "host 192.168.1.139",
                    "Mac OS X 10.10.4, build 14E46 (Darwin 14.4.0)"), ifs.getFirst());
            assertEquals("utun0", ifs.get(4).name());
            assertEquals(0, ifs.get(4).linkType());
            assertEquals(1, r.linkType());
        }
    }

    @Test
    void framesTakeTheLinkTypeAndPrecisionOfTheirInterface() throws Exception {
        try (CaptureReader r = Captures.open(TestCaptures.resource("ldap.pcapng"))) {
            List<RawFrame> frames = TestCaptures.drain(r).frames();
            assertTrue(frames.stream().anyMatch(f -> f.linkType() == 113));
            assertTrue(frames.stream().anyMatch(f -> f.linkType() == 1));
            assertTrue(frames.stream().anyMatch(f -> f.timePrecisionDigits() == 9));
            assertTrue(frames.stream().anyMatch(f -> f.timePrecisionDigits() == 6));
            for (RawFrame f : frames) {
                InterfaceInfo i = r.interfaces().get(f.interfaceId());
                assertEquals(i.linkType(), f.linkType());
                assertEquals(i.tsResolutionDigits(), f.timePrecisionDigits());
            }
        }
    }

    @Test
    void precisionFollowsEachInterfacesResolution() throws Exception {
        try (CaptureReader r = Captures.open(TestCaptures.resource("too_many_interfaces.pcapng"))) {
            assertEquals(95, r.interfaces().size(), "all IDBs precede the only packet");
            assertEquals(6, r.interfaces().get(0).tsResolutionDigits());
            assertEquals(9, r.interfaces().get(3).tsResolutionDigits());
        }
    }

    @Test
    void sectionsRestartInterfaceNumbering() throws Exception {
        CaptureWriter.Pcapng shape = new CaptureWriter.Pcapng();
        shape.sections = 3;
        shape.interfacesPerLinkType = 2;
        shape.tsOffsetSeconds = -5;
        Path file = TestCaptures.write(dir, "s.pcapng", shape.write(TestCaptures.frames(TestCaptures.resource("dns_udp.pcap"))));
        try (CaptureReader r = Captures.open(file)) {
            List<RawFrame> frames = TestCaptures.drain(r).frames();
            List<InterfaceInfo> ifs = r.interfaces();
            assertEquals(6, ifs.size());
            assertEquals(List.of(0, 0, 1, 1, 2, 2), ifs.stream().map(InterfaceInfo::section).toList());
            assertEquals(List.of("if0.0", "if0.1", "if1.0", "if1.1", "if2.0", "if2.1"),
                    ifs.stream().map(InterfaceInfo::name).toList());
            assertTrue(ifs.stream().allMatch(i -> i.tsOffsetSeconds() == -5));
            assertEquals(List.of(0, 1, 2, 3, 4, 5), frames.stream().mapToInt(RawFrame::interfaceId).distinct().sorted()
                    .boxed().toList());
            // frames 10..18 are the second section's: local ids 0,1 are global 2,3
            assertEquals(2, frames.get(9).interfaceId());
            assertEquals(3, frames.get(10).interfaceId());
        }
    }

    @Test
    void simplePacketBlocksAreCutToTheSnapLength() throws Exception {
        List<RawFrame> source = TestCaptures.frames(TestCaptures.resource("http_pyserver.pcap"));
        List<RawFrame> cut = source.stream().map(f -> new RawFrame(f.number(), 0, f.linkType(), 0, 0, 6,
                f.originalLength(), Arrays.copyOf(f.data(), Math.min(64, f.data().length)))).toList();
        CaptureWriter.Pcapng shape = new CaptureWriter.Pcapng();
        shape.packetBlock = CaptureWriter.PacketBlock.SPB;
        shape.snapLen = 64;
        Path file = TestCaptures.write(dir, "spb.pcapng", shape.write(cut));
        List<RawFrame> read = TestCaptures.frames(file);
        for (int i = 0; i < source.size(); i++) {
            assertEquals(source.get(i).originalLength(), read.get(i).originalLength());
            assertArrayEquals(cut.get(i).data(), read.get(i).data());
            assertEquals(0, read.get(i).timestampNanos());
        }
        shape.snapLen = 0; // no limit: every byte of the original packet is captured
        List<RawFrame> whole = TestCaptures.frames(TestCaptures.write(dir, "spb0.pcapng", shape.write(source)));
        for (int i = 0; i < source.size(); i++) {
            assertArrayEquals(source.get(i).data(), whole.get(i).data());
        }
    }

    @Test
    void sectionWithoutInterfacesHasNoLinkType() throws Exception {
        ByteWriter w = new ByteWriter();
        w.bigEndian = true;
        CaptureWriter.block(w, PcapngBlocks.SHB, b -> b.u32(PcapngBlocks.BYTE_ORDER_MAGIC).u16(1).u16(2).u64(-1));
        try (CaptureReader r = Captures.open(TestCaptures.write(dir, "empty.pcapng", w.toByteArray()))) {
            assertEquals(-1, r.linkType());
            assertNull(r.next());
            assertEquals(CaptureFormat.PCAPNG, r.format());
        }
    }
}
