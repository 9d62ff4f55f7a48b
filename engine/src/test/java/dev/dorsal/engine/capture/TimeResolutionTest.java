package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** if_tsresol decoding: shown digits and exact unit-to-nanosecond conversion. */
class TimeResolutionTest {

    @Test
    void digitsShown() {
        assertEquals(6, TimeResolution.of(6).digits());
        assertEquals(9, TimeResolution.of(9).digits());
        assertEquals(3, TimeResolution.of(3).digits());
        assertEquals(0, TimeResolution.of(0).digits());
        assertEquals(9, TimeResolution.of(12).digits(), "tshark shows at most nanoseconds");
        assertEquals(6, TimeResolution.of(0x80 | 20).digits(), "2^20 units: 6 whole digits");
        assertEquals(9, TimeResolution.of(0x80 | 30).digits());
        assertEquals(3, TimeResolution.of(0x80 | 10).digits());
        assertEquals(0, TimeResolution.of(0x80).digits());
        assertEquals(9, TimeResolution.of(0x80 | 62).digits());
    }

    @Test
    void unrepresentableResolutions() {
        assertNull(TimeResolution.of(19));
        assertNull(TimeResolution.of(0x80 | 63));
    }

    @Test
    void conversions() {
        assertEquals(1_500_000_000L, TimeResolution.of(6).toNanos(1_500_000, 0));
        assertEquals(3_500_000_000L, TimeResolution.of(6).toNanos(1_500_000, 2));
        assertEquals(1_500_000_000L, TimeResolution.of(0x80 | 1).toNanos(3, 0));
        assertEquals(999_999_999L, TimeResolution.of(0x80 | 62).toNanos((1L << 62) - 1, 0), "truncated, not rounded");
        assertEquals(1_234_567_890L, TimeResolution.of(12).toNanos(1_234_567_890_123L, 0));
        assertEquals(7_000_000_000L, TimeResolution.of(0).toNanos(7, 0));
        // an unsigned count above 2^63 microseconds still converts (year ~292000, wrapping only in the product)
        long units = 0x8000_0000_0000_0000L;
        long secs = Long.divideUnsigned(units, 1_000_000);
        long frac = Long.remainderUnsigned(units, 1_000_000);
        assertEquals(secs * 1_000_000_000L + frac * 1000, TimeResolution.of(6).toNanos(units, 0));
    }
}
