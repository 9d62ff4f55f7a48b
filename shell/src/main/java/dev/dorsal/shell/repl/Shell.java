package dev.dorsal.shell.repl;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.script.ScriptException;
import dev.dorsal.shell.query.QueryHost;
import dev.dorsal.shell.session.Cancel;
import dev.dorsal.shell.session.Cancelled;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Progress;
import dev.dorsal.shell.session.Session;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The shell's state as commands see it: the session, the console, the Ctrl-C token of the command
 * running, and the JavaScript context of {@code js}. {@link #execute} runs one command line and turns
 * every failure into a message.
 */
public final class Shell implements AutoCloseable {
    private final Session session;
    private final Console console;
    private final Commands commands;
    private volatile Cancel cancel = new Cancel();
    private QueryHost js;
    private boolean exitRequested;
    private boolean jsMode;
    private int failures;

    public Shell(Session session, Console console) {
        this.session = session;
        this.console = console;
        this.commands = new Commands();
    }

    public Session session() { return session; }
    public Console console() { return console; }
    public Commands commands() { return commands; }
    public Cancel cancel() { return cancel; }
    public Progress progress() { return console.progress(); }

    /** Asks the running command to stop (Ctrl-C). */
    public void interrupt() {
        cancel.request();
    }

    /** The current capture; fails with a hint when none is open. */
    public LoadedCapture capture() throws CommandException {
        LoadedCapture c = session.current();
        if (c == null) {
            throw new CommandException("no capture open: open FILE first");
        }
        return c;
    }

    /** Compiles a display filter; a bad one fails with tshark's message (caret line included). */
    public DisplayFilter compile(String text) throws CommandException {
        try {
            return DisplayFilter.compile(text, session.registry().fields());
        } catch (FilterException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /** The JavaScript context of {@code js} and {@code :js}, kept between lines. */
    public QueryHost js() {
        if (js == null) {
            js = new QueryHost(session, console::print, java.util.List.of());
        }
        return js;
    }

    /** Columns for summary lines, plus the fields loaded scripts read. */
    public dev.dorsal.engine.dissect.DissectionOptions summaryOptions() {
        return new dev.dorsal.engine.dissect.DissectionOptions(false, session.scriptInterest(), true, true);
    }

    public void requestExit() { exitRequested = true; }
    public boolean exitRequested() { return exitRequested; }
    public boolean jsMode() { return jsMode; }
    public void setJsMode(boolean on) { jsMode = on; }

    /** Commands that failed so far (the exit status of a piped session). */
    public int failures() { return failures; }

    /** Runs one line: a command, or JavaScript in {@code :js} mode. */
    public void execute(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        cancel = new Cancel();
        try {
            if (jsMode) {
                if (text.equals(":js") || text.equals(":q") || text.equals(".exit") || text.equals(":end")) {
                    jsMode = false;
                    console.note("back to commands");
                    return;
                }
                commands.find("js").run(this, Args.parse(line));
                return;
            }
            int sp = 0;
            while (sp < text.length() && !Character.isWhitespace(text.charAt(sp))) {
                sp++;
            }
            String name = text.substring(0, sp).toLowerCase(Locale.ROOT);
            Command c = commands.find(name);
            if (c == null) {
                throw new CommandException("unknown command: " + name + " (help lists the commands)");
            }
            c.run(this, Args.parse(text.substring(sp)));
        } catch (CommandException e) {
            fail(e.getMessage());
        } catch (Cancelled e) {
            failures++;
            console.error("cancelled");
        } catch (CaptureFileException e) {
            fail(e.tsharkMessage().replace("tshark: ", ""));
        } catch (ScriptException e) {
            fail(e.getMessage());
        } catch (UncheckedIOException e) {
            fail("read error: " + e.getCause().getMessage());
        } catch (Exception e) {
            // Not the user's mistake: say what broke in one line, no stack trace.
            fail("internal error: " + e);
        } finally {
            cancel.onRequest(null);
        }
    }

    private void fail(String message) {
        failures++;
        console.error(message);
    }

    @Override
    public void close() {
        if (js != null) {
            js.close();
        }
        session.close();
    }
}
