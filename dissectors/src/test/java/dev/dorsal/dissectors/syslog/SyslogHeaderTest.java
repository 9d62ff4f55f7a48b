package dev.dorsal.dissectors.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * RFC 5424 timestamps as tshark 4.0.17 reads and prints them (each expected text is what tshark showed
 * for the same message; the whole dissector is compared with tshark by the shell's differential tests
 * on {@code fuzz/syslog_crafted.pcap}).
 */
class SyslogHeaderTest {
    private static String shown(String timestamp) {
        return SyslogHeader.time(SyslogHeader.parse(timestamp));
    }

    @Test
    void fractionsAndZonesAreKept() {
        assertEquals("Oct 11, 2003 22:14:15.003000000 UTC", shown("2003-10-11T22:14:15.003Z"));
        assertEquals("Aug 24, 2003 12:14:15.000003000 UTC", shown("2003-08-24T05:14:15.000003-07:00"));
        assertEquals("Feb 29, 2024 09:59:59.000000000 UTC", shown("2024-02-29T23:59:59+14:00"));
        assertEquals("Apr 12, 1985 23:20:50.520000000 UTC", shown("1985-04-12T23:20:50.52Z"));
    }

    @Test
    void oddButAcceptedForms() {
        assertEquals("Mar  1, 2024 00:00:00.000000000 UTC", shown("2024-02-29T23:59:60Z")); // leap second rolls over
        assertEquals("Oct 11, 2003 22:14:00.000000000 UTC", shown("2003-10-11T22:14Z")); // no seconds
        assertEquals("Oct 11, 2003 22:14:15.000000000 UTC", shown("2003-10-11T22:14:15.1234567891Z")); // >9 digits
    }

    @Test
    void anythingElseIsTheEpochWithoutFraction() {
        assertEquals("Jan  1, 1970 00:00:00 UTC", shown("-"));
        assertEquals("Jan  1, 1970 00:00:00 UTC", shown("notadate"));
        assertEquals("Jan  1, 1970 00:00:00 UTC", shown("2003-10-11"));
    }
}
