package dev.dorsal.engine.stats;

/** Reads a floating-point number the way C's {@code sscanf("%lf")} does, reporting where it stopped. */
final class CNumber {
    private CNumber() {}

    /** A number and the index just after it. */
    record Parsed(double value, int end) {}

    /**
     * The number at {@code from} in {@code s} (after optional white space): decimal with optional
     * exponent, hexadecimal ({@code 0x1p-3}), {@code inf}, {@code infinity} or {@code nan}; null when
     * there is none.
     */
    static Parsed parseDouble(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        String rest = s.substring(i).toLowerCase(java.util.Locale.ROOT);
        boolean negative = start < i && s.charAt(start) == '-';
        if (rest.startsWith("infinity")) {
            return new Parsed(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, i + 8);
        }
        if (rest.startsWith("inf")) {
            return new Parsed(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, i + 3);
        }
        if (rest.startsWith("nan")) {
            return new Parsed(Double.NaN, i + 3);
        }
        if (rest.startsWith("0x")) {
            Parsed hex = hex(s, start, i + 2);
            if (hex != null) {
                return hex;
            }
        }
        int digits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expDigits = j;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j > expDigits) {
                i = j;
            }
        }
        String text = s.substring(start, i);
        return new Parsed(Double.parseDouble(text), i);
    }

    private static Parsed hex(String s, int start, int digitsFrom) {
        int i = digitsFrom;
        StringBuilder mant = new StringBuilder();
        int fracDigits = 0;
        boolean dot = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                mant.append(c);
                if (dot) {
                    fracDigits++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            i++;
        }
        if (mant.length() == 0) {
            return null;
        }
        long exp = 0;
        if (i < s.length() && (s.charAt(i) == 'p' || s.charAt(i) == 'P')) {
            int j = i + 1;
            boolean neg = false;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                neg = s.charAt(j) == '-';
                j++;
            }
            int d = j;
            long e = 0;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                e = Math.min(e * 10 + (s.charAt(j) - '0'), 100000);
                j++;
            }
            if (j > d) {
                exp = neg ? -e : e;
                i = j;
            }
        }
        int scale = (int) Math.max(-2000, Math.min(2000, exp - 4L * fracDigits));
        double v = new java.math.BigDecimal(new java.math.BigInteger(mant.toString(), 16))
                .multiply(java.math.BigDecimal.valueOf(2).pow(scale, java.math.MathContext.DECIMAL128)).doubleValue();
        boolean negative = s.charAt(start) == '-';
        return new Parsed(negative ? -v : v, i);
    }
}
