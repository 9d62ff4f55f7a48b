package dev.dorsal.shell.repl;

import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line as it is typed: the command name bold, and a filter green while it compiles and
 * red when it does not, with the compiler's message (tshark's) on the line below, as Wireshark's
 * filter bar does.
 */
final class ReplHighlighter implements Highlighter {
    private static final AttributedStyle VALID = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle INVALID = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle COMMAND = AttributedStyle.BOLD;

    private final Shell shell;

    ReplHighlighter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (shell.jsMode()) {
            return sb.append(buffer).toAttributedString();
        }
        int start = 0;
        while (start < buffer.length() && Character.isWhitespace(buffer.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
            end++;
        }
        String name = buffer.substring(start, end);
        sb.append(buffer.substring(0, start));
        Command c = shell.commands().find(name);
        sb.styled(c != null ? COMMAND : AttributedStyle.DEFAULT, name);
        String rest = buffer.substring(end);
        if (c == null || c.argKind() != Command.ArgKind.FILTER || rest.isBlank()) {
            return sb.append(rest).toAttributedString();
        }
        String error = error(rest.strip());
        sb.styled(error == null ? VALID : INVALID, rest);
        // The message goes under the line only when highlighting the whole buffer (JLine also highlights
        // the text before the cursor to place it, and the message must not count there).
        if (error != null && reader != null && buffer.equals(reader.getBuffer().toString())) {
            sb.append("\n");
            sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).faint(), error);
        }
        return sb.toAttributedString();
    }

    /** The compiler's first message line for {@code text}, or null when it compiles. */
    String error(String text) {
        try {
            DisplayFilter.compile(text, shell.session().registry().fields());
            return null;
        } catch (FilterException e) {
            return e.getMessage().lines().findFirst().orElse("invalid filter");
        }
    }

    @Override public void setErrorPattern(Pattern errorPattern) { }
    @Override public void setErrorIndex(int errorIndex) { }
}
