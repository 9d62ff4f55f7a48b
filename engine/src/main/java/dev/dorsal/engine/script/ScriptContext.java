package dev.dorsal.engine.script;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One loaded script: its own sandboxed GraalJS context on the shared engine, the protocols, fields
 * and experts it declared, and the table entries it made (undone on reload). Every call into the
 * script goes through here, under the watchdog's deadline, with errors contained and counted.
 */
final class ScriptContext implements Watchdog.Watched {
    /** Only {@code @HostAccess.Export} members, plus reading host arrays (the packet bytes). */
    static final HostAccess API_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT).allowArrayAccess(true).build();

    static final int KIND_DISSECTOR = 0;
    static final int KIND_HEURISTIC = 1;

    final ScriptHost host;
    final String file;
    final String source;
    private final Context context;
    private final Value entry;
    private final Value newCapture;
    private final Value tapEntry;
    private final Value drawEntry;
    private final Value resetEntry;
    final List<ScriptProto> protos = new ArrayList<>();
    final List<FieldDef> fields = new ArrayList<>();
    final List<ExpertDef> experts = new ArrayList<>();
    final List<List<FieldDef>> extractors = new ArrayList<>();
    final List<ScriptListener> listeners = new ArrayList<>();
    final List<TableUndo> undo = new ArrayList<>();
    final List<String> heuristics = new ArrayList<>();
    /** Per-field "a consumer wants this field" flags, refreshed by Java before each call, read by the script. */
    byte[] wanted = new byte[0];
    private boolean wantedAllOnes;
    private int wantedGeneration = 1;
    private final Key<Object> captureKey = Key.of("script.capture");
    final Key<ScriptConversations> conversationsKey = Key.of("script.conversations");
    private Object captureToken;
    /** Time limit of the running outer call in ns (0: no call running); its sequence number and thread. */
    private volatile long activeLimit;
    private volatile long callSeq;
    private volatile long callThread;
    private int depth;
    private volatile boolean overdue;
    private volatile boolean closed;
    private final AtomicLong calls = new AtomicLong();
    private long errors;
    private long timeouts;
    private String lastError;
    /** The tree of the packet being dissected or tapped, for field extractors. */
    PacketTree currentTree;

    record TableUndo(dev.dorsal.engine.spi.DissectorTable table, Object key, dev.dorsal.engine.spi.DissectorHandle previous,
            dev.dorsal.engine.spi.DissectorHandle added) {}

    ScriptContext(ScriptHost host, String file, String source) {
        this.host = host;
        this.file = file;
        this.source = source;
        ScriptOptions o = host.options();
        this.context = Sandbox.context(o, API_ACCESS, o.out()).build();
        boolean ok = false;
        try {
            context.enter();
            try {
                Value init = context.eval(host.prelude());
                Value api = init.execute(new RegistrationApi(this), new PacketApi(this));
                this.entry = api.getMember("entry");
                this.newCapture = api.getMember("newCapture");
                this.tapEntry = api.getMember("tap");
                this.drawEntry = api.getMember("draw");
                this.resetEntry = api.getMember("reset");
                Value commit = api.getMember("commit");
                runTopLevel(o.loadTimeLimit());
                commit.execute();
                wanted = new byte[fields.size()];
                api.getMember("setWanted").execute(wanted);
                ok = true;
            } finally {
                context.leave();
            }
        } catch (PolyglotException e) {
            throw ScriptException.of(e, file);
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    private void runTopLevel(Duration limit) {
        Source src = Source.newBuilder("js", source, file).buildLiteral();
        host.watchdog().watch(this);
        begin(limit.toNanos());
        try {
            context.eval(src);
        } catch (PolyglotException e) {
            if (e.isInterrupted() || e.isCancelled()) {
                throw new ScriptException(file, 0, 0, "loading took longer than " + limit.toMillis() + " ms", e);
            }
            throw e;
        } finally {
            end();
        }
    }

    private void begin(long limitNanos) {
        callThread = Thread.currentThread().threadId();
        callSeq++;
        activeLimit = limitNanos;
    }

    private void end() {
        activeLimit = 0;
        overdue = false;
    }

    // ---- calls ---------------------------------------------------------------------------------

    int callDissector(ScriptProto proto, int idx, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Value r = call(proto, KIND_DISSECTOR, idx, tvb, pinfo, tree);
        return r.fitsInInt() ? r.asInt() : (int) r.asDouble();
    }

    boolean callHeuristic(ScriptProto proto, int fn, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return call(proto, KIND_HEURISTIC, fn, tvb, pinfo, tree).asBoolean();
    }

    private Value call(ScriptProto proto, int kind, int idx, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        PacketTree pt = tree.tree();
        boolean outer = depth == 0;
        PacketTree savedTree = currentTree;
        currentTree = pt;
        if (outer) {
            begin(host.options().callTimeLimit().toNanos());
        }
        depth++;
        calls.incrementAndGet();
        try {
            Object token = pinfo.state(captureKey, Object::new);
            if (token != captureToken) {
                captureToken = token;
                newCapture.execute();
            }
            int generation = refreshWanted(pt);
            return entry.execute(kind, idx, tvb, tvb.backingArray(), tvb.start(), tvb.length(), tvb.reportedLength(),
                    pinfo, tree, pt.detailed(), generation);
        } catch (PolyglotException e) {
            throw translate(proto, e);
        } finally {
            depth--;
            currentTree = savedTree;
            if (outer) {
                end();
            }
        }
    }

    /**
     * Refreshes the wanted flags for this tree; returns their generation, which changes only when a flag
     * did, so the script copies them into its own array only then (reading a host array costs a crossing).
     */
    private int refreshWanted(PacketTree pt) {
        byte[] w = wanted;
        if (pt.detailed()) {
            if (!wantedAllOnes) {
                Arrays.fill(w, (byte) 1);
                wantedAllOnes = true;
                wantedGeneration++;
            }
            return wantedGeneration;
        }
        List<FieldDef> fs = fields;
        boolean changed = wantedAllOnes;
        wantedAllOnes = false;
        for (int i = 0; i < w.length; i++) {
            byte b = pt.wants(fs.get(i)) ? (byte) 1 : 0;
            if (w[i] != b) {
                w[i] = b;
                changed = true;
            }
        }
        if (changed) {
            wantedGeneration++;
        }
        return wantedGeneration;
    }

    /** Bounds errors pass through unchanged (the driver marks the packet); the rest are counted. */
    private RuntimeException translate(ScriptProto proto, PolyglotException e) {
        if (e.isHostException()) {
            Throwable h = e.asHostException();
            if (h instanceof RuntimeException re && !(h instanceof ScriptException)) {
                if (!(h instanceof MalformedException) && !(h instanceof dev.dorsal.engine.spi.TruncatedException)) {
                    recordError(h.toString());
                }
                return re;
            }
            if (h instanceof ScriptException se) {
                return se;
            }
        }
        if (e.isInterrupted() || e.isCancelled() || overdue) {
            long n;
            synchronized (this) {
                n = ++timeouts;
            }
            int max = host.options().maxTimeouts();
            String msg = "call took longer than " + host.options().callTimeLimit().toMillis() + " ms and was interrupted";
            if (proto != null && n >= max) {
                for (ScriptProto p : protos) {
                    p.disabled = true;
                }
                msg += "; " + n + " timeouts: dissectors of this script switched off";
            }
            lastError = msg;
            return new ScriptException(file, 0, 0, msg, e);
        }
        ScriptException se = ScriptException.of(e, file);
        recordError(se.getMessage());
        return se;
    }

    private synchronized void recordError(String msg) {
        errors++;
        lastError = msg;
    }

    @Override
    public long activeLimitNanos() {
        return activeLimit;
    }

    @Override
    public long callSeq() {
        return callSeq;
    }

    @Override
    public long callThread() {
        return callThread;
    }

    /** Called by the watchdog thread when the current call is past its deadline. */
    @Override
    public void interruptOverdue() {
        if (closed) {
            return;
        }
        overdue = true;
        try {
            context.interrupt(Duration.ofMillis(500));
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            // The call may have ended meanwhile, or is stuck in host code: try again at the next poll.
        }
    }

    // ---- taps ----------------------------------------------------------------------------------

    void tap(ScriptListener l, TapPacket packet) {
        PacketTree saved = currentTree;
        currentTree = packet.packet().tree();
        begin(host.options().callTimeLimit().toNanos());
        calls.incrementAndGet();
        try {
            Tvb tvb = packet.tvb();
            tapEntry.execute(l.index, packet, tvb, tvb.backingArray(), tvb.start(), tvb.length(), tvb.reportedLength());
        } catch (PolyglotException e) {
            throw translate(null, e);
        } finally {
            currentTree = saved;
            end();
        }
    }

    void draw(ScriptListener l) {
        runSimple(drawEntry, l.index);
    }

    void reset(ScriptListener l) {
        runSimple(resetEntry, l.index);
    }

    private void runSimple(Value fn, int idx) {
        begin(host.options().callTimeLimit().toNanos());
        try {
            fn.execute(idx);
        } catch (PolyglotException e) {
            throw translate(null, e);
        } finally {
            end();
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    boolean closed() {
        return closed;
    }

    ScriptStats stats() {
        boolean disabled = !protos.isEmpty() && protos.stream().allMatch(p -> p.disabled && p.context() == this);
        synchronized (this) {
            return new ScriptStats(file, calls.get(), errors, timeouts, disabled, lastError);
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        host.watchdog().unwatch(this);
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // Closing a context that is being cancelled may race; it is unusable either way.
        }
    }
}
