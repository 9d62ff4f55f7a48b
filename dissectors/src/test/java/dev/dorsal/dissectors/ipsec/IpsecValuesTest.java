package dev.dorsal.dissectors.ipsec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The numbers ESP and AH show as tshark 4.0.17 shows them (each expected text or length is what
 * tshark showed for the same bytes; the dissectors as a whole are compared with tshark by the shell's
 * differential tests on {@code fuzz/ipsec_crafted.pcap} and ppp's {@code ipsec.pcapng}).
 */
class IpsecValuesTest {
    @Test
    void ahLengthCountsWordsMinusTwo() {
        assertEquals(24, AhDissector.headerLength(4));
        assertEquals(8, AhDissector.headerLength(0));
        assertEquals(88, AhDissector.headerLength(20));
        assertEquals(1028, AhDissector.headerLength(255));
    }

    @Test
    void ahIcvIsWhatFollowsTheFixedTwelveBytes() {
        assertEquals(12, AhDissector.icvLength(4));
        assertEquals(32, AhDissector.icvLength(9));
        assertEquals(0, AhDissector.icvLength(1));
        assertEquals(0, AhDissector.icvLength(0), "a header shorter than its fixed part has no ICV, not a negative one");
    }

    @Test
    void aSequenceNumberAheadCountsTheMissingOnes() {
        assertEquals("2 missing", EspSequence.problem(5, 3));
        assertEquals("4294967286 missing", EspSequence.problem(0xffffffffL, 9));
    }

    @Test
    void theSameSequenceNumberAgainIsRepeated() {
        assertEquals("2 repeated", EspSequence.problem(2, 3));
    }

    @Test
    void anOlderSequenceNumberIsLessThanExpected() {
        assertEquals("3 less than expected", EspSequence.problem(3, 6));
        assertEquals("4 less than expected", EspSequence.problem(0, 4));
    }
}
