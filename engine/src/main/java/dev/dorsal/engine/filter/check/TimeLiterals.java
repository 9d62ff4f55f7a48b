package dev.dorsal.engine.filter.check;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads time literals into nanoseconds: absolute times in ISO 8601 form ({@code 2011-07-04 12:34:56},
 * {@code T} optional, {@code Z} or an offset, date alone allowed) or tshark's legacy form
 * ({@code Nov 12, 1999 08:55:44.123}, optionally followed by {@code UTC}); without a zone the local
 * time zone applies, as in tshark. Relative times are seconds with up to nine decimals.
 */
final class TimeLiterals {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d*))?)?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|UTC)?");
    private static final Pattern LEGACY = Pattern.compile(
            "\\s*([A-Za-z]{3})\\s+(\\d{1,2}),\\s*(\\d{1,4})\\s+(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d*))?");
    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private TimeLiterals() {}

    static long absolute(String s) throws Numbers.Bad {
        String invalid = "\"" + s + "\" is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or"
                + " \"2011-07-04 12:34:56\"";
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                        : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                                Integer.parseInt(m.group(6)));
                long nanos = fraction(m.group(7), invalid);
                ZoneId zone = zone(m.group(8));
                return toNanos(LocalDateTime.of(date, time), zone, nanos);
            }
            m = LEGACY.matcher(s);
            if (m.lookingAt()) {
                int month = month(m.group(1));
                if (month < 0) {
                    throw new Numbers.Bad(invalid);
                }
                LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(3)), month + 1,
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
                long nanos = fraction(m.group(7), invalid);
                String rest = s.substring(m.end());
                ZoneId zone = ZoneId.systemDefault();
                if (rest.strip().equals("UTC")) {
                    zone = ZoneOffset.UTC;
                } else if (!rest.isEmpty()) {
                    throw new Numbers.Bad("Unexpected data after time value.");
                }
                return toNanos(t, zone, nanos);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new Numbers.Bad(invalid);
        }
        throw new Numbers.Bad(invalid);
    }

    private static long toNanos(LocalDateTime t, ZoneId zone, long nanos) {
        ZonedDateTime z = t.atZone(zone);
        return z.toEpochSecond() * 1_000_000_000L + nanos;
    }

    private static ZoneId zone(String z) {
        if (z == null) {
            return ZoneId.systemDefault();
        }
        if (z.equals("Z") || z.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = z.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = z.startsWith("-") ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int month(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(l)) {
                return i;
            }
        }
        return -1;
    }

    private static long fraction(String digits, String invalid) throws Numbers.Bad {
        if (digits == null || digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > 9) {
            throw new Numbers.Bad(invalid);
        }
        return Long.parseLong(digits) * (long) Math.pow(10, 9 - digits.length());
    }

    /**
     * {@code [-]seconds[.fraction]} as nanoseconds. Like tshark 4.0, the fraction is its leading
     * digits (anything after them is ignored) and digits past the ninth must be zeros.
     */
    static long relative(String s) throws Numbers.Bad {
        String bad = "\"" + s + "\" is not a valid time.";
        String d = s;
        boolean neg = d.startsWith("-");
        if (neg) {
            d = d.substring(1);
        }
        int dot = d.indexOf('.');
        String secs = dot < 0 ? d : d.substring(0, dot);
        if ((dot != 0 && secs.isEmpty()) || !digits(secs)) {
            throw new Numbers.Bad(bad);
        }
        String rest = dot < 0 ? "" : d.substring(dot + 1);
        int n = 0;
        while (n < rest.length() && rest.charAt(n) >= '0' && rest.charAt(n) <= '9') {
            n++;
        }
        long nanos = 0;
        for (int i = 0; i < n; i++) {
            int digit = rest.charAt(i) - '0';
            if (i >= 9) {
                if (digit != 0) {
                    throw new Numbers.Bad(bad);
                }
                continue;
            }
            nanos = nanos * 10 + digit;
        }
        for (int i = n; i < 9; i++) {
            nanos *= 10;
        }
        try {
            long total = (secs.isEmpty() ? 0 : Math.multiplyExact(Long.parseLong(secs), 1_000_000_000L)) + nanos;
            return neg ? -total : total;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Numbers.Bad(bad);
        }
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
