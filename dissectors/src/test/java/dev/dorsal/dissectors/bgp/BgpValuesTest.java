package dev.dorsal.dissectors.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import org.junit.jupiter.api.Test;

/** The text and AS-size decisions of the UPDATE dissector, with the values tshark 4.0.17 shows. */
class BgpValuesTest {
    private static Tvb tvb(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    @Test
    void flagSummaryListsSetFlagsThenTheNamesOfClearOnes() {
        assertEquals(", Transitive, Well-known, Complete", BgpUpdate.flagText(0x40));
        assertEquals(", Optional, Non-transitive, Complete", BgpUpdate.flagText(0x80));
        assertEquals(", Optional, Transitive, Partial", BgpUpdate.flagText(0xe0));
        assertEquals(", Optional, Extended-Length, Non-transitive, Complete", BgpUpdate.flagText(0x90));
    }

    @Test
    void asPathOfTwoByteNumbersEndingExactlyIsReadAsTwoBytes() {
        // AS_SEQUENCE of 65001 65002
        assertEquals(2, BgpUpdate.asnLength(tvb(2, 2, 0xfd, 0xe9, 0xfd, 0xea), 0, 6));
    }

    @Test
    void asPathWithAZeroHalfOrAnOddEndIsReadAsFourBytes() {
        // AS_SEQUENCE of 10 20 40 as 4-byte numbers: the 2-byte reading meets AS 0
        int[] four = {2, 3, 0, 0, 0, 10, 0, 0, 0, 20, 0, 0, 0, 40};
        assertEquals(4, BgpUpdate.asnLength(tvb(four), 0, four.length));
        // an unknown segment type
        assertEquals(4, BgpUpdate.asnLength(tvb(9, 1, 0, 1), 0, 4));
        // the 2-byte reading stops short of the end
        assertEquals(4, BgpUpdate.asnLength(tvb(2, 1, 0, 1, 7), 0, 5));
    }

    @Test
    void segmentsAreWrittenAsSequencesSetsAndConfederations() {
        Tvb t = tvb(0, 100, 0, 200);
        assertEquals("100 200", BgpUpdate.segmentText(t, 0, 2, 2, 2));
        assertEquals("{100, 200}", BgpUpdate.segmentText(t, 0, 2, 2, 1));
        assertEquals("(100 200)", BgpUpdate.segmentText(t, 0, 2, 2, 3));
        assertEquals("[100, 200]", BgpUpdate.segmentText(t, 0, 2, 2, 4));
        assertEquals("6553800", BgpUpdate.segmentText(t, 0, 1, 4, 2));
    }

    @Test
    void fourOctetAsInCommunitiesIsWrittenAsAsdotWithThePlainNumber() {
        assertEquals("64086.59904(4200000000)", BgpExtCommunities.asdot(4200000000L));
        assertEquals("0.65001(65001)", BgpExtCommunities.asdot(65001));
    }
}
