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
 * {@code T} or space, minutes and seconds optional, {@code Z} or an offset, date alone allowed) or
 * tshark's legacy form ({@code Nov 12, 1999 08:55:44.123}, optionally followed by {@code UTC}); without
 * a zone the local time zone applies, as in tshark. Relative times are seconds with up to nine
 * decimals. Edge cases (which part fails with which message) follow tshark 4.0.17's parser.
 */
final class TimeLiterals {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d+)-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern ISO_TIME = Pattern.compile(
            "(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?)?");
    private static final Pattern ISO_ZONE = Pattern.compile("Z|[+-]\\d{1,2}(?::?\\d{2})?| UTC");
    private static final Pattern LEGACY = Pattern.compile(
            "([A-Za-z]{3})\\s+(\\d{1,2}),\\s*(\\d{1,4})\\s+(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\S*))?");
    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    private static final String UNEXPECTED = "Unexpected data after time value.";

    private TimeLiterals() {}

    /** An absolute time, as nanoseconds since the epoch; tshark 4.0's formats and messages. */
    static long absolute(String s) throws Numbers.Bad {
        String invalid = "\"" + s + "\" is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or"
                + " \"2011-07-04 12:34:56\"";
        if (s.stripLeading().matches("\\d+-.*")) {
            return iso(s, invalid);
        }
        return legacy(s, invalid);
    }

    /** {@code YYYY-MM-DD[(T| )HH[:MM[:SS[.frac]]]][Z|±hh[:mm]| UTC]}; without a zone, local time. */
    private static long iso(String s, String invalid) throws Numbers.Bad {
        if (Character.isWhitespace(s.charAt(0))) {
            throw new Numbers.Bad(UNEXPECTED);
        }
        Matcher d = ISO_DATE.matcher(s);
        if (!d.lookingAt()) {
            throw new Numbers.Bad(invalid);
        }
        if (d.group(1).length() > 4) {
            throw new Numbers.Bad(invalid);
        }
        int month = Integer.parseInt(d.group(2));
        int day = Integer.parseInt(d.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new Numbers.Bad(invalid);
        }
        if (d.group(1).length() < 4) {
            throw new Numbers.Bad(UNEXPECTED);
        }
        int year = Integer.parseInt(d.group(1));
        int p = d.end();
        LocalTime time = LocalTime.MIDNIGHT;
        long nanos = 0;
        ZoneId zone = ZoneId.systemDefault();
        if (p < s.length()) {
            char sep = s.charAt(p);
            if (sep != 'T' && sep != ' ') {
                throw new Numbers.Bad(UNEXPECTED);
            }
            p++;
            while (sep == ' ' && p < s.length() && s.charAt(p) == ' ') {
                p++;
            }
            if (p < s.length()) {
                Matcher t = ISO_TIME.matcher(s).region(p, s.length());
                if (!t.lookingAt()) {
                    throw new Numbers.Bad(UNEXPECTED);
                }
                int h = Integer.parseInt(t.group(1));
                int m = t.group(2) == null ? 0 : Integer.parseInt(t.group(2));
                int sec = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
                if (h > 23 || m > 59 || sec > 60) {
                    throw new Numbers.Bad(UNEXPECTED);
                }
                time = LocalTime.of(h, m, Math.min(sec, 59));
                nanos = (sec == 60 ? 1_000_000_000L : 0) + isoFraction(t.group(4));
                p = t.end();
                Matcher z = ISO_ZONE.matcher(s).region(p, s.length());
                if (z.lookingAt()) {
                    zone = zone(z.group());
                    p = z.end();
                }
                if (p < s.length()) {
                    throw new Numbers.Bad(UNEXPECTED);
                }
            } else if (sep == 'T') {
                throw new Numbers.Bad(UNEXPECTED);
            }
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            throw new Numbers.Bad(UNEXPECTED);
        }
        return toNanos(LocalDateTime.of(date, time), zone, nanos);
    }

    /** ISO fractions: more than nine digits give no fraction at all, as tshark 4.0 computes it. */
    private static long isoFraction(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > 9) {
            return 0;
        }
        return Long.parseLong(digits) * (long) Math.pow(10, 9 - digits.length());
    }

    /** {@code Mon D, YYYY HH:MM:SS[.frac]}, then nothing (local time) or {@code UTC}. */
    private static long legacy(String s, String invalid) throws Numbers.Bad {
        Matcher m = LEGACY.matcher(s);
        if (!m.lookingAt()) {
            throw new Numbers.Bad(invalid);
        }
        int month = month(m.group(1));
        int day = Integer.parseInt(m.group(2));
        int h = Integer.parseInt(m.group(4));
        int min = Integer.parseInt(m.group(5));
        int sec = Integer.parseInt(m.group(6));
        if (month < 0 || day < 1 || day > 31 || h > 23 || min > 59 || sec > 61) {
            throw new Numbers.Bad(invalid);
        }
        long nanos = legacyFraction(m.group(7));
        String rest = s.substring(m.end()).strip();
        ZoneId zone;
        if (rest.isEmpty()) {
            zone = ZoneId.systemDefault();
        } else if (rest.equals("UTC")) {
            zone = ZoneOffset.UTC;
        } else {
            throw new Numbers.Bad(UNEXPECTED);
        }
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(3)), month + 1, day, h, min, Math.min(sec, 59));
            return toNanos(t, zone, nanos + (sec > 59 ? (sec - 59) * 1_000_000_000L : 0));
        } catch (java.time.DateTimeException e) {
            throw new Numbers.Bad(invalid);
        }
    }

    /** Legacy fractions: digits only; past the ninth they must be zeros. */
    private static long legacyFraction(String digits) throws Numbers.Bad {
        if (digits == null) {
            return 0;
        }
        long nanos = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9' || (i >= 9 && c != '0')) {
                throw new Numbers.Bad("Subseconds value is invalid.");
            }
            if (i < 9) {
                nanos = nanos * 10 + (c - '0');
            }
        }
        for (int i = digits.length(); i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static long toNanos(LocalDateTime t, ZoneId zone, long nanos) {
        ZonedDateTime z = t.atZone(zone);
        return z.toEpochSecond() * 1_000_000_000L + nanos;
    }

    private static ZoneId zone(String z) {
        if (z.equals("Z") || z.equals(" UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = z.replace(":", "");
        int sign = z.startsWith("-") ? -1 : 1;
        String body = digits.substring(1);
        int hours = Integer.parseInt(body.length() > 2 ? body.substring(0, body.length() - 2) : body);
        int minutes = body.length() > 2 ? Integer.parseInt(body.substring(body.length() - 2)) : 0;
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
