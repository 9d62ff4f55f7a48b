package dev.dorsal.shell.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a live capture ends the capture the way tshark does: the packets
 * so far are printed and saved, the counts reported, and the exit code is the run's own (0), not 130.
 *
 * <p>The JVM turns the signal into a shutdown; {@link #install()} adds a hook that, while a capture is
 * running ({@link #whileCapturing}), stops it, waits for the run to finish its output
 * ({@link #finished}) and halts with the run's exit code. Outside a capture the hook does nothing and
 * the JVM exits as usual. Only {@code Main.main} installs it: in-process runs (tests) have no hook.
 */
public final class Interrupts {
    /** How long the hook waits for a stopped capture to write its last packets and counts. */
    private static final long FINISH_WAIT_SECONDS = 30;

    private static volatile Runnable runningStop;
    private static volatile int exitCode;
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private Interrupts() {}

    /** Adds the shutdown hook; call once, from the process's main method. */
    public static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(Interrupts::onShutdown, "dorsal-interrupt"));
    }

    /** The run is over and its output flushed: an interrupt that came during the capture may now halt. */
    public static void finished(int code) {
        exitCode = code;
        FINISHED.countDown();
    }

    /** Registers how to stop the running capture; closing the returned handle unregisters it. */
    static Registration whileCapturing(Runnable stop) {
        runningStop = stop;
        return () -> runningStop = null;
    }

    /** A registered stop action; {@link #close()} removes it. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Stops the running capture as Ctrl-C does (what it had captured is still printed and saved);
     * false when no capture is running.
     */
    public static boolean stopCapture() {
        Runnable stop = runningStop;
        if (stop == null) {
            return false;
        }
        stop.run();
        return true;
    }

    /** True while a live capture is running (its device open and capturing). */
    public static boolean capturing() {
        return runningStop != null;
    }

    private static void onShutdown() {
        if (!stopCapture()) {
            return; // a normal exit, or a signal outside a capture
        }
        try {
            if (FINISHED.await(FINISH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                Runtime.getRuntime().halt(exitCode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
