package dev.dorsal.engine.live;

import dev.dorsal.engine.capture.RawFrame;
import java.io.EOFException;
import java.sql.Timestamp;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapStat;

/**
 * Drains one pcap handle as fast as packets arrive and hands each frame to a sink; the only thread that
 * touches the handle after it is opened (libpcap handles are not thread-safe), so it also takes the
 * {@code pcap_stats} counters, about once a second while packets come and when it ends, and closes
 * the handle. An idle read blocks until a packet or {@link #requestStop()}'s pcap_breakloop.
 */
final class PcapReaderThread extends Thread {
    private static final long STATS_EVERY_NANOS = 1_000_000_000L;
    /**
     * After a stop request, packets already in libpcap's buffer are still read, until it is empty, for
     * at most this many frames (a busy link never empties), so a capture ends with what it had seen.
     */
    private static final int DRAIN_FRAMES = 10_000;
    /** DLT_RAW as Linux and the BSDs number it; files call raw IP LINKTYPE_RAW (101). */
    private static final int DLT_RAW_12 = 12;
    private static final int DLT_RAW_14 = 14;
    private static final int LINKTYPE_RAW = 101;

    private final PcapHandle handle;
    private final int linkType;
    private final int digits;
    private final String device;
    private final Predicate<RawFrame> sink;
    private volatile boolean stopRequested;
    private volatile CaptureStats stats;
    private volatile LiveCaptureException failure;
    private volatile long queueDropped;
    private long read;
    private long statsAt;

    PcapReaderThread(PcapHandle handle, dev.dorsal.engine.capture.InterfaceInfo info, String device,
            Predicate<RawFrame> sink) {
        super("dorsal-capture-" + device);
        setDaemon(true);
        this.handle = handle;
        this.linkType = info.linkType();
        this.digits = info.tsResolutionDigits();
        this.device = device;
        this.sink = sink;
    }

    @Override
    public void run() {
        try {
            while (!stopRequested) {
                deliver(readOne());
                if (System.nanoTime() - statsAt >= STATS_EVERY_NANOS) {
                    takeStats();
                }
            }
            drain();
        } catch (LiveCaptureException e) {
            failure = e;
        } catch (RuntimeException e) {
            // a pcap4j or JNA surprise: end the capture with the reason rather than leave the consumer waiting
            failure = LiveErrors.whileCapturing(device, e);
        } finally {
            takeStats();
            handle.close();
        }
    }

    private void deliver(RawFrame f) {
        if (f != null && !sink.test(f)) {
            queueDropped++;
        }
    }

    /**
     * Reads what libpcap already holds, up to {@link #DRAIN_FRAMES}. Non-blocking, because on Linux
     * (TPACKET_V3) libpcap's read timeout does not fire while no packet comes: an idle read blocks until
     * pcap_breakloop, which a stop has already used.
     */
    private void drain() throws LiveCaptureException {
        try {
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
            for (int i = 0; i < DRAIN_FRAMES && handle.isOpen(); i++) {
                byte[] data = handle.getNextRawPacketEx();
                deliver(frame(data));
            }
        } catch (TimeoutException | EOFException | NotOpenException e) {
            // empty (or a second breakloop): done
        } catch (PcapNativeException e) {
            throw LiveErrors.whileCapturing(device, e);
        }
    }

    /** One packet, or null after pcap_breakloop (or a read timeout, where the platform has one). */
    private RawFrame readOne() throws LiveCaptureException {
        try {
            return frame(handle.getNextRawPacketEx());
        } catch (TimeoutException | EOFException e) {
            return null;
        } catch (NotOpenException e) {
            stopRequested = true;
            return null;
        } catch (PcapNativeException e) {
            throw LiveErrors.whileCapturing(device, e);
        }
    }

    /** The frame libpcap just returned: its timestamp and original length are kept per thread by pcap4j. */
    private RawFrame frame(byte[] data) {
        Timestamp ts = handle.getTimestamp();
        long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
        Integer origLen = handle.getOriginalLength();
        read++;
        return new RawFrame(read, -1, linkType, 0, nanos, digits, origLen == null ? data.length : origLen, data);
    }

    private void takeStats() {
        statsAt = System.nanoTime();
        try {
            PcapStat s = handle.getStats();
            stats = new CaptureStats(s.getNumPacketsReceived(), s.getNumPacketsDropped(), s.getNumPacketsDroppedByIf(), 0);
        } catch (PcapNativeException | NotOpenException e) {
            // keep the last counters: libpcap could not say (a closed or odd device)
        }
    }

    /** Asks the loop to end and wakes it from pcap_next_ex. */
    void requestStop() {
        stopRequested = true;
        try {
            handle.breakLoop();
        } catch (NotOpenException ignored) {
            // already closed by the thread itself
        }
    }

    void awaitEnd(long millis) {
        try {
            join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    CaptureStats stats() {
        return stats;
    }

    long queueDropped() {
        return queueDropped;
    }

    LiveCaptureException failure() {
        return failure;
    }

    /** The LINKTYPE_ a file records for a libpcap DLT: the same number except for raw IP. */
    static int linkType(int dlt) {
        return dlt == DLT_RAW_12 || dlt == DLT_RAW_14 ? LINKTYPE_RAW : dlt;
    }

    /** The OS as dumpcap records it in if_os: name and kernel version. */
    static String operatingSystem() {
        return (System.getProperty("os.name", "") + " " + System.getProperty("os.version", "")).strip();
    }

    static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
