package dev.dorsal.engine.stats;

import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.stats.IoStatColumn.Calc;
import dev.dorsal.engine.stats.IoStatColumn.Item;
import java.util.List;

/**
 * Draws the {@code -z io,stat} table as tshark 4.0.17 does: a boxed header (duration, interval, the
 * column list, wrapped at 102 characters), then one row per interval. Widths follow the largest
 * value of each column; the interval column's precision follows the interval given (or the
 * duration's magnitude for interval 0); the last row ends at the capture's duration ("Dur" for
 * whole-second intervals).
 */
final class IoStatPrinter {
    private static final int BOX_MAX = 102;

    private IoStatPrinter() {}

    /** Digits of {@code v} (unsigned), at most {@code max}. */
    static int magnitude(long v, int max) {
        int mag = 0;
        for (int i = 0; i < max; i++) {
            mag++;
            v = Long.divideUnsigned(v, 10);
            if (v == 0) {
                break;
            }
        }
        return mag;
    }

    static void print(StringBuilder sb, IoStatTap tap, long durationUs) {
        List<IoStatColumn> cols = tap.columns;
        int n = cols.size();
        long duration = durationUs;
        boolean wholeCapture = Long.compareUnsigned(tap.interval, duration) > 0 || tap.interval == IoStatTap.WHOLE;
        long interval = wholeCapture ? duration : tap.interval;
        int durSecsOrig = (int) (duration / 1000000);
        int durFracOrig = (int) (duration % 1000000);
        // tshark fixes the width of the time formats from the duration before rounding it, and uses
        // the rounded duration's magnitude for everything else; a rounding that adds a digit (9.9999
        // to 10.0) misaligns some lines, as in tshark.
        int fmtMag = magnitude(durSecsOrig & 0xffffffffL, 5);
        int invlMag = magnitude(interval / 1000000, 5);
        int prec;
        int border;
        if (interval == duration) {
            prec = fmtMag >= 2 ? 1 : fmtMag == 1 ? 3 : 6;
            border = 30 + fmtMag + (prec == 0 ? 0 : prec + 1);
        } else {
            prec = tap.intervalPrecision;
            border = 25 + Math.max(invlMag, fmtMag) + (prec == 0 ? 0 : prec + 1);
        }
        long dv = 1000000;
        for (int i = 0; i < prec; i++) {
            dv /= 10;
        }
        if (duration % dv > 5 * (dv / 10)) {
            duration += 5 * (dv / 10);
            duration = duration / dv * dv;
        }
        if (wholeCapture) {
            interval = duration;
        }
        int durMag = magnitude(duration / 1000000, 5);
        int invlColW = 2 * durMag + 8;
        if (prec > 0) {
            invlColW += 2 * prec + 2;
        }
        invlColW = Math.max(invlColW, 12);
        border = Math.max(border, invlColW);

        int[] frW = new int[n];
        int[] valW = new int[n];
        int tabrow = invlColW;
        for (int j = 0; j < n; j++) {
            IoStatColumn c = cols.get(j);
            int nameLen = c.calc == Calc.FRAMES_AND_BYTES ? 5 : c.calc.label.length();
            if (c.calc == Calc.FRAMES || c.calc == Calc.FRAMES_AND_BYTES) {
                frW[j] = Math.max(6, magnitude(c.maxFrames, 15));
                tabrow += frW[j] + 3;
                if (c.calc == Calc.FRAMES_AND_BYTES) {
                    valW[j] = Math.max(5, magnitude(c.maxValue, 15));
                    tabrow += valW[j] + 3;
                }
                continue;
            }
            if (c.calc == Calc.BYTES || c.calc == Calc.COUNT) {
                valW[j] = Math.max(5, magnitude(c.maxValue, 15));
            } else if (c.isFloat()) {
                valW[j] = magnitude(c.maxValue, 15) + 7;
            } else if (c.type == FieldType.RELATIVE_TIME) {
                long max = c.maxValue;
                if (c.calc == Calc.LOAD) {
                    max = Long.divideUnsigned(max, interval);
                } else if (c.calc != Calc.AVG) {
                    max = Long.divideUnsigned(max + 500000000L, 1000000000L);
                }
                valW[j] = magnitude(max, 15) + 7;
            } else {
                valW[j] = Math.max(nameLen, magnitude(c.maxValue, 15));
            }
            tabrow += valW[j] + 3;
        }
        border = Math.max(border, tabrow);
        int filterW = 0;
        for (IoStatColumn c : cols) {
            filterW = Math.max(filterW, c.text != null ? c.text.length() + 11 : 26);
        }
        if (filterW > border) {
            border = Math.min(filterW, BOX_MAX);
            border = Math.max(border, tabrow);
        }
        if (border - tabrow == 1) {
            border++;
        }

        String dash = "-".repeat(Math.max(0, border - 3));
        sb.append('\n').append("=".repeat(border)).append('\n');
        sb.append("| IO Statistics").append(spaces(border - 16)).append("|\n");
        sb.append('|').append(spaces(border - 2)).append("|\n");
        if (prec == 0) {
            sb.append("| Duration: ").append(CText.left(Integer.toUnsignedString(durSecsOrig), fmtMag)).append('.')
                    .append(CText.left(durFracOrig, 6)).append(" secs").append(spaces(border - 25 - durMag))
                    .append("|\n");
            sb.append("| Interval: ").append(CText.left(Long.toString(interval / 1000000), fmtMag)).append(" secs")
                    .append(spaces(border - 18 - durMag)).append("|\n");
        } else {
            sb.append("| Duration: ").append(time(duration / 1000000, duration % 1000000 / dv, fmtMag, prec))
                    .append(" secs").append(spaces(border - 19 - durMag - prec)).append("|\n");
            sb.append("| Interval: ").append(time(interval / 1000000, interval % 1000000 / dv, fmtMag, prec))
                    .append(" secs").append(spaces(border - 19 - durMag - prec)).append("|\n");
        }
        sb.append('|').append(spaces(border - 2)).append("|\n");
        sb.append("| Col");
        for (int j = 0; j < n; j++) {
            sb.append(j == 0 ? "" : "|    ").append(CText.left(j + 1, 2)).append(": ");
            String text = cols.get(j).text;
            if (text == null) {
                sb.append("Frames and bytes").append(spaces(border - 26)).append("|\n");
            } else {
                filterLines(sb, text, border);
            }
        }
        sb.append("|-").append(dash).append("|\n");

        sb.append('|').append(spaces(invlColW - 2)).append('|');
        for (int j = 0; j < n; j++) {
            IoStatColumn c = cols.get(j);
            int w = c.calc == Calc.FRAMES_AND_BYTES ? frW[j] + valW[j] + 3 : c.calc == Calc.FRAMES ? frW[j] : valW[j];
            sb.append(CText.right(Integer.toString(j + 1), 2)).append(spaces(w)).append('|');
        }
        String filler = tabrow < border ? spaces(border - tabrow - 1) + "|" : "";
        sb.append(filler);
        sb.append("\n| Interval").append(spaces(invlColW - 11)).append('|');
        for (int j = 0; j < n; j++) {
            IoStatColumn c = cols.get(j);
            if (c.calc == Calc.FRAMES) {
                center(sb, c.calc.label, frW[j]);
            } else if (c.calc == Calc.FRAMES_AND_BYTES) {
                center(sb, "Frames", frW[j]);
                center(sb, "Bytes", valW[j]);
            } else {
                center(sb, c.calc.label, valW[j]);
            }
        }
        sb.append(filler);
        sb.append("\n|-").append("-".repeat(Math.max(0, tabrow - 3))).append('|').append(filler).append('\n');

        int rows = interval == 0 || duration == 0 ? 0
                : (int) (duration / interval + (duration % interval > 0 ? 1 : 0));
        int[] at = new int[n];
        long t = 0;
        for (int i = 0; i < rows; i++) {
            boolean lastRow = i == rows - 1;
            long end = lastRow ? duration : t + interval;
            if (prec == 0) {
                String lead = durMag == 1 ? "|  " : "| ";
                sb.append(lead).append(CText.left(Long.toString(t / 1000000), fmtMag)).append(" <> ");
                if (lastRow) {
                    sb.append(CText.right("Dur", durMag >= 3 ? durMag + 1 : 3)).append('|');
                } else {
                    sb.append(CText.left(Long.toString(end / 1000000), fmtMag)).append(durMag == 1 ? "  |" : " |");
                }
            } else {
                sb.append("| ").append(time(t / 1000000, t % 1000000 / dv, fmtMag, prec)).append(" <> ")
                        .append(time(end / 1000000, end % 1000000 / dv, fmtMag, prec)).append(" |");
            }
            for (int j = 0; j < n; j++) {
                IoStatColumn c = cols.get(j);
                Item item = at[j] < c.items.size() ? c.items.get(at[j]) : null;
                cell(sb, c, item, frW[j], valW[j], interval, lastRow ? end - t : interval);
                if (!lastRow) {
                    at[j]++;
                }
            }
            sb.append(filler).append('\n');
            t += interval;
        }
        sb.append("=".repeat(border)).append('\n');
    }

