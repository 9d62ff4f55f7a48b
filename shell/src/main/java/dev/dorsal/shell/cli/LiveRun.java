package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.CaptureWriteException;
import dev.dorsal.engine.capture.InterfaceStatistics;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.live.CaptureStats;
import dev.dorsal.engine.live.LiveCapture;
import dev.dorsal.engine.live.LiveCaptureException;
import dev.dorsal.engine.live.LiveInterface;
import dev.dorsal.engine.live.LiveOptions;
import dev.dorsal.engine.registry.Registry;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * A live capture with tshark's behaviour: "Capturing on 'Loopback: lo'" on stderr, each displayed
 * packet printed (and flushed) as it arrives and saved with {@code -w}, then, when {@code -c},
 * {@code -a} or Ctrl-C ends it, libpcap's drop count ("N packets dropped from IFACE", only when there
 * were drops) and "N packets captured" on stderr. When stderr is a terminal and packets are not being
 * printed to one, tshark shows a running count instead of the final line, and so does this.
 */
final class LiveRun {
    /** How often the running count on a terminal is redrawn. */
    private static final long COUNT_REDRAW_MILLIS = 200;

    private final Plan plan;
    private final Plan.Live live;
    private final Registry registry;
    private final PrintStream out;
    private final PrintStream err;

