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

    @Test
    void unitsReadBackAsTheSameNanoseconds() {
        java.util.Random random = new java.util.Random(9);
        for (int code : new int[] {0, 3, 6, 9, 0x80 | 1, 0x80 | 10, 0x80 | 20, 0x80 | 29, 0x80 | 30, 0x80 | 32, 0x80 | 40}) {
            TimeResolution r = TimeResolution.of(code);
            for (int i = 0; i < 2_000; i++) {
                // a count as a file holds it: any time from 1970 to 2200 in this unit
                long units = r.toUnits(Math.floorMod(random.nextLong(), 7_258_118_400_000_000_000L), 0) + random.nextInt(3);
                long nanos = r.toNanos(units, 0);
                assertEquals(nanos, r.toNanos(r.toUnits(nanos, 0), 0), "resolution 0x%02x, units %d".formatted(code, units));
            }
        }
        assertEquals(1_500_000L, TimeResolution.of(6).toUnits(3_500_000_999L, 2), "offset removed, finer digits dropped");
        assertEquals(3L, TimeResolution.of(0x80 | 1).toUnits(1_500_000_000L, 0));
    }
}
