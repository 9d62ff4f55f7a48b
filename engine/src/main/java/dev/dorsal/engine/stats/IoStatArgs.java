package dev.dorsal.engine.stats;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.stats.IoStatColumn.Calc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads {@code -z io,stat,<interval>[,<column>]…} as tshark 4.0.17 does: the interval in seconds
 * (microsecond resolution; 0 for the whole capture) and its shown precision, then comma-separated
 * columns, each a filter or {@code FUNC(field)filter}. Refusals carry tshark's messages and exit codes.
 */
final class IoStatArgs {
    static final String USAGE = "\ntshark: invalid \"-z io,stat,<interval>[,<filter>][,<filter>]...\" argument";

    /** Compiles a column filter (the display-filter compiler, or a stand-in in tests). */
    interface FilterCompiler {
        TapFilter compile(String text) throws TapFilter.Invalid;
    }

    private IoStatArgs() {}

    /** Parses {@code rest} with {@code fields} to look fields up by name and {@code compiler} for filters. */
    static IoStatTap parse(String rest, Function<String, FieldDef> fields, FilterCompiler compiler)
            throws StatsException {
        String arg = "io,stat" + rest;
        if (arg.endsWith(",") || !rest.startsWith(",")) {
            throw new StatsException(USAGE);
        }
        CNumber.Parsed num = CNumber.parseDouble(arg, 8);
        if (num == null) {
            throw new StatsException(USAGE);
        }
        int idx = num.end();
        String filters = arg.substring(idx);
        if (!filters.isEmpty() && filters.charAt(0) != ',') {
            // Mirrors tshark's allowance for locales whose decimal separator is a comma.
            if (arg.charAt(idx - 1) != ',') {
                throw new StatsException(USAGE);
            }
            filters = arg.substring(idx - 1);
        }
        long interval;
        int precision;
        double value = num.value();
        if (value == 0) {
            interval = IoStatTap.WHOLE;
            precision = 0;
        } else {
            interval = microseconds(value);
            precision = 6;
            for (long i = 10; i < 10000000; i *= 10) {
                if (Long.remainderUnsigned(interval, i) > 0) {
                    break;
                }
                precision--;
            }
            if (precision == 0) {
                precision = zerosAfterPoint(arg.substring(8));
            }
        }
        if (interval == 0) {
            throw new StatsException("\ntshark: \"-z\" interval must be >=0.000001 seconds or \"0\" for the entire "
                    + "capture duration.", 10, false);
        }
        List<IoStatColumn> columns = new ArrayList<>();
        if (filters.isEmpty() || filters.equals(",")) {
            columns.add(column(null, fields, compiler));
        } else {
            String[] parts = filters.substring(1).split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                if (p.isEmpty()) {
                    columns.add(column(null, fields, compiler));
                } else {
                    String s = p.strip();
                    columns.add(column(i == parts.length - 1 && s.isEmpty() ? null : s, fields, compiler));
                }
            }
        }
        return new IoStatTap(interval, precision, columns);
    }

    /**
     * The interval in microseconds as tshark's cast to an unsigned 64-bit integer leaves it: a
     * negative, huge or NaN interval becomes larger than any capture (so the whole capture is one
     * row), +infinity becomes 0 (refused).
     */
    private static long microseconds(double seconds) {
        double us = seconds * 1000000.0 + 0.5;
        if (us == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (Double.isNaN(us)) {
            return Long.MIN_VALUE;
        }
        if (us >= 9.223372036854775807E18 || us <= -9.223372036854775807E18) {
            return Long.MIN_VALUE;
        }
        return (long) us;
    }

    /**
     * The precision asked for by zeros after the decimal point of a whole-second interval ("1.00"
     * shows two decimals), at most 6.
     */
    private static int zerosAfterPoint(String intervalAndFilters) {
        int comma = intervalAndFilters.indexOf(',');
        String text = comma < 0 ? intervalAndFilters : intervalAndFilters.substring(0, comma);
        int dot = text.indexOf('.');
        if (dot < 0) {
            return 0;
        }
        return Math.min(text.length() - dot - 1, 6);
    }

    private static IoStatColumn column(String text, Function<String, FieldDef> fields, FilterCompiler compiler)
            throws StatsException {
        Calc calc = Calc.FRAMES_AND_BYTES;
        String filterText = text;
        String field = null;
        FieldType type = null;
        if (text != null) {
            for (Calc c : Calc.values()) {
                if (!text.startsWith(c.label)) {
                    continue;
                }
                calc = c;
                if (text.length() == c.label.length() || text.charAt(c.label.length()) != '(') {
                    continue;
                }
                int open = c.label.length() + 1;
                int close = text.indexOf(')', open);
                if (close < 0) {
                    throw fatal("Closing parenthesis missing from calculated expression.");
                }
                boolean noField = c == Calc.FRAMES || c == Calc.BYTES;
                if (noField && close != open) {
                    throw fatal(c.label + " does not require or allow a field name within the parens.");
                }
                if (!noField && close == open) {
                    throw fatal("You didn't specify a field name for " + c.label + "(*).");
                }
                filterText = text.substring(close + 1);
                if (!noField) {
                    field = text.substring(open, close);
                    FieldDef def = fields.apply(field);
                    if (def == null) {
                        throw fatal("There is no field named '" + field + "'.");
                    }
                    type = def.type();
                    checkType(c, field, type);
                }
                break;
            }
        }
        TapFilter filter;
        try {
            filter = compiler.compile(filterText);
        } catch (TapFilter.Invalid e) {
            throw new StatsException("\ntshark: Couldn't register io,stat tap: "
                    + Taps.invalidFilter(filterText, e.getMessage()));
        }
        return new IoStatColumn(calc, field, type, filter, text);
    }

    private static void checkType(Calc calc, String field, FieldType type) throws StatsException {
        switch (type) {
            case UINT8, UINT16, UINT24, UINT32, UINT64, INT8, INT16, INT24, INT32, INT64 -> {
                if (calc == Calc.LOAD) {
                    throw fatal("LOAD() is only supported for relative-time fields such as smb.time");
                }
            }
            case FLOAT, DOUBLE -> {
                if (calc == Calc.LOAD) {
                    throw new StatsException("\ntshark: " + field + " is a float field, so " + calc.label
                            + "(*) calculations are not supported on it.", 10, false);
                }
            }
            case RELATIVE_TIME -> { }
            default -> {
                if (calc != Calc.COUNT) {
                    throw fatal(field + " doesn't have integral values, so " + calc.label
                            + "(*) calculations are not supported on it.");
                }
            }
        }
    }

    private static StatsException fatal(String message) {
        return new StatsException("\ntshark: " + message, 10, false);
    }
}