    LiveRun(Plan plan, Registry registry, PrintStream out, PrintStream err) {
        this.plan = plan;
        this.live = plan.live();
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    int execute() throws UsageError {
        LiveInterface device;
        try {
            device = InterfaceChoice.choose(live.device());
        } catch (LiveCaptureException e) {
            throw new UsageError(e.getMessage(), InterfaceChoice.exitCode(e));
        }
        boolean printing = plan.formatter() != null;
        boolean runningCount = !live.quiet() && !live.reallyQuiet() && Terminals.isTerminal(Terminals.STDERR)
                && !(printing && Terminals.isTerminal(Terminals.STDOUT));
        if (!live.reallyQuiet()) {
            err.println("Capturing on '" + device.displayName() + "'");
        }
        LiveCapture capture;
        try {
            capture = LiveCapture.open(new LiveOptions(device.name(), live.snapLen(), live.promiscuous(),
                    live.captureFilter(), live.bufferBytes()));
        } catch (LiveCaptureException e) {
            err.println(BatchCommand.PREFIX + e.getMessage());
            if (e.kind() != LiveCaptureException.Kind.NO_LIBPCAP) {
                report(0, null, device, false);
            }
            return InterfaceChoice.exitCode(e);
        }
        LiveSaver saver;
        try {
            saver = plan.save() == null ? null : new LiveSaver(plan.save(), plan.stop(), capture.interfaceInfo(), out);
        } catch (CaptureWriteException e) {
            capture.close();
            err.println(BatchCommand.PREFIX + cannotSave(e) + "\n");
            report(0, null, device, false);
            return BatchCommand.EXIT_USAGE;
        }
        Counter counter = new Counter(runningCount);
        PacketPipeline pipeline = new PacketPipeline(plan, registry, out);
        pipeline.context(1, List.of(device.name())); // frames show interface 0 of section 1, as tshark's via dumpcap
        String failure;
        CaptureStats stats = null;
        Interrupts.Registration signal = Interrupts.whileCapturing(capture::stop);
        try (capture) {
            failure = loop(capture, pipeline, saver, counter);
            stats = capture.stats();
            if (saver != null) {
                long end = nowNanos();
                saver.finish(stats == null ? null
                        : new InterfaceStatistics(end, capture.startNanos(), end, stats.received(), stats.dropped()));
            }
        } catch (CaptureWriteException e) {
            failure = e.tsharkMessage();
        } catch (IOException e) {
            failure = e.getMessage();
        } finally {
            signal.close();
            closeQuietly(saver);
        }
        pipeline.finish();
        if (failure != null) {
            err.println(BatchCommand.PREFIX + failure);
        }
        report(counter.captured, stats, device, runningCount);
        for (String bug : pipeline.bugReports()) {
            err.println(BatchCommand.PREFIX + "dissector bug: " + bug);
        }
        return failure == null ? BatchCommand.EXIT_OK : BatchCommand.EXIT_USAGE;
    }

    /** dumpcap's sentence for an output file it cannot create, with the system's reason. */
    static String cannotSave(CaptureWriteException e) {
        String reason = switch (e.kind()) {
            case PATH_NOT_FOUND -> "No such file or directory";
            case NO_PERMISSION -> "Permission denied";
            case IS_DIRECTORY -> "Is a directory";
            default -> e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "I/O error";
        };
        return "The file to which the capture would be saved (\"" + e.fileName() + "\") could not be opened: "
                + reason + ".";
    }

    private static void closeQuietly(LiveSaver saver) {
        if (saver != null) {
            try {
                saver.close();
            } catch (IOException ignored) {
                // the capture's own failure, if any, is the one reported
            }
        }
    }

    /** Captures until a stop condition or {@link LiveCapture#stop()}; returns an error message, or null. */
    private String loop(LiveCapture capture, PacketPipeline pipeline, LiveSaver saver, Counter counter)
            throws IOException {
        CaptureArgs.Autostop stop = plan.stop();
        long deadline = stop.durationSeconds() < 0 ? Long.MAX_VALUE
                : System.currentTimeMillis() + (long) (stop.durationSeconds() * 1000);
        long fileLimit = plan.save() != null && !plan.save().ring().on() ? stop.filesizeKb() * 1000 : 0;
        long written = 0;
        while (counter.captured < plan.count() && System.currentTimeMillis() < deadline) {
            RawFrame frame;
            try {
                frame = capture.poll();
            } catch (LiveCaptureException e) {
                return e.getMessage();
            }
            if (frame == null) {
                if (capture.finished()) {
                    break; // stopped (Ctrl-C) and every frame captured before it handled
                }
                if (saver != null) {
                    saver.flush();
                    if (!saver.tick(System.currentTimeMillis())) {
                        break;
                    }
                }
                counter.draw(err, false);
                continue;
            }
            counter.captured++;
            if (pipeline.accept(frame)) {
                written++;
                if (saver != null) {
                    saver.write(frame);
                    if (saver.filesDone() || (fileLimit > 0 && saver.currentFileBytes() >= fileLimit)) {
                        break;
                    }
                }
                if (stop.packets() > 0 && written >= stop.packets()) {
                    break;
                }
            }
            pipeline.flush();
            counter.draw(err, false);
        }
        return null;
    }

    /** tshark's closing lines: the drops libpcap counted (when any), then the packet count. */
    private void report(long captured, CaptureStats stats, LiveInterface device, boolean runningCount) {
        if (live.reallyQuiet()) {
            return;
        }
        if (runningCount) {
            err.print("\r" + captured + " \n");
        }
        if (stats != null && stats.totalDropped() > 0) {
            err.println(dropLine(stats.totalDropped(), device.displayName()));
        }
        if (!runningCount) {
            err.println(capturedLine(captured));
        }
        err.flush();
    }

    static String capturedLine(long n) {
        return n + " packet" + (n == 1 ? "" : "s") + " captured";
    }

    static String dropLine(long n, String device) {
        return n + " packet" + (n == 1 ? "" : "s") + " dropped from " + device;
    }

    private static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Packets captured so far, and tshark's running count on a terminal ("\r12 "). */
    private static final class Counter {
        private final boolean show;
        private long captured;
        private long drawnAt;
        private long drawn = -1;

        Counter(boolean show) {
            this.show = show;
        }

        void draw(PrintStream err, boolean force) {
            long now = System.currentTimeMillis();
            if (show && captured != drawn && (force || now - drawnAt >= COUNT_REDRAW_MILLIS)) {
                err.print("\r" + captured + " ");
                err.flush();
                drawn = captured;
                drawnAt = now;
            }
        }
    }
}
