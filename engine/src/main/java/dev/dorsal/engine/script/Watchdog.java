package dev.dorsal.engine.script;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interrupts script calls that run too long. One daemon thread polls a few times per limit; a call
 * costs the dissecting thread only a few plain writes. The limit is on the CPU time the call's thread
 * spent since the watchdog first saw the call (so a machine busy with other work does not cut calls
 * short), with a wall-clock backstop of ten limits for a call that waits without spending CPU.
 *
 * <p>Public so that other hosts of JavaScript (the shell's query scripts) put their calls under the
 * same limits as dissectors: they implement {@link Watched}.
 */
public final class Watchdog {
    /** Something whose calls the watchdog times: a dissector script's context, a query script. */
    public interface Watched {
        /** Time limit of the call running now in ns, 0 when no call is running. */
        long activeLimitNanos();

        /** Changes whenever a new call (or a new timed stretch of one) starts. */
        long callSeq();

        /** Id of the thread running the call. */
        long callThread();

        /** Called from the watchdog's thread when the running call is past its limit: interrupt it. */
        void interruptOverdue();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What the watchdog saw of one context's current call. */
    private static final class Seen {
        long seq = -1;
        long cpu;
        long wall;
    }

    private final Map<Watched, Seen> watched = new ConcurrentHashMap<>();
    private final long pollMillis;
    private volatile boolean stopped;
    private Thread thread;

    /** A watchdog that polls often enough for calls limited to {@code limit} (a quarter of it, 5 to 250 ms). */
    public Watchdog(Duration limit) {
        this.pollMillis = Math.max(5, Math.min(250, limit.toMillis() / 4));
    }

    /** Starts timing the calls of {@code c} (and the watchdog's thread, on first use). */
    public synchronized void watch(Watched c) {
        watched.putIfAbsent(c, new Seen());
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("dorsal-js-watchdog").start(this::run);
        }
    }

    public void unwatch(Watched c) {
        watched.remove(c);
    }

    private void run() {
        boolean cpuTime = THREADS.isThreadCpuTimeSupported();
        while (!stopped) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Map.Entry<Watched, Seen> e : watched.entrySet()) {
                Watched c = e.getKey();
                long limit = c.activeLimitNanos();
                if (limit == 0) {
                    continue;
                }
                Seen s = e.getValue();
                long seq = c.callSeq();
                long cpu;
                try {
                    cpu = cpuTime ? THREADS.getThreadCpuTime(c.callThread()) : now;
                } catch (RuntimeException x) {
                    cpu = -1; // the thread is gone: only the wall-clock backstop applies
                }
                if (seq != s.seq) {
                    s.seq = seq;
                    s.cpu = cpu;
                    s.wall = now;
                } else if ((cpu >= 0 && cpu - s.cpu > limit) || now - s.wall > 10 * limit) {
                    c.interruptOverdue();
                }
            }
        }
    }

    /** Ends the watchdog's thread. */
    public void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
