package dev.dorsal.dissectors.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import org.junit.jupiter.api.Test;

/**
 * The CDP checksum as tshark 4.0.17 computes it (the expected values are the "should be" values
 * tshark printed for these messages sent with a zero checksum).
 */
class CdpChecksumTest {
    /** A CDP header (version 2, TTL 180, checksum 0) and a Platform TLV holding "ab" and {@code last}. */
    private static Tvb message(int last) {
        byte[] b = {2, (byte) 180, 0, 0, 0, 6, 0, 7, 'a', 'b', (byte) last};
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    private static int shouldBe(int last) {
        Tvb t = message(last);
        return CdpDissector.shouldBe(0, CdpDissector.cdpChecksum(t, t.length()));
    }

    @Test
    void anOddLastByteIsTheLowByteOfTheLastWord() {
        assertEquals(0x9b5d, shouldBe(0x7f));
    }

    @Test
    void fromHex80TheLastByteIsSignExtendedLessOne() {
        assertEquals(0x9c5c, shouldBe(0x80));
        assertEquals(0x9c5b, shouldBe(0x81));
        assertEquals(0x9c1c, shouldBe(0xc0));
        assertEquals(0x9bde, shouldBe(0xfe));
        assertEquals(0x9bdd, shouldBe(0xff));
    }

    @Test
    void aCorrectChecksumSumsToZero() {
        byte[] b = {2, (byte) 180, 0, 0, 0, 6, 0, 7, 'a', 'b', 0x7f};
        b[2] = (byte) 0x9b;
        b[3] = 0x5d;
        assertEquals(0, CdpDissector.cdpChecksum(Tvb.of(new DataSource("Frame", b), b.length), b.length));
    }
}
