package dev.dorsal.engine.capture;

import java.math.BigInteger;

/**
 * Turns a pcapng timestamp count (units since the epoch) into nanoseconds, for one {@code if_tsresol}.
 *
 * <p>{@code if_tsresol} is one byte: with the top bit clear the unit is 10^-n s, with it set the
 * unit is 2^-n s; the default is 10^-6. The fraction is truncated to whole nanoseconds as Wireshark
 * does ({@code frac * 10^9 / units_per_second}), but computed without Wireshark's 64-bit overflow for
 * fine power-of-2 units.
 *
 * <p>{@link #digits()} is the precision tshark shows: for 10^-n it is n, for 2^-n it is the number of
 * whole decimal digits 2^n units carry, floor(log10(2^n)) (2^-20 → 6, 2^-30 → 9, 2^-10 → 3); both
 * capped at 9 because tshark prints at most nanoseconds.
 */
final class TimeResolution {

    static final TimeResolution MICROS = new TimeResolution(false, 6);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final boolean powerOfTwo;
    private final int exponent;
    private final int digits;
    private final long unitsPerSecond;
    private final long scaleUp;
    private final long scaleDown;
    private final long fastLimit;

    private TimeResolution(boolean powerOfTwo, int exponent) {
        this.powerOfTwo = powerOfTwo;
        this.exponent = exponent;
        if (powerOfTwo) {
            this.unitsPerSecond = 1L << exponent;
            this.digits = Math.min(9, floorLog10(unitsPerSecond));
            this.scaleUp = 0;
            this.scaleDown = 0;
            this.fastLimit = 0;
        } else {
            this.unitsPerSecond = pow10(exponent);
            this.digits = Math.min(9, exponent);
            this.scaleUp = exponent <= 9 ? pow10(9 - exponent) : 1;
            this.scaleDown = exponent > 9 ? pow10(exponent - 9) : 1;
            this.fastLimit = Long.MAX_VALUE / scaleUp;
        }
    }

    /** Decodes an {@code if_tsresol} byte; null when it is outside what a 64-bit count can express. */
    static TimeResolution of(int tsresol) {
        boolean pow2 = (tsresol & 0x80) != 0;
        int n = tsresol & 0x7F;
        if (pow2 ? n > 62 : n > 18) {
            return null;
        }
        return pow2 || n != 6 ? new TimeResolution(pow2, n) : MICROS;
    }

    /** Decimal digits of a timestamp worth showing. */
    int digits() {
        return digits;
    }

    /** Converts an unsigned count of units plus a whole-second offset into nanoseconds since the epoch. */
    long toNanos(long units, long offsetSeconds) {
        long offset = offsetSeconds * NANOS_PER_SECOND;
        if (!powerOfTwo && units >= 0 && units <= fastLimit) {
            return (scaleDown == 1 ? units * scaleUp : units / scaleDown) + offset;
        }
        long secs;
        long nanos;
        if (powerOfTwo) {
            secs = units >>> exponent;
            long frac = units & (unitsPerSecond - 1);
            // frac * 10^9 can need 94 bits: take the 128-bit product and shift it down.
            long lo = frac * NANOS_PER_SECOND;
            long hi = Math.multiplyHigh(frac, NANOS_PER_SECOND);
            nanos = exponent == 0 ? 0 : (hi << (64 - exponent)) | (lo >>> exponent);
        } else {
            secs = Long.divideUnsigned(units, unitsPerSecond);
            long frac = Long.remainderUnsigned(units, unitsPerSecond);
            nanos = scaleDown == 1 ? frac * scaleUp : frac / scaleDown;
        }
        return secs * NANOS_PER_SECOND + nanos + offset;
    }

    /**
     * Converts nanoseconds since the epoch into a count of this resolution's units, less a whole-second
     * offset: the inverse of {@link #toNanos} for every value it returns, so a frame read and written
     * back keeps its timestamp. Finer nanoseconds than the unit are dropped (truncated), as when a
     * nanosecond frame is written to a microsecond file.
     */
    long toUnits(long nanos, long offsetSeconds) {
        long t = nanos - offsetSeconds * NANOS_PER_SECOND;
        long secs = Math.floorDiv(t, NANOS_PER_SECOND);
        long frac = Math.floorMod(t, NANOS_PER_SECOND);
        if (!powerOfTwo) {
            return secs * unitsPerSecond + (scaleDown == 1 ? frac / scaleUp : frac * scaleDown);
        }
        // toNanos truncates; the smallest count that reads back as frac is ceil(frac * 2^n / 10^9).
        BigInteger[] qr = BigInteger.valueOf(frac).shiftLeft(exponent).divideAndRemainder(BigInteger.valueOf(NANOS_PER_SECOND));
        long units = qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
        return (secs << exponent) + units;
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10;
        }
        return v;
    }

    private static int floorLog10(long v) {
        int d = 0;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }
}
