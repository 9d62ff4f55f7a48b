package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converts real captures into every pcap and pcapng layout we read (byte orders, nanoseconds,
 * several sections, SPB, obsolete PB, odd timestamp units, extra blocks) and checks that each
 * variant reads back frame for frame like the original: same timestamps, lengths and bytes.
 */
class FormatAgreementTest {

    private static final List<String> SOURCES = List.of("http_pyserver.pcap", "nanosecs.pcap",
            "microsecs_big_endian.pcap", "one_ipv6_http_stream.pcap", "ldap.pcapng", "many_interfaces-1.pcapng",
            "tls12_ecdhe_dsb.pcapng", "doipPackets.pcapng");

    @TempDir
    Path dir;

    /** One way of writing the frames back, with what reading it must give. */
    record Variant(String name, Function<List<RawFrame>, byte[]> writer, LongUnaryOperator expectedTs,
            int digits, boolean pcap, boolean spb) {}

    @TestFactory
    Stream<DynamicTest> everyVariantReadsLikeTheOriginal() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String source : SOURCES) {
            List<RawFrame> original = TestCaptures.frames(TestCaptures.resource(source));
            for (Variant v : variants(original)) {
                tests.add(dynamicTest(source + " as " + v.name(), () -> check(source, original, v)));
            }
        }
        return tests.stream();
    }

    private void check(String source, List<RawFrame> original, Variant v) {
        boolean singleLinkType = original.stream().mapToInt(RawFrame::linkType).distinct().count() == 1;
        boolean uncut = original.stream().allMatch(f -> f.capturedLength() == f.originalLength());
        if (((v.pcap() || v.spb()) && !singleLinkType) || (v.spb() && !uncut)) {
            return; // pcap and SPB have one link type per file (section); SPB cannot say a packet was cut
        }
        byte[] bytes = v.writer().apply(original);
        Path file = TestCaptures.write(dir, source + "." + v.name(), bytes);
        TestCaptures.Result read = TestCaptures.readAll(file);
        assertNull(read.error(), () -> "error: " + read.error());
        assertEquals(original.size(), read.frames().size(), "frame count");
        for (int i = 0; i < original.size(); i++) {
            RawFrame want = original.get(i);
            RawFrame got = read.frames().get(i);
            String at = v.name() + " frame " + (i + 1);
            assertEquals(i + 1, got.number(), at);
            assertEquals(want.linkType(), got.linkType(), at);
            assertEquals(want.originalLength(), got.originalLength(), at);
            assertArrayEquals(want.data(), got.data(), at);
            assertEquals(v.expectedTs().applyAsLong(want.timestampNanos()), got.timestampNanos(), at);
            assertEquals(v.digits(), got.timePrecisionDigits(), at);
        }
        TestCaptures.Result streamed = TestCaptures.readStream(bytes, file.toString());
        assertNull(streamed.error());
        assertEquals(read.frames(), streamed.frames(), "streamed read differs from mapped read");
    }

    private static List<Variant> variants(List<RawFrame> original) {
        int linkType = original.getFirst().linkType();
        long minSeconds = original.stream().mapToLong(RawFrame::timestampNanos).min().orElse(0) / 1_000_000_000L;
        LongUnaryOperator exact = t -> t;
        LongUnaryOperator micros = t -> Math.floorDiv(t, 1000L) * 1000L;
        LongUnaryOperator millis = t -> Math.floorDiv(t, 1_000_000L) * 1_000_000L;
        List<Variant> list = new ArrayList<>();
        for (boolean be : new boolean[] {false, true}) {
            String order = be ? "be" : "le";
            list.add(new Variant("pcap-usec-" + order,
                    f -> CaptureWriter.pcap(f, linkType, 262_144, false, be), micros, 6, true, false));
            list.add(new Variant("pcap-nsec-" + order,
                    f -> CaptureWriter.pcap(f, linkType, 262_144, true, be), exact, 9, true, false));
            list.add(ng("pcapng-" + order, micros, 6, n -> n.bigEndianFirst = be));
        }
        list.add(ng("pcapng-3-sections", micros, 6, n -> {
            n.sections = 3;
            n.interfacesPerLinkType = 2;
        }));
        list.add(ng("pcapng-4-sections-be-first", micros, 6, n -> {
            n.sections = 4;
            n.bigEndianFirst = true;
        }));
        list.add(ng("pcapng-tsresol-9", exact, 9, n -> n.tsresol = 9));
        list.add(ng("pcapng-tsresol-3", millis, 3, n -> n.tsresol = 3));
        long maxNanos = original.stream().mapToLong(RawFrame::timestampNanos).max().orElse(0);
        if (maxNanos - minSeconds * 1_000_000_000L < Long.MAX_VALUE / 1000) {
            list.add(ng("pcapng-tsresol-12", exact, 9, n -> {
                n.tsresol = 12; // picoseconds since 1970 overflow 64 bits, so such files need if_tsoffset
                n.tsOffsetSeconds = minSeconds;
            }));
        }
        list.add(ng("pcapng-tsresol-2^-30", exact, 9, n -> n.tsresol = 0x80 | 30));
        list.add(ng("pcapng-tsresol-2^-20", t -> pow2(t, 20), 6, n -> n.tsresol = 0x80 | 20));
        list.add(ng("pcapng-tsoffset", micros, 6, n -> n.tsOffsetSeconds = minSeconds));
        list.add(ng("pcapng-tsoffset-negative", exact, 9, n -> {
            n.tsOffsetSeconds = -86_400;
            n.tsresol = 9;
        }));
        list.add(ng("pcapng-obsolete-pb", micros, 6, n -> n.packetBlock = CaptureWriter.PacketBlock.PB));
        list.add(ng("pcapng-extra-blocks", micros, 6, n -> {
            n.extraBlocks = true;
            n.sections = 2;
        }));
        CaptureWriter.Pcapng spb = new CaptureWriter.Pcapng();
        spb.packetBlock = CaptureWriter.PacketBlock.SPB;
        spb.sections = 2;
        list.add(new Variant("pcapng-spb", spb::write, t -> 0, 6, false, true));
        return list;
    }

    private static Variant ng(String name, LongUnaryOperator ts, int digits,
            java.util.function.Consumer<CaptureWriter.Pcapng> shape) {
        CaptureWriter.Pcapng n = new CaptureWriter.Pcapng();
        shape.accept(n);
        return new Variant(name, n::write, ts, digits, false, false);
    }

    /** What a 2^-e file gives back: the writer's unit count, converted exactly and truncated to ns. */
    private static long pow2(long nanos, int e) {
        CaptureWriter.Pcapng n = new CaptureWriter.Pcapng();
        n.tsresol = 0x80 | e;
        BigInteger units = BigInteger.valueOf(n.units(nanos));
        return units.multiply(BigInteger.TEN.pow(9)).shiftRight(e).longValueExact();
    }
}
