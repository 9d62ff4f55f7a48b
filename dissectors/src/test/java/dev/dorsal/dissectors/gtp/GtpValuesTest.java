package dev.dorsal.dissectors.gtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Texts the GTP dissectors build as tshark 4.0.17 shows them for the same bytes (the dissectors as a
 * whole are compared with tshark by the shell's differential tests on {@code fuzz/gtp_crafted.pcap}).
 */
class GtpValuesTest {
    private static Tvb tvb(byte[] bytes) {
        return Tvb.of(new DataSource("Frame", bytes), bytes.length);
    }

    @Test
    void timeZonesCountQuarterHoursWithTheSignInBitThree() {
        assertEquals("GMT + 8 hours 0 minutes", GtpV1Ies.timeZone(0x23));
        assertEquals("GMT - 8 hours 0 minutes", GtpV1Ies.timeZone(0x2b));
        assertEquals("GMT + 5 hours 45 minutes", GtpV1Ies.timeZone(0x32));
        assertEquals(32, GtpV1Ies.quarterHours(0x23));
    }

    @Test
    void apnLabelsAreJoinedByDots() {
        byte[] apn = "\u0008internet\u0003mnc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("internet.mnc", GtpV1Ies.apn(tvb(apn), 0, apn.length));
    }

    @Test
    void aLabelLongerThanTheApnTakesWhatIsLeft() {
        byte[] apn = "\u0003www\u0009exa".getBytes(StandardCharsets.US_ASCII);
        assertEquals("www.exa", GtpV1Ies.apn(tvb(apn), 0, apn.length));
    }

    @Test
    void aTidShowsEverySemiOctetWithTheFillerAsABlank() {
        byte[] tid = {0x62, 0x10, 0x21, 0x43, 0x65, (byte) 0x87, 0x09, (byte) 0xf1};
        assertEquals("260112345678901 ", GtpOldHeaders.tid(tvb(tid), 0));
    }

    @Test
    void privateExtensionsNameTheirEnterprise() {
        assertEquals("S. C. Null Team Impex SRL. (34501)", GtpV1Ies.enterprise(34501));
        assertEquals("Unknown (65534)", GtpV1Ies.enterprise(65534));
    }
}
