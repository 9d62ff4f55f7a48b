package dev.dorsal.shell.query;

import dev.dorsal.engine.script.JsEngine;
import dev.dorsal.engine.script.ScriptException;
import dev.dorsal.engine.script.ScriptOptions;
import dev.dorsal.engine.script.Sandbox;
import dev.dorsal.engine.script.Watchdog;
import dev.dorsal.shell.session.Cancel;
import dev.dorsal.shell.session.Cancelled;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Progress;
import dev.dorsal.shell.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * Runs JavaScript queries over captures: the shell's {@code js} lines, {@code run SCRIPT.js}, and the
 * batch {@code dorsal run SCRIPT.js FILE...}. The script sees {@code capture}, {@code captures},
 * {@code on(...)}, {@code args}, {@code exit()} and the output helpers of {@code query.js}
 * (docs/shell.md describes the API).
 *
 * <p>The sandbox is the one JavaScript dissectors get (docs/js-api.md): only the exported API, no
 * files, network, processes, threads, Java classes or environment, unless the session's script
 * options grant them. The time limits are theirs too, applied by the engine's {@link Watchdog}: an event
 * callback may spend {@link ScriptOptions#callTimeLimit()} of CPU (2 s), and the script's own code
 * {@link ScriptOptions#loadTimeLimit()} (10 s) between two calls into Dorsal, so a loop that never
 * asks for a packet is stopped, while the time Dorsal spends reading and dissecting packets for the
 * script does not count. Ctrl-C interrupts the script at once.
 */
public final class QueryHost implements Watchdog.Watched, AutoCloseable {
    static final String PRELUDE_NAME = "dorsal-query.js";
    private static final HostAccess ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT).allowArrayAccess(true).build();

    private final Session session;
    private final ScriptOptions options;
    private final Watchdog watchdog;
    private final Context context;
    private final QueryApi api;
    private final Value dispatch;
    private final Value show;
    /** Limit of the stretch of JavaScript running now (0: none), its sequence number and thread. */
    private volatile long activeLimit;
    private volatile long callSeq;
    private volatile long callThread;
    private volatile boolean overdue;
    private volatile boolean cancelled;
    private long savedLimit;
    private int hostDepth;
    private Cancel cancel = Cancel.NEVER;
    private Progress progress = Progress.NONE;
    private String currentFile = "<js>";

    /**
     * A query context over the session's captures; {@code print} receives what the script prints
     * (whole lines), {@code args} are the script's arguments.
     */
    public QueryHost(Session session, Consumer<String> print, List<String> args) {
        this(session, new LineOutput(print), args);
    }

    /** A query context printing to {@code out} (the batch command's stdout). */
    public QueryHost(Session session, OutputStream out, List<String> args) {
        this.session = session;
        this.options = session.scriptOptions();
        this.watchdog = new Watchdog(options.callTimeLimit());
        this.api = new QueryApi(this, session, args);
        this.context = Sandbox.context(options, ACCESS, out).build();
        watchdog.watch(this);
        context.enter();
        try {
            Value init = context.eval(prelude());
            Value exports = init.execute(api);
            this.dispatch = exports.getMember("dispatch");
            this.show = exports.getMember("show");
        } finally {
            context.leave();
        }
    }

    private static Source prelude() {
        try (InputStream in = QueryHost.class.getResourceAsStream("query.js")) {
            if (in == null) {
                throw new IllegalStateException("dev/dorsal/shell/query/query.js missing from the class path");
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), PRELUDE_NAME)
                    .cached(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- running --------------------------------------------------------------------------------

    /** Sets the captures the script sees ({@code captures}; {@code capture} is the first). */
    public void bind(List<LoadedCapture> captures) {
        api.bind(captures);
    }

    /**
     * Evaluates {@code code} (a {@code js} line) and returns its value as the shell shows it ("" for
     * undefined). Errors come back as {@link ScriptException} with the line and column.
     */
    public String eval(String code, Cancel cancel, Progress progress) {
        Value v = run(code, "<js>", cancel, progress, false);
        try {
            context.enter();
            return show.execute(v).asString();
        } finally {
            context.leave();
        }
    }

    /**
     * Runs a script file's text, then its event callbacks ({@code on(...)}) over every bound capture.
     * Returns the exit code the script asked for with {@code exit(n)}, 0 otherwise.
     */
    public int runScript(String text, String file, Cancel cancel, Progress progress) {
        try {
            run(text, file, cancel, progress, true);
            return 0;
        } catch (ScriptExit e) {
            return e.code();
        }
    }

    private Value run(String code, String file, Cancel cancel, Progress progress, boolean events) {
        this.cancel = cancel;
        this.progress = progress;
        this.currentFile = file;
        cancelled = false;
        cancel.onRequest(this::cancelFromOtherThread);
        context.enter();
        try {
            Value v = timed(options.loadTimeLimit(), () -> context.eval(Source.newBuilder("js", code, file).buildLiteral()));
            if (events) {
                api.runEvents();
            }
            return v;
        } catch (PolyglotException e) {
            throw translate(e);
        } finally {
            context.leave();
            cancel.onRequest(null);
            this.cancel = Cancel.NEVER;
            this.progress = Progress.NONE;
        }
    }

    /** Calls a script's event callback under the per-call limit. */
    void callback(String event, Object payload, Object packet) {
        try {
            timed(options.callTimeLimit(), () -> dispatch.execute(event, payload, packet));
        } catch (PolyglotException e) {
            throw translate(e);
        }
    }

    private Value timed(Duration limit, Supplier<Value> call) {
        long saved = activeLimit;
        begin(limit.toNanos());
        try {
            return call.get();
        } finally {
            activeLimit = saved;
            callSeq++;
        }
    }

    private void begin(long limitNanos) {
        callThread = Thread.currentThread().threadId();
        overdue = false;
        callSeq++;
        activeLimit = limitNanos;
    }

    /** Dorsal is working for the script (reading, dissecting): the clock stops until {@link #hostExit()}. */
    void hostEnter() {
        if (hostDepth++ == 0) {
            savedLimit = activeLimit;
            activeLimit = 0;
        }
    }

    void hostExit() {
        if (--hostDepth == 0) {
            callSeq++; // a fresh stretch of script time starts now
            activeLimit = savedLimit;
        }
    }

    Cancel cancelToken() {
        return cancel;
    }

    Progress progress() {
        return progress;
    }

    private void cancelFromOtherThread() {
        cancelled = true;
        // Context.interrupt waits for the interruption; the signal handler must not.
        Thread.ofVirtual().start(() -> {
            try {
                context.interrupt(Duration.ofSeconds(5));
            } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
                // in host code: the Cancel token stops it at its next check
            }
        });
    }

    private RuntimeException translate(PolyglotException e) {
        if (e.isHostException()) {
            Throwable h = e.asHostException();
            if (h instanceof ScriptExit x) {
                return x;
            }
            if (h instanceof Cancelled c) {
                return c;
            }
            if (h instanceof ScriptException se) {
                return se;
            }
            if (h instanceof QueryError q) {
                return located(e, q.getMessage());
            }
        }
        if (cancelled || cancel.requested()) {
            return new Cancelled();
        }
        if (e.isInterrupted() || e.isCancelled() || overdue) {
            return located(e, "took longer than its time limit and was stopped (" + options.callTimeLimit().toSeconds()
                    + " s of CPU per callback, " + options.loadTimeLimit().toSeconds() + " s between two calls into Dorsal)");
        }
        if (e.isExit()) {
            return new ScriptExit(e.getExitStatus());
        }
        return located(e, e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** The error at the innermost frame of the user's script, as {@code file:line:column: message}. */
    private ScriptException located(PolyglotException e, String message) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            SourceSection s = f.getSourceLocation();
            if (f.isGuestFrame() && s != null && !PRELUDE_NAME.equals(s.getSource().getName())) {
                return new ScriptException(s.getSource().getName(), s.getStartLine(), s.getStartColumn(), message, e);
            }
        }
        return new ScriptException(currentFile, 0, 0, message, e);
    }

    // ---- Watchdog.Watched ---------------------------------------------------------------------

    @Override public long activeLimitNanos() { return activeLimit; }
    @Override public long callSeq() { return callSeq; }
    @Override public long callThread() { return callThread; }

    @Override
    public void interruptOverdue() {
        overdue = true;
        try {
            context.interrupt(Duration.ofMillis(500));
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            // the stretch may have ended meanwhile; the next poll tries again
        }
    }

    @Override
    public void close() {
        watchdog.unwatch(this);
        watchdog.stop();
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // closing a context being interrupted may race; it is unusable either way
        }
    }

    /** {@code exit(n)} in a script. */
    static final class ScriptExit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        ScriptExit(int code) {
            super("exit " + code, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    /** A script's mistake found by the API (unknown field, bad filter): reported at the script's line. */
    static final class QueryError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueryError(String message) {
            super(message); // with its stack trace: GraalJS builds the script's frames from it
        }
    }

    /** Hands what a script prints to the shell's console line by line. */
    private static final class LineOutput extends OutputStream {
        private final Consumer<String> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineOutput(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                line.write('\n');
                flushLine();
            }
        }

        private void flushLine() {
            sink.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
