package dev.dorsal.shell.repl;

import dev.dorsal.shell.session.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.NonBlockingReader;

/**
 * Where commands write. On a terminal: long output is paged (a {@code --More--} line between
 * screens: space for the next screen, Enter for one more line, q to stop), a progress bar shows how
 * far long work got, and errors are red. Piped (no terminal): plain text, errors on stderr, no paging.
 */
public final class Console {
    private final Terminal terminal;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean barShown;
    private long lastBar;

    /** A console on a terminal (interactive). */
    public Console(Terminal terminal) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.err = terminal.writer();
    }

    /** A console on plain streams (piped input or output). */
    public Console(PrintWriter out, PrintWriter err) {
        this.terminal = null;
        this.out = out;
        this.err = err;
    }

    public boolean interactive() {
        return terminal != null;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Prints {@code text} (a trailing newline is added when missing), paged on a terminal. */
    public void print(CharSequence text) {
        if (text.isEmpty()) {
            return;
        }
        clearBar();
        String s = text.toString();
        if (!s.endsWith("\n")) {
            s += "\n";
        }
        if (terminal == null || terminal.getHeight() <= 2) {
            out.print(s);
            out.flush();
            return;
        }
        page(s);
    }

    public void println(String line) {
        print(line + "\n");
    }

    /** A message about the command itself ("12 of 40 frames"), dimmed on a terminal. */
    public void note(String line) {
        clearBar();
        if (terminal == null) {
            out.println(line);
        } else {
            out.println(new AttributedString(line, AttributedStyle.DEFAULT.faint()).toAnsi(terminal));
        }
        out.flush();
    }

    /** An error: red on a terminal, on stderr when piped. */
    public void error(String message) {
        clearBar();
        if (terminal == null) {
            out.flush();
            err.println(message);
            err.flush();
        } else {
            out.println(new AttributedString(message, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal));
            out.flush();
        }
    }

    private void page(String s) {
        int height = terminal.getHeight() - 1;
        int shown = 0;
        int start = 0;
        int allowed = height;
        while (start < s.length()) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl + 1;
            out.write(s, start, end - start);
            start = end;
            shown++;
            if (shown >= allowed && start < s.length()) {
                int key = more();
                if (key == 'q' || key == 'Q' || key < 0) {
                    break;
                }
                allowed = shown + (key == '\r' || key == '\n' ? 1 : height);
            }
        }
        out.flush();
    }

    /** Shows the --More-- line and waits for a key; returns it (-1 at end of input or on Ctrl-C). */
    private int more() {
        String prompt = "--More-- (space: next page, Enter: next line, q: stop)";
        out.print(new AttributedString(prompt, AttributedStyle.INVERSE).toAnsi(terminal));
        out.flush();
        var attrs = terminal.enterRawMode();
        int c;
        try {
            NonBlockingReader r = terminal.reader();
            c = r.read();
        } catch (IOException e) {
            c = -1;
        } finally {
            terminal.setAttributes(attrs);
        }
        out.print("\r" + " ".repeat(prompt.length()) + "\r");
        out.flush();
        return c == 3 ? -1 : c;
    }

    /** A progress bar on the terminal's last line; nothing when piped. */
    public Progress progress() {
        if (terminal == null) {
            return Progress.NONE;
        }
        return new Progress() {
            @Override
            public void update(String what, long done, long total) {
                long now = System.nanoTime();
                if (barShown && now - lastBar < 100_000_000L) {
                    return; // at most ten redraws a second
                }
                lastBar = now;
                int width = Math.max(10, Math.min(40, terminal.getWidth() - what.length() - 12));
                StringBuilder sb = new StringBuilder("\r").append(what).append(" [");
                if (total > 0) {
                    int filled = (int) Math.min(width, width * done / total);
                    sb.append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ")
                            .append(Math.min(100, 100 * done / total)).append('%');
                } else {
                    sb.append(done).append("]");
                }
                sb.append("\u001b[K");
                out.print(sb);
                out.flush();
                barShown = true;
            }

            @Override
            public void done() {
                clearBar();
            }
        };
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r\u001b[K");
            out.flush();
            barShown = false;
        }
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
