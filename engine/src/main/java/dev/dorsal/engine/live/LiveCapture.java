package dev.dorsal.engine.live;

import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import java.io.Closeable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;

/**
 * One device being captured. Frames are pulled with {@link #next()} (blocking) or {@link #poll()}
 * (returns within {@link #POLL_MILLIS} when nothing arrives), or pushed to a {@link FrameListener} by
 * {@link #forEach}. They are numbered from 1, on interface 0 ({@link #interfaceInfo()}), with nanosecond
 * timestamps as dumpcap takes them.
 *
 * <pre>{@code
 * try (LiveCapture c = LiveCapture.open(LiveOptions.of("lo").withFilter("tcp port 443"))) {
 *     for (RawFrame f; (f = c.next()) != null; ) { ... }     // until c.stop() from another thread
 *     CaptureStats s = c.stats();                             // received, dropped, dropped by the interface
 * }
 * }</pre>
 *
 * <p>A reader thread drains libpcap as packets arrive (immediate mode, so summary lines appear as they
 * happen) into a queue of at most {@link #QUEUE_FRAMES} frames and {@link #QUEUE_BYTES} bytes; the
 * consumer dissects at its own pace, as tshark does behind dumpcap. When the consumer falls that far
 * behind, further frames are dropped and counted in {@link CaptureStats#queueDropped()}. Pulling is for
 * one thread; {@link #stop()} may be called from any thread (a timer, a signal handler, a REPL
 * command): frames already queued are still returned, then {@link #next()} returns null.
 */
public final class LiveCapture implements Closeable {

    /** How long {@link #poll()} waits for a frame, so a caller can check its own stop conditions. */
    public static final int POLL_MILLIS = 100;
    /** The most frames waiting for the consumer. */
    public static final int QUEUE_FRAMES = 100_000;
    /** The most captured bytes waiting for the consumer. */
    public static final long QUEUE_BYTES = 128L << 20;
    /**
     * libpcap's packet buffer timeout. Immediate mode hands packets over at once anyway; on Linux an idle
     * read does not wake at this timeout, so stopping relies on pcap_breakloop, not on it.
     */
    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final PcapHandle handle;
    private final LiveOptions options;
    private final InterfaceInfo info;
    private final long startNanos;
    private final BlockingQueue<RawFrame> queue;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final PcapReaderThread reader;
    private volatile boolean stopped;
    private long returned;

    private LiveCapture(PcapHandle handle, LiveOptions options, InterfaceInfo info, int queueFrames) {
        this.queue = new LinkedBlockingQueue<>(queueFrames);
        this.handle = handle;
        this.options = options;
        this.info = info;
        this.startNanos = PcapReaderThread.nowNanos();
        this.reader = new PcapReaderThread(handle, info, options.device(), this::offer);
        reader.start();
    }

    /** Opens the device, installs the capture filter and starts capturing. */
    public static LiveCapture open(LiveOptions options) throws LiveCaptureException {
        return open(options, QUEUE_FRAMES);
    }

    /** {@link #open(LiveOptions)} with a smaller queue, so tests can make the consumer fall behind. */
    static LiveCapture open(LiveOptions options, int queueFrames) throws LiveCaptureException {
        LiveCaptures.libraryVersion();
        PcapHandle handle;
        try {
            PcapHandle.Builder b = new PcapHandle.Builder(options.device())
                    .snaplen(options.effectiveSnapLen())
                    .promiscuousMode(options.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MILLIS)
                    .timestampPrecision(PcapHandle.TimestampPrecision.NANO)
                    .immediateMode(true);
            if (options.bufferBytes() > 0) {
                b.bufferSize(options.bufferBytes());
            }
            handle = b.build();
        } catch (PcapNativeException e) {
            throw LiveErrors.open(options.device(), e);
        } catch (LinkageError e) {
            throw LiveCaptures.unavailable(e);
        }
        String filter = options.captureFilter() == null || options.captureFilter().isBlank() ? null
                : options.captureFilter();
        try {
            if (filter != null) {
                handle.setFilter(filter, BpfCompileMode.OPTIMIZE);
            }
        } catch (PcapNativeException e) {
            handle.close();
            throw LiveErrors.badFilter(options.device(), filter, e);
        } catch (NotOpenException e) {
            throw new IllegalStateException("pcap handle closed while opening", e);
        }
        int digits = handle.getTimestampPrecision() == PcapHandle.TimestampPrecision.NANO ? 9 : 6;
        InterfaceInfo info = new InterfaceInfo(PcapReaderThread.linkType(handle.getDlt().value()), snapLen(handle),
                options.device(), digits, null, 0, 0, digits == 6 ? -1 : digits, filter,
                PcapReaderThread.operatingSystem());
        return new LiveCapture(handle, options, info, queueFrames);
    }

