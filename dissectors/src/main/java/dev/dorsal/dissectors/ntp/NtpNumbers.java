package dev.dorsal.dissectors.ntp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The fixed-point numbers of the NTP header, printed with six decimals as tshark prints them. */
final class NtpNumbers {
    private NtpNumbers() {}

    /**
     * {@code value} with six decimals from its exact binary value, rounding half to even as C's
     * printf does: 2^127 prints all 39 digits, not a shortened decimal.
     */
    static String fixed6(double value) {
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** An unsigned 16.16 fixed-point number of seconds (root delay, root dispersion). */
    static String shortFormat(long value) {
        return fixed6(value / 65536.0);
    }
}
