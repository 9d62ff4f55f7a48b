package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libpcap headers: both magics in both byte orders, and the link types we must pass through. */
class PcapReaderTest {

    @TempDir
    Path dir;

    @Test
    void microsecondLittleEndian() throws Exception {
        try (CaptureReader r = Captures.open(TestCaptures.resource("microsecs.pcap"))) {
            assertEquals(CaptureFormat.PCAP, r.format());
            assertEquals(1, r.linkType());
            assertEquals(List.of(new InterfaceInfo(1, 65536, null, 6, null, 0, 0)), r.interfaces());
            RawFrame f = r.next();
            assertEquals(1, f.number());
            assertEquals(24, f.fileOffset());
            assertEquals(1_000_002_000L, f.timestampNanos());
            assertEquals(6, f.timePrecisionDigits());
        }
    }

    @Test
    void nanosecondMagic() throws Exception {
        try (CaptureReader r = Captures.open(TestCaptures.resource("nanosecs.pcap"))) {
            assertEquals(CaptureFormat.PCAP_NSEC, r.format());
            assertEquals(1_000_002_000L, r.next().timestampNanos());
            RawFrame second = r.next();
            assertEquals(1_000_001_234L, second.timestampNanos());
            assertEquals(9, second.timePrecisionDigits());
        }
    }

    @Test
    void bigEndianFile() throws Exception {
        try (CaptureReader r = Captures.open(TestCaptures.resource("microsecs_big_endian.pcap"))) {
            assertEquals(CaptureFormat.PCAP, r.format());
            assertEquals(LinkType.NETLINK, LinkType.of(r.linkType()));
            assertEquals(13, TestCaptures.drain(r).frames().size());
        }
    }

    @Test
    void linkTypesOfTheCorpus() throws Exception {
        for (var e : List.of(entry("SllPacket.pcap", LinkType.LINUX_SLL), entry("Sll2Packet.pcap", LinkType.LINUX_SLL2),
                entry("one_ipv6_http_stream.pcap", LinkType.RAW), entry("linktype_ipv4.pcap", LinkType.IPV4),
                entry("linktype_ipv6.pcap", LinkType.IPV6), entry("null_loopback.pcap", LinkType.NULL),
                entry("NullLoopback.pcapng", LinkType.NULL), entry("CiscoHDLC.pcap", LinkType.CHDLC),
                entry("nflogPacket.pcap", LinkType.NFLOG), entry("http_pyserver.pcap", LinkType.ETHERNET))) {
            try (CaptureReader r = Captures.open(TestCaptures.resource(e.name()))) {
                assertEquals(e.type(), LinkType.of(r.linkType()), e.name());
                assertEquals(e.type().code(), r.next().linkType(), e.name());
            }
        }
    }

    @Test
    void bsdRawAndUnknownLinkTypesAreStillRead() {
        List<RawFrame> source = TestCaptures.frames(TestCaptures.resource("linktype_ipv4.pcap"));
        for (int code : new int[] {12, 14, 108, 147, 65000}) {
            List<RawFrame> read = TestCaptures.frames(TestCaptures.write(dir, code + ".pcap",
                    CaptureWriter.pcap(source, code, 65535, false, false)));
            assertEquals(source.size(), read.size());
            assertEquals(code, read.getFirst().linkType());
        }
        assertTrue(LinkType.of(12).rawIp());
        assertTrue(LinkType.of(14).rawIp());
        assertEquals(LinkType.LOOP, LinkType.of(108));
        assertEquals(LinkType.UNKNOWN, LinkType.of(147));
        assertEquals(LinkType.UNKNOWN, LinkType.of(-1));
    }

    @Test
    void fcsBitsInTheLinkTypeFieldAreMaskedOff() {
        List<RawFrame> source = TestCaptures.frames(TestCaptures.resource("microsecs.pcap"));
        byte[] b = CaptureWriter.pcap(source, 1, 65535, false, false);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 0x4000_0000 | 0x0400_0000 | 1);
        assertEquals(1, TestCaptures.frames(TestCaptures.write(dir, "fcs.pcap", b)).getFirst().linkType());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 0x0001_0001);
        TestCaptures.Result r = TestCaptures.readAll(TestCaptures.write(dir, "reserved.pcap", b));
        assertEquals(CaptureFileException.Kind.CORRUPT, r.error().kind());
    }

    @Test
    void secondsAreUnsigned() {
        RawFrame late = new RawFrame(1, 0, 1, 0, 0xF000_0000L * 1_000_000_000L + 5_000, 6, 4, new byte[4]);
        for (boolean be : new boolean[] {false, true}) {
            List<RawFrame> read = TestCaptures.frames(TestCaptures.write(dir, be + ".pcap",
                    CaptureWriter.pcap(List.of(late), 1, 65535, false, be)));
            assertEquals(late.timestampNanos(), read.getFirst().timestampNanos());
        }
    }

    private record Entry(String name, LinkType type) {}

    private static Entry entry(String name, LinkType type) {
        return new Entry(name, type);
    }
}
