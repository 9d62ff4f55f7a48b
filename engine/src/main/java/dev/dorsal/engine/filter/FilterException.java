package dev.dorsal.engine.filter;

/**
 * A display filter that does not compile, with tshark's message and, when tshark shows one, the place
 * it points at. {@link #getMessage()} is the text tshark prints after {@code "tshark: "}: the message,
 * then the filter indented by four spaces and a caret line under the offending span.
 *
 * <pre>
 * "70000" too big for this field, maximum 65535.
 *     tcp.port == 70000
 *                 ^~~~~
 * </pre>
 */
public class FilterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String filter;
    private final String shortMessage;
    private final int start;
    private final int length;

    /**
     * @param filter the filter text as given
     * @param message the message line
     * @param start char index of the offending span, or -1 when tshark shows no location
     * @param length length of the span (a caret is drawn even for 0)
     */
    public FilterException(String filter, String message, int start, int length) {
        super(message);
        this.filter = filter;
        this.shortMessage = message;
        this.start = start;
        this.length = length;
    }

    /** The message line, then (with a location) the filter and the caret line, joined by newlines. */
    @Override
    public String getMessage() {
        if (start < 0) {
            return shortMessage;
        }
        // tshark counts columns in bytes of the UTF-8 filter, so non-ASCII text shifts the caret.
        int from = Math.min(start, filter.length());
        int to = Math.min(start + Math.max(length, 0), filter.length());
        int pad = utf8Length(filter.substring(0, from));
        int width = Math.max(1, utf8Length(filter.substring(from, to)) + Math.max(0, start + length - to));
        StringBuilder b = new StringBuilder(shortMessage).append('\n');
        b.append("    ").append(filter).append('\n');
        b.append("    ").append(" ".repeat(pad + Math.max(0, start - from))).append('^');
        b.append("~".repeat(width - 1));
        return b.toString();
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** The message line alone. */
    public String shortMessage() {
        return shortMessage;
    }

    /** Char index of the offending span in the filter, or -1 when there is none. */
    public int start() {
        return start;
    }

    /** Length of the offending span (0 without a location). */
    public int length() {
        return start < 0 ? 0 : length;
    }

    /** The filter text the error is about. */
    public String filter() {
        return filter;
    }
}
