package dev.dorsal.spark.read;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.script.ScriptException;
import dev.dorsal.engine.script.ScriptHost;
import dev.dorsal.spark.ReadOptions;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JavaScript dissectors in an executor. A JVM has one registry, and a script's dissectors enter its
 * tables, where every task of the JVM would meet them; a script context also runs on one thread at a
 * time. So a task with scripts holds this JVM's gate alone (loading its scripts, dissecting, then
 * unloading them), while tasks without scripts share it. Executors with one core each, or scans
 * without scripts, lose nothing to the gate. The driver passes the gate too when it loads the
 * scripts to type their fields (in local mode it shares the JVM with the tasks).
 */
public final class ScriptGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptGate.class);
    private static final ReentrantReadWriteLock GATE = new ReentrantReadWriteLock(true);

    private final ScriptHost host;
    private final boolean exclusive;
    private boolean closed;

    private ScriptGate(ScriptHost host, boolean exclusive) {
        this.host = host;
        this.exclusive = exclusive;
    }

    /**
     * Waits for the gate, then loads {@code scripts} (none: a shared pass). A script that fails to load
     * is an IllegalArgumentException naming its file and line when {@code strict} (the driver, before
     * any task runs), else logged and skipped.
     */
    public static ScriptGate enter(List<ReadOptions.Script> scripts, Registry registry, boolean strict) {
        if (scripts.isEmpty()) {
            GATE.readLock().lock();
            return new ScriptGate(null, false);
        }
        GATE.writeLock().lock();
        try {
            ScriptHost host = new ScriptHost(registry);
            for (ReadOptions.Script s : scripts) {
                try {
                    host.load(s.name(), s.source());
                } catch (ScriptException e) {
                    if (strict) {
                        host.close();
                        throw new IllegalArgumentException("dorsal: " + e.getMessage(), e);
                    }
                    LOG.warn("dorsal: {}", e.getMessage());
                }
            }
            return new ScriptGate(host, true);
        } catch (RuntimeException | Error e) {
            GATE.writeLock().unlock();
            throw e;
        }
    }

    /** Fields the scripts read (their extractors), for the dissection's interest. */
    BitSet interest() {
        return host == null ? new BitSet() : host.interest();
    }

    boolean wantsAllFields() {
        return host != null && host.wantsAllFields();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (host != null) {
                host.close();
            }
        } finally {
            if (exclusive) {
                GATE.writeLock().unlock();
            } else {
                GATE.readLock().unlock();
            }
        }
    }
}
