package dev.dorsal.engine.output;

import dev.dorsal.engine.spi.FrameMeta;
import java.time.LocalDate;

/**
 * The Time column formats of tshark's {@code -t} option. Every format prints as many decimals as
 * the file's timestamp resolution ({@link FrameMeta#timePrecisionDigits()}); "local" formats print
 * UTC, as tshark does with {@code TZ=UTC}.
 *
 * <pre>
 * r     0.000155          relative to the first frame (default)
 * a/u   04:33:56.042890   time of day
 * ad/ud 2026-11-27 04:33:56.042890
 * adoy/udoy 2026/331 04:33:56.042890
 * e     1795754036.042890 seconds since the epoch
 * d     delta to the previous captured frame; dd: to the previous displayed frame
 * </pre>
 */
public enum TimeFormat {
    RELATIVE("r"), ABSOLUTE("a"), ABSOLUTE_DATE("ad"), ABSOLUTE_DOY("adoy"), DELTA("d"), DELTA_DISPLAYED("dd"),
    EPOCH("e"), UTC("u"), UTC_DATE("ud"), UTC_DOY("udoy");

    private final String option;

    TimeFormat(String option) {
        this.option = option;
    }

    /** The {@code -t} letter(s). */
    public String option() {
        return option;
    }

    /** The format for a {@code -t} argument, or null when tshark would reject it. */
    public static TimeFormat of(String option) {
        for (TimeFormat f : values()) {
            if (f.option.equals(option)) {
                return f;
            }
        }
        return null;
    }

    /** Appends the Time column text of {@code frame}. */
    public void append(StringBuilder sb, FrameMeta frame) {
        int digits = Math.max(0, Math.min(9, frame.timePrecisionDigits()));
        switch (this) {
            case RELATIVE -> TimeText.appendSeconds(sb, frame.relativeNanos(), digits);
            case DELTA -> TimeText.appendSeconds(sb, frame.deltaNanos(), digits);
            case DELTA_DISPLAYED -> TimeText.appendSeconds(sb, frame.deltaDisplayedNanos(), digits);
            case EPOCH -> TimeText.appendSeconds(sb, frame.timestampNanos(), digits);
            case ABSOLUTE, UTC -> appendClock(sb, frame.timestampNanos(), digits);
            case ABSOLUTE_DATE, UTC_DATE, ABSOLUTE_DOY, UTC_DOY -> {
                long nanos = frame.timestampNanos();
                LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(Math.floorDiv(nanos, 1_000_000_000L), 86400));
                sb.append(d.getYear());
                if (this == ABSOLUTE_DOY || this == UTC_DOY) {
                    sb.append('/');
                    TimeText.digits(sb, d.getDayOfYear(), 3);
                } else {
                    sb.append('-');
                    TimeText.two(sb, d.getMonthValue());
                    sb.append('-');
                    TimeText.two(sb, d.getDayOfMonth());
                }
                sb.append(' ');
                appendClock(sb, nanos, digits);
            }
        }
    }

    private static void appendClock(StringBuilder sb, long nanos, int digits) {
        long secs = Math.floorDiv(nanos, 1_000_000_000L);
        int frac = (int) Math.floorMod(nanos, 1_000_000_000L);
        int sod = (int) Math.floorMod(secs, 86400);
        TimeText.two(sb, sod / 3600);
        sb.append(':');
        TimeText.two(sb, sod / 60 % 60);
        sb.append(':');
        TimeText.two(sb, sod % 60);
        if (digits > 0) {
            sb.append('.');
            TimeText.digits(sb, frac / TimeText.pow10(9 - digits), digits);
        }
    }
}
