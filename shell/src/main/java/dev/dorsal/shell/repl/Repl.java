package dev.dorsal.shell.repl;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.shell.repl.commands.SetCommand;
import dev.dorsal.shell.session.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell ({@code dorsal} without arguments, or {@code dorsal FILE...}). On a terminal:
 * JLine line editing (emacs keys, or vi with {@code set editing-mode vi} or an inputrc), history in
 * {@code ~/.dorsal_history} ({@code DORSAL_HISTORY} overrides), completion and highlighting, Ctrl-C
 * stopping the running command and Ctrl-D leaving. Piped input runs the same commands line by line
 * with no prompt, for scripts and CI; the exit status is 1 when a command failed.
 */
public final class Repl {
    private static final String PROMPT_SUFFIX = "> ";

    private Repl() {}

    /** Runs the shell; {@code files} are opened first. Returns the exit status. */
    public static int run(List<String> files, InputStream in, PrintStream out, PrintStream err, Registry registry) {
        boolean terminal = System.console() != null && System.console().isTerminal() && !Boolean.getBoolean("dorsal.plain");
        return terminal ? interactive(files, registry) : piped(files, in, out, err, registry);
    }

    private static int piped(List<String> files, InputStream in, PrintStream out, PrintStream err, Registry registry) {
        PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try (Shell shell = new Shell(new Session(registry), new Console(o, e))) {
            openFiles(shell, files);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder pending = new StringBuilder();
            for (String line; !shell.exitRequested() && (line = r.readLine()) != null; ) {
                pending.append(line);
                boolean js = shell.jsMode() || pending.toString().stripLeading().startsWith("js ");
                if (js && ReplParser.open(pending.toString()) > 0) {
                    pending.append('\n');
                    continue;
                }
                shell.execute(pending.toString());
                pending.setLength(0);
            }
            if (!pending.isEmpty()) {
                shell.execute(pending.toString());
            }
            o.flush();
            return shell.failures() > 0 ? 1 : 0;
        } catch (IOException x) {
            e.println("dorsal: cannot read the commands: " + x.getMessage());
            return 1;
        }
    }

    private static int interactive(List<String> files, Registry registry) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().name("dorsal").system(true).nativeSignals(true).build();
        } catch (IOException x) {
            System.err.println("dorsal: no terminal: " + x.getMessage());
            return 1;
        }
        Console console = new Console(terminal);
        try (terminal; Shell shell = new Shell(new Session(registry), console)) {
            terminal.handle(Terminal.Signal.INT, s -> shell.interrupt());
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("dorsal")
                    .parser(new ReplParser(shell))
                    .completer(new ReplCompleter(shell))
                    .highlighter(new ReplHighlighter(shell))
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.HISTORY_SIZE, 5000)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ") // also pads the filter error line
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is filter negation
                    .option(LineReader.Option.AUTO_FRESH_LINE, true)
                    .build();
            inputrc(reader);
            SetCommand.onEditingMode(mode -> reader.setKeyMap(mode.equals("vi") ? LineReader.VIINS : LineReader.EMACS));
            console.note("Dorsal shell: help lists the commands, Tab completes, Ctrl-D leaves.");
            openFiles(shell, files);
            while (!shell.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(prompt(shell));
                } catch (UserInterruptException x) {
                    continue; // Ctrl-C at the prompt clears the line
                } catch (EndOfFileException x) {
                    if (shell.jsMode()) {
                        shell.setJsMode(false);
                        continue;
                    }
                    break;
                }
                shell.execute(line);
            }
            try {
                reader.getHistory().save();
            } catch (IOException x) {
                console.error("history not saved: " + x.getMessage());
            }
            return 0;
        } catch (IOException x) {
            return 0; // closing the terminal failed: nothing left to do
        } finally {
            SetCommand.onEditingMode(null);
        }
    }

    private static void openFiles(Shell shell, List<String> files) {
        if (!files.isEmpty()) {
            shell.execute("open " + String.join(" ", files.stream().map(Repl::quote).toList()));
        }
    }

    private static String quote(String s) {
        return s.contains(" ") || s.contains("'") ? "\"" + s + "\"" : s;
    }

    /** "http.pcap> ", "big.pcap 40%> ", "http.pcap [tcp.port == 80]> ", "js> ". */
    static String prompt(Shell shell) {
        if (shell.jsMode()) {
            return "js" + PROMPT_SUFFIX;
        }
        var c = shell.session().current();
        if (c == null) {
            return "dorsal" + PROMPT_SUFFIX;
        }
        StringBuilder sb = new StringBuilder(c.name());
        if (!c.indexingDone()) {
            sb.append(' ').append(Math.round(c.indexFraction() * 100)).append('%');
        }
        if (c.filter() != null) {
            String f = c.filter().text();
            sb.append(" [").append(f.length() > 30 ? f.substring(0, 29) + "…" : f).append(']');
        }
        return sb.append(PROMPT_SUFFIX).toString();
    }

    static Path historyFile() {
        String override = System.getenv("DORSAL_HISTORY");
        return override != null && !override.isEmpty() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".dorsal_history");
    }

    /** Applies ~/.inputrc (INPUTRC overrides), where "set editing-mode vi" chooses vi keys. */
    private static void inputrc(LineReader reader) {
        String env = System.getenv("INPUTRC");
        Path p = env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".inputrc");
        if (Files.isReadable(p)) {
            try {
                org.jline.reader.impl.InputRC.configure(reader, p.toUri().toURL());
            } catch (IOException | RuntimeException x) {
                // a broken inputrc leaves the default keys
            }
        }
    }
}
