package dev.dorsal.engine.filter.parse;

import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.filter.lex.Token;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a slice or layer range, as written between brackets: {@code i:j} (start, length),
 * {@code i-j} (start to end, inclusive), {@code i} (one), {@code :j} (first j), {@code i:} (to the
 * end). Negative positions count from the end. Parsed when the parser meets it, with tshark's
 * messages for bad ranges.
 */
public record SliceRange(Kind kind, long start, long second) {
    /** How the second number is meant. */
    public enum Kind { LENGTH, END, TO_END }

    private static final String NUM = "[+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)";
    private static final Pattern SINGLE = Pattern.compile("(" + NUM + ")");
    private static final Pattern COLON = Pattern.compile("(" + NUM + ")?\\s*:\\s*(" + NUM + ")?");
    private static final Pattern HYPHEN = Pattern.compile("(" + NUM + ")\\s*-\\s*(" + NUM + ")");

    /** Parses the range-node token {@code t} of filter {@code filter}. */
    public static SliceRange parse(String filter, Token t) throws FilterException {
        try {
            return parseChecked(filter, t);
        } catch (Overflow e) {
            String s = t.text().strip();
            throw new FilterException(filter, "\"" + s + "\" " + (e.first ? "causes an integer overflow." : "is not a valid range."),
                    t.start(), t.length());
        }
    }

    /** A number that does not fit in a C int; only the first number of a range says "overflow". */
    private static final class Overflow extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean first;

        Overflow(boolean first) {
            super(null, null, false, false);
            this.first = first;
        }
    }

    private static SliceRange parseChecked(String filter, Token t) throws FilterException, Overflow {
        String s = t.text().strip();
        Matcher m = SINGLE.matcher(s);
        if (m.matches()) {
            return new SliceRange(Kind.LENGTH, number(m.group(1), true), 1);
        }
        m = COLON.matcher(s);
        if (m.matches() && (m.group(1) != null || m.group(2) != null)) {
            long start = m.group(1) == null ? 0 : number(m.group(1), true);
            if (m.group(2) == null) {
                return new SliceRange(Kind.TO_END, start, 0);
            }
            long len = number(m.group(2), false);
            if (len <= 0) {
                throw new FilterException(filter, "Range " + s + " isn't valid because length " + len
                        + " isn't positive", t.start(), t.length());
            }
            return new SliceRange(Kind.LENGTH, start, len);
        }
        m = HYPHEN.matcher(s);
        if (m.matches()) {
            long start = number(m.group(1), true);
            long end = number(m.group(2), false);
            if ((start < 0) != (end < 0)) {
                throw new FilterException(filter, "Range " + s + " isn't valid because " + start + " and " + end
                        + " have different signs", t.start(), t.length());
            }
            if (start >= end) {
                throw new FilterException(filter, "Range " + s + " isn't valid because " + start
                        + " is greater or equal than " + end, t.start(), t.length());
            }
            return new SliceRange(Kind.END, start, end);
        }
        String what = s.indexOf(':') >= 0 || s.indexOf('-', 1) > 0 ? "range" : "number";
        throw new FilterException(filter, "\"" + s + "\" is not a valid " + what + ".", t.start(), t.length());
    }

    /** A C int in strtol's base-0 notation. */
    private static long number(String s, boolean first) throws Overflow {
        boolean neg = s.startsWith("-");
        String d = s.startsWith("+") || neg ? s.substring(1) : s;
        java.math.BigInteger v;
        if (d.startsWith("0x") || d.startsWith("0X")) {
            v = new java.math.BigInteger(d.substring(2), 16);
        } else if (d.length() > 1 && d.startsWith("0")) {
            v = new java.math.BigInteger(d.substring(1), 8);
        } else {
            v = new java.math.BigInteger(d);
        }
        if (neg) {
            v = v.negate();
        }
        if (v.bitLength() > 31) {
            throw new Overflow(first);
        }
        return v.longValue();
    }

    /** The layer number after {@code #}, which must fit in a C int. */
    public static SliceRange layer(String filter, Token index) throws FilterException {
        try {
            return new SliceRange(Kind.LENGTH, number(index.text(), true), 1);
        } catch (Overflow e) {
            throw new FilterException(filter, "\"" + index.text() + "\" causes an integer overflow.", index.start(),
                    index.length());
        }
    }

    /**
     * The [from, to) byte interval this range selects in a value of {@code len} bytes, or null when it
     * does not fit entirely.
     */
    public int[] bounds(int len) {
        long from = start < 0 ? len + start : start;
        long to = switch (kind) {
            case LENGTH -> from + second;
            case END -> (second < 0 ? len + second : second) + 1;
            case TO_END -> len;
        };
        if (from < 0 || from > len || to > len || to < from || (kind != Kind.TO_END && to == from)) {
            return null;
        }
        return new int[] {(int) from, (int) to};
    }

    /** As tshark shows a range in messages: {@code 1:2}, {@code 1-2}, {@code 1:}. */
    @Override
    public String toString() {
        return start + switch (kind) {
            case LENGTH -> ":" + second;
            case END -> "-" + second;
            case TO_END -> ":";
        };
    }

    /** The ranges as tshark shows them: comma-separated. */
    public static String show(java.util.List<SliceRange> ranges) {
        StringBuilder b = new StringBuilder();
        for (SliceRange r : ranges) {
            b.append(b.length() > 0 ? "," : "").append(r);
        }
        return b.toString();
    }

    /** Whether protocol layer {@code layer} (1-based) is selected when the innermost layer is {@code max}. */
    public boolean containsLayer(int layer, int max) {
        long from = start < 0 ? max + start + 1 : start;
        long to = switch (kind) {
            case LENGTH -> from + second - 1;
            case END -> second < 0 ? max + second + 1 : second;
            case TO_END -> max;
        };
        return layer >= from && layer <= to;
    }
}
