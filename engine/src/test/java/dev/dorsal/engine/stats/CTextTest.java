package dev.dorsal.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code %.Nf} must equal glibc's (exact binary value, ties to even) on the fast path too. */
class CTextTest {
    private static String exact(double v, int decimals) {
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    @Test
    void knownValues() {
        assertEquals("2.67", CText.fixed(2.675, 2)); // 2.67499999… in binary
        assertEquals("0.125", CText.fixed(0.125, 3));
        assertEquals("0.12", CText.fixed(0.125, 2)); // an exact tie: to even
        assertEquals("-0.0000", CText.fixed(-0.00001, 4));
        assertEquals("-0.000000000", CText.fixed(-0.0, 9));
        assertEquals("12", CText.fixed(11.5, 0));
        assertEquals("1234.500000000", CText.fixed(1234.5, 9));
    }

    @Test
    void agreesWithTheExactExpansionOnRandomValues() {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(10);
            double v = switch (i % 4) {
                case 0 -> random.nextDouble() * 1000;
                case 1 -> (random.nextInt(2_000_000) - 1_000_000) / 1e6; // microsecond-like values
                case 2 -> random.nextLong(1L << 40) / 1e9 - 500; // nanosecond times around zero
                default -> Math.round(random.nextDouble() * 1e6) / 8.0 * (random.nextBoolean() ? 1 : -1); // ties
            };
            assertEquals(exact(v, decimals), CText.fixed(v, decimals), v + " with " + decimals + " decimals");
        }
    }

    @Test
    void appendingFormsWriteWhatTheStringFormsReturn() {
        SplittableRandom random = new SplittableRandom(20261128);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 2.675, 1e300};
        for (int i = 0; i < 20_000; i++) {
            double v = i < specials.length ? specials[i] : random.nextLong(1L << 40) / 1e9 - 500;
            int width = random.nextInt(20);
            int decimals = random.nextInt(11); // 10 takes the exact path
            StringBuilder sb = new StringBuilder("x");
            CText.appendFixed(sb, v, width, decimals);
            assertEquals("x" + CText.fixed(v, width, decimals), sb.toString(), v + " %" + width + "." + decimals + "f");

            long n = random.nextLong(1L << random.nextInt(1, 60));
            sb.setLength(1);
            CText.appendLeft(sb, n, width);
            assertEquals("x" + CText.left(n, width), sb.toString());
            sb.setLength(1);
            CText.appendSize(sb, n, width);
            assertEquals("x" + CText.right(CText.size(n), width), sb.toString());
            sb.setLength(1);
            CText.appendLeft(sb, "ab", 40);
            assertEquals("x" + CText.left("ab", 40), sb.toString()); // wider than the run of spaces kept
        }
    }
}