    /** {@code %{mag}u.%0{prec}u}. */
    private static String time(long secs, long frac, int mag, int prec) {
        String f = Long.toString(frac);
        return CText.left(Long.toString(secs), mag) + "." + "0".repeat(Math.max(0, prec - f.length())) + f;
    }

    private static void cell(StringBuilder sb, IoStatColumn c, Item item, int frW, int valW, long interval, long span) {
        long frames = item == null ? 0 : item.frames;
        long counter = item == null ? 0 : item.counter;
        switch (c.calc) {
            case FRAMES -> sb.append(' ').append(CText.left(frames, frW)).append(" |");
            case BYTES, COUNT -> sb.append(' ').append(CText.left(Long.toUnsignedString(counter), valW)).append(" |");
            case FRAMES_AND_BYTES -> sb.append(' ').append(CText.left(frames, frW)).append(" | ")
                    .append(CText.left(Long.toUnsignedString(counter), valW)).append(" |");
            case SUM, MIN, MAX -> {
                if (c.type == FieldType.FLOAT) {
                    floating(sb, item == null ? 0 : item.floatCounter, valW);
                } else if (c.type == FieldType.DOUBLE) {
                    floating(sb, item == null ? 0 : item.doubleCounter, valW);
                } else if (c.type == FieldType.RELATIVE_TIME) {
                    seconds(sb, Long.divideUnsigned(counter + 500, 1000), valW);
                } else {
                    integer(sb, c, counter, valW);
                }
            }
            case AVG -> {
                long num = item == null || item.num == 0 ? 1 : item.num;
                if (c.type == FieldType.FLOAT) {
                    floating(sb, item == null ? 0 : item.floatCounter / (float) num, valW);
                } else if (c.type == FieldType.DOUBLE) {
                    floating(sb, item == null ? 0 : item.doubleCounter / num, valW);
                } else if (c.type == FieldType.RELATIVE_TIME) {
                    seconds(sb, Long.divideUnsigned(Long.divideUnsigned(counter, num) + 500, 1000), valW);
                } else {
                    integer(sb, c, Long.divideUnsigned(counter, num), valW);
                }
            }
            case LOAD -> {
                long whole = Long.divideUnsigned(counter, span);
                long part = Long.divideUnsigned(Long.remainderUnsigned(counter, span) * 1000000L, span);
                sb.append(' ').append(CText.left((int) whole, valW - 7)).append('.')
                        .append(String.format("%06d", (int) part)).append(" |");
            }
        }
    }

