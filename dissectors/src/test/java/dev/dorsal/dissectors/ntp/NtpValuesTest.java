package dev.dorsal.dissectors.ntp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.output.TimeText;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The numbers and names of the NTP header as tshark 4.0.17 prints them (each expected text is what
 * tshark showed for the same bytes; the whole dissector is compared with tshark by the shell's
 * differential tests on {@code fuzz/ntp_crafted.pcap} and ppp's {@code Ntp.pcap}).
 */
class NtpValuesTest {
    private static Tvb timestamp(long seconds, long fraction) {
        byte[] b = ByteBuffer.allocate(8).putInt((int) seconds).putInt((int) fraction).array();
        return Tvb.of(new DataSource("Frame", b), 8);
    }

    private static String time(long seconds, long fraction) {
        long nanos = NtpTime.nanos(timestamp(seconds, fraction), 0);
        return NtpTime.field("ntp.test", "Test").customFormatter().apply(nanos);
    }

    @Test
    void timestampsWithTheTopBitClearAreInEraOne() {
        assertEquals("Feb  7, 2036 06:28:17.000000000 UTC", time(1, 0));
        assertEquals("Feb 26, 2104 09:42:23.999999999 UTC", time(0x7fffffffL, 0xffffffffL));
    }

    @Test
    void timestampsWithTheTopBitSetAreInEraZero() {
        assertEquals("Jan 20, 1968 03:14:08.000000000 UTC", time(0x80000000L, 0));
        assertEquals("Feb  7, 2036 06:28:15.999999999 UTC", time(0xffffffffL, 0xffffffffL));
    }

    @Test
    void aTimestampBelowOneNanosecondIsNotSet() {
        assertEquals("NULL", time(0, 0));
        assertEquals("NULL", time(0, 2));
        assertEquals("Feb  7, 2036 06:28:16.500000000 UTC", time(0, 0x80000000L));
    }

    @Test
    void theFractionIsCutToWholeNanoseconds() {
        // 5 / 2^32 s is 1.16 ns; 0x12345678 / 2^32 s is 71111110.97 ns (tshark printed .071111110).
        assertEquals(1, NtpTime.nanos(timestamp(0xe9000001L, 5), 0) % 1_000_000_000L);
        assertEquals(71_111_110, NtpTime.nanos(timestamp(0xe9000000L, 0x12345678L), 0) % 1_000_000_000L);
    }

    @Test
    void notSetIsTheUnixEpochForFormatsThatPrintTheValue() {
        assertEquals(0, NtpTime.nanos(timestamp(0, 1), 0));
        assertEquals("Jan  1, 1970 00:00:00.000000000 UTC", TimeText.absolute(0));
    }

    @Test
    void precisionPrintsTheExactPowerOfTwo() {
        assertEquals("170141183460469231731687303715884105728.000000", NtpNumbers.fixed6(Math.scalb(1.0, 127)));
        assertEquals("0.000004", NtpNumbers.fixed6(Math.scalb(1.0, -18)));
        assertEquals("0.000000", NtpNumbers.fixed6(Math.scalb(1.0, -128)));
    }

    @Test
    void rootDelayIsUnsignedSixteenDotSixteen() {
        assertEquals("65535.999985", NtpNumbers.shortFormat(0xffffffffL));
        assertEquals("32768.000000", NtpNumbers.shortFormat(0x80000000L));
        assertEquals("1.137772", NtpNumbers.shortFormat(0x00012345L));
    }

    private static String refid(String bytes, int stratum) {
        byte[] b = bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return NtpNames.referenceId(Tvb.of(new DataSource("Frame", b), 4), 0, stratum);
    }

    @Test
    void primaryServersNameTheirClockByItsPaddedCode() {
        assertEquals("Global Position System", refid("GPS\0", 1));
        assertEquals("NIST telephone modem", refid("ACTS", 1));
        assertEquals("(Initialization)", refid("INIT", 0));
        assertEquals("NULL", refid("\0\0\0\0", 1));
    }

    @Test
    void unknownCodesAreQuotedUpToTheirFirstNul() {
        assertEquals("Unidentified reference source 'GPS '", refid("GPS ", 1));
        assertEquals("Unidentified reference source 'gps'", refid("gps\0", 1));
        assertEquals("Unidentified reference source 'AB'", refid("AB\0D", 1));
        assertEquals("Unidentified reference source 'RATE'", refid("RATE", 0));
        assertEquals("Unidentified reference source '\uFFFD\uFFFD'", refid("\u00ff\u00fe\0\0", 1));
    }

    @Test
    void secondaryServersShowAnIpv4Address() {
        assertEquals("127.0.0.1", refid("\u007f\0\0\u0001", 2));
        assertEquals("71.80.83.0", refid("GPS\0", 16));
    }
}
