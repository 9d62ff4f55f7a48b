package dev.dorsal.dissectors.e212;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The E.212 and E.164 values the GTP dissectors show, as tshark 4.0.17 shows them for the same bytes
 * (the dissectors as a whole are compared with tshark by the shell's differential tests on
 * {@code fuzz/gtp_crafted.pcap} and ppp's GTP captures).
 */
class E212ValuesTest {
    private static Tvb tvb(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return Tvb.of(new DataSource("Frame", bytes), bytes.length);
    }

    @Test
    void aTwoDigitNetworkHasTheFillerWhereTheThirdDigitGoes() {
        E212.Plmn p = E212.plmn(tvb("64f629"), 0);
        assertEquals(466, p.mcc());
        assertEquals(92, p.mnc());
        assertEquals("92", p.mncDigits());
        assertEquals("Taiwan", p.country());
        assertEquals("Unknown", p.network(), "tshark knows no network 92 in Taiwan");
    }

    @Test
    void threeDigitNetworksKeepTheirLeadingZeros() {
        E212.Plmn p = E212.plmn(tvb("130014"), 0);
        assertEquals(310, p.mcc());
        assertEquals("410", p.mncDigits());
        assertEquals("AT&T Mobility", p.network());
        assertEquals("01", E212.plmn(tvb("62f210"), 0).mncDigits());
        assertEquals("Telekom Deutschland GmbH", E212.plmn(tvb("62f210"), 0).network());
    }

    @Test
    void bcdDigitsStopAtTheFiller() {
        assertEquals("337839439415386", E212.bcd(tvb("33879334495183f6"), 0, 8));
        assertEquals("3520980727163206", E212.bcd(tvb("5302897072612360"), 0, 8));
        assertEquals("", E212.bcd(tvb("ff"), 0, 1));
    }

    @Test
    void countryCodesHaveOneTwoOrThreeDigits() {
        assertEquals(1, E164.countryCodeLength("14155550100"));
        assertEquals(1, E164.countryCodeLength("74951234567"));
        assertEquals(2, E164.countryCodeLength("46702143657"));
        assertEquals(3, E164.countryCodeLength("358401234567"));
        assertEquals(0, E164.countryCodeLength("35"), "too short to tell a three-digit code");
    }
}