    private static void floating(StringBuilder sb, double v, int valW) {
        sb.append(' ').append(CText.fixed(v, valW - 7, 6)).append(" |");
    }

    /** {@code %{w}u.%06u} of microseconds, each part cast to int as tshark does. */
    private static void seconds(StringBuilder sb, long us, int valW) {
        int whole = (int) Long.divideUnsigned(us, 1000000);
        int frac = (int) Long.remainderUnsigned(us, 1000000);
        sb.append(' ').append(CText.left(Integer.toUnsignedString(whole), valW - 7)).append('.')
                .append(String.format("%06d", frac)).append(" |");
    }

    private static void integer(StringBuilder sb, IoStatColumn c, long v, int valW) {
        String s = c.isSigned() ? Long.toString(v) : Long.toUnsignedString(v);
        sb.append(' ').append(CText.left(s, valW)).append(" |");
    }

    /** A label centred in a {@code width}-wide cell, as tshark's printcenter places it. */
    static void center(StringBuilder sb, String label, int width) {
        int len = 6 - ((width - label.length()) / 2 + 1);
        if (len > 0 && len < 6) {
            int pad = 6 - len;
            if ((width - label.length()) % 2 == 0) {
                sb.append(spaces(pad)).append(label).append(spaces(pad)).append('|');
            } else {
                sb.append(spaces(pad + 1)).append(label).append(spaces(pad)).append('|');
            }
        } else if (len > 0 && len <= 15) {
            sb.append(label).append('|');
        }
    }

    /** Writes a column's text in the header box, wrapped at the last space that fits. */
    private static void filterLines(StringBuilder sb, String text, int border) {
        if (text.length() + 11 <= border) {
            sb.append(text).append(spaces(border - text.length() - 10)).append("|\n");
            return;
        }
        int maxW = border - 11;
        String rest = text;
        while (true) {
            if (rest.length() > maxW) {
                String head = rest.substring(0, maxW);
                int space = head.lastIndexOf(' ');
                int len = space >= 0 ? space : head.length();
                int next = space >= 0 ? space + 1 : head.length();
                sb.append(head, 0, len).append(spaces(border - len - 10)).append("|\n");
                sb.append("|        ");
                rest = rest.substring(next);
            } else {
                sb.append(rest).append(spaces(border - rest.length() - 10)).append("|\n");
                break;
            }
        }
    }

    private static String spaces(int n) {
        return n <= 0 ? "" : " ".repeat(n);
    }
}
