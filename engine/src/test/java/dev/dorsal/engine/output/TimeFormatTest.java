package dev.dorsal.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dorsal.engine.spi.FrameMeta;
import org.junit.jupiter.api.Test;

/**
 * The -t formats, checked against the tshark 4.0.17 examples in WIRESHARK.md §2.2 (frame 2 of
 * http2.pcap, captured at 1795754036.042890 with microsecond timestamps).
 */
class TimeFormatTest {
    private static final long FIRST = 1795754036_042869000L;
    private static final long TS = 1795754036_042890000L;

    private static String format(TimeFormat f, long ts, int digits, long prev, long prevShown) {
        FrameMeta m = new FrameMeta(2, 0, 1, 0, ts, digits, 74, 74, FIRST, prev, prevShown, 0, null);
        StringBuilder sb = new StringBuilder();
        f.append(sb, m);
        return sb.toString();
    }

    @Test
    void everyFormatOfTheReference() {
        assertEquals("0.000021", format(TimeFormat.RELATIVE, TS, 6, FIRST, FIRST));
        assertEquals("04:33:56.042890", format(TimeFormat.ABSOLUTE, TS, 6, FIRST, FIRST));
        assertEquals("04:33:56.042890", format(TimeFormat.UTC, TS, 6, FIRST, FIRST));
        assertEquals("2026-11-27 04:33:56.042890", format(TimeFormat.ABSOLUTE_DATE, TS, 6, FIRST, FIRST));
        assertEquals("2026/331 04:33:56.042890", format(TimeFormat.ABSOLUTE_DOY, TS, 6, FIRST, FIRST));
        assertEquals("1795754036.042890", format(TimeFormat.EPOCH, TS, 6, FIRST, FIRST));
        assertEquals("0.000021", format(TimeFormat.DELTA, TS, 6, FIRST, FIRST));
        assertEquals("0.000000", format(TimeFormat.DELTA_DISPLAYED, TS, 6, FIRST, TS));
    }

    @Test
    void precisionFollowsTheFile() {
        // arp.pcap of the reference is pcapng with nanosecond timestamps: nine decimals.
        assertEquals("0.000021000", format(TimeFormat.RELATIVE, TS, 9, FIRST, FIRST));
        assertEquals("-0.000021", format(TimeFormat.RELATIVE, FIRST - 21000, 6, FIRST, FIRST));
    }

    @Test
    void optionLetters() {
        assertEquals(TimeFormat.ABSOLUTE_DOY, TimeFormat.of("adoy"));
        assertEquals(TimeFormat.DELTA_DISPLAYED, TimeFormat.of("dd"));
        assertNull(TimeFormat.of("x"));
    }
}
