package dev.dorsal.dissectors.cotp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * COTP's value logic as tshark 4.0.17 shows it (each expected text is what tshark printed for the same
 * bytes; whole packets are compared by the shell's differential tests on {@code fuzz/industrial_crafted.pcap}).
 */
class CotpValuesTest {
    private static Tvb tvb(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    @Test
    void aPrintableTsapIsItsText() {
        assertEquals("MYSAP!", CotpParameters.tsapValue("MYSAP!".getBytes()));
    }

    @Test
    void anyUnprintableByteMakesTheTsapHex() {
        assertEquals("0x0100", CotpParameters.tsapValue(new byte[] {1, 0}));
        assertEquals("0x41ff", CotpParameters.tsapValue(new byte[] {'A', (byte) 0xff}));
    }

    @Test
    void theChecksumHoldsWhenBothSumsAreZero() {
        // An ER TPDU whose checksum parameter (c3 02) ends it: check octets chosen so that both running
        // sums modulo 255 end at zero, then the same TPDU with other octets.
        Tvb good = tvb(checked("09700001 02c302"));
        assertTrue(CotpParameters.checksumValid(good));
        assertFalse(CotpParameters.checksumValid(tvb("09700001 02c302 01ff")));
    }

    /** Appends the two ISO 8073 check octets that make {@code hex} sum to zero (annex B). */
    private static String checked(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        int c0 = 0;
        int c1 = 0;
        for (byte x : b) {
            c0 = (c0 + (x & 0xff)) % 255;
            c1 = (c1 + c0) % 255;
        }
        for (int x = 0; x < 255; x++) {
            for (int y = 0; y < 255; y++) {
                int d0 = (c0 + x) % 255;
                int d1 = (c1 + d0) % 255;
                int e0 = (d0 + y) % 255;
                int e1 = (d1 + e0) % 255;
                if (e0 == 0 && e1 == 0) {
                    return HexFormat.of().formatHex(b) + String.format("%02x%02x", x, y);
                }
            }
        }
        throw new AssertionError("no check octets for " + hex);
    }

    @Test
    void typesAndCausesCarryTsharksLabels() {
        assertEquals("DT Data", CotpDissector.TYPES.name(0xf));
        assertEquals("EA Expedited Data Acknowledgement", CotpDissector.TYPES.name(0x2));
        assertEquals("Normal Disconnect", CotpDissector.CAUSES.name(128));
        assertEquals("Invalid TPDU type", CotpDissector.REJECT_CAUSES.name(2));
        assertEquals("preferred max TPDU size", CotpParameters.CODES.name(0xf0));
    }
}