    /** The device as a file would describe it: link type, snap length, name, nanosecond resolution, filter, OS. */
    public InterfaceInfo interfaceInfo() {
        return info;
    }

    public LiveOptions options() {
        return options;
    }

    /** When the capture was opened, in nanoseconds since the epoch. */
    public long startNanos() {
        return startNanos;
    }

    /** Frames returned so far by {@link #next()} and {@link #poll()}. */
    public long framesReturned() {
        return returned;
    }

    /** The next frame, waiting as long as it takes; null once the capture is stopped and drained. */
    public RawFrame next() throws LiveCaptureException {
        for (;;) {
            RawFrame f = poll();
            if (f != null || finished()) {
                return f;
            }
        }
    }

    /**
     * The next frame, or null when none arrived within {@link #POLL_MILLIS} or the capture is over;
     * {@link #finished()} tells the two apart. Fails when libpcap reported an error while capturing.
     */
    public RawFrame poll() throws LiveCaptureException {
        RawFrame f;
        try {
            f = queue.poll(finishedReading() ? 0 : POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return null;
        }
        if (f == null) {
            LiveCaptureException failure = reader.failure();
            if (failure != null && queue.isEmpty()) {
                throw failure;
            }
            return null;
        }
        queuedBytes.addAndGet(-f.data().length);
        returned++;
        return new RawFrame(returned, -1, f.linkType(), 0, f.timestampNanos(), f.timePrecisionDigits(),
                f.originalLength(), f.data());
    }

    /** Hands every frame to {@code listener} until it returns false or the capture is over. */
    public void forEach(FrameListener listener) throws LiveCaptureException {
        for (RawFrame f; (f = next()) != null;) {
            if (!listener.frame(f)) {
                return;
            }
        }
    }

    /** Ends capturing: frames already queued are still returned, then null. Safe from any thread, idempotent. */
    public void stop() {
        stopped = true;
        reader.requestStop();
    }

    /** True once {@link #stop()} was called. */
    public boolean stopped() {
        return stopped;
    }

    /** True when no frame will come any more: stopped (or failed) and the queue is empty. */
    public boolean finished() {
        return finishedReading() && queue.isEmpty();
    }

    /**
     * The drop counters: libpcap's as of the last time the reader thread asked (about once a second
     * while packets arrive, and when the capture stops: final after {@link #close()}), plus the frames
     * the queue had to drop. Null until libpcap answered.
     */
    public CaptureStats stats() {
        CaptureStats pcap = reader.stats();
        return pcap == null ? null
                : new CaptureStats(pcap.received(), pcap.dropped(), pcap.interfaceDropped(), reader.queueDropped());
    }

    /** Stops, waits for the reader thread to take libpcap's final counters, and releases the device. */
    @Override
    public void close() {
        stop();
        reader.awaitEnd(STOP_WAIT_MILLIS);
        queue.clear();
    }

    /** Receives frames from {@link #forEach}. */
    @FunctionalInterface
    public interface FrameListener {
        /** Handles one frame; false ends the loop. */
        boolean frame(RawFrame frame) throws LiveCaptureException;
    }

    private boolean finishedReading() {
        return (stopped || reader.failure() != null) && !reader.isAlive();
    }

    /** Queues a frame from the reader thread; false when the consumer is too far behind. */
    private boolean offer(RawFrame f) {
        if (queuedBytes.get() + f.data().length > QUEUE_BYTES) {
            return false;
        }
        if (!queue.offer(f)) {
            return false;
        }
        queuedBytes.addAndGet(f.data().length);
        return true;
    }

    private static int snapLen(PcapHandle handle) {
        try {
            return handle.getSnapshot();
        } catch (NotOpenException e) {
            throw new IllegalStateException("pcap handle closed while opening", e);
        }
    }
}
