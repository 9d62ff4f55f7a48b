package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.CaptureFileWriter;
import dev.dorsal.engine.capture.CaptureWriteException;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.InterfaceStatistics;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.capture.SectionInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where a live capture's packets go with {@code -w}: one file, or with {@code -b} a series named as
 * dumpcap names them ({@code out_00001_20261127094357.pcapng}: the -w name, a 5-digit number and the
 * local time the file was started), switched by size, packet count, duration or clock interval, and
 * with {@code files:N} only the newest N kept. Every file starts with the interface; the last one ends
 * with an Interface Statistics Block holding libpcap's counters at the end of the capture.
 */
final class LiveSaver implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Plan.Save save;
    private final CaptureArgs.Ring ring;
    private final InterfaceInfo iface;
    private final OutputStream stdout;
    private final long sizeLimitBytes;
    private final long maxFiles;
    private final Deque<Path> kept = new ArrayDeque<>();
    private CaptureFileWriter writer;
    private int fileNumber;
    private long fileStartMillis;
    private long filePackets;

    /**
     * @param stop {@code -a filesize} switches files in ring mode (as tshark's manual says) and
     *     {@code -a files} caps the series
     */
    LiveSaver(Plan.Save save, CaptureArgs.Autostop stop, InterfaceInfo iface, OutputStream stdout)
            throws CaptureWriteException {
        this.save = save;
        this.ring = save.ring();
        this.iface = iface;
        this.stdout = stdout;
        long sizeKb = ring.filesizeKb() > 0 ? ring.filesizeKb() : (ring.on() ? stop.filesizeKb() : 0);
        this.sizeLimitBytes = sizeKb * 1000;
        this.maxFiles = stop.files();
        open();
    }

    /** Writes a displayed frame and, in ring mode, moves to the next file when this one is full. */
    void write(RawFrame frame) throws IOException {
        writer.write(frame);
        filePackets++;
        if (ring.on() && (full() || expired(System.currentTimeMillis()))) {
            next();
        }
    }

    /** Called when no packet came for a while: switches by duration or interval; false when -a files says stop. */
    boolean tick(long nowMillis) throws IOException {
        if (ring.on() && expired(nowMillis)) {
            return next();
        }
        return !filesDone();
    }

    /** Bytes in the current file. */
    long currentFileBytes() {
        return writer.bytesWritten();
    }

    /** True once {@code -a files:N} files are complete. */
    boolean filesDone() {
        return maxFiles > 0 && fileNumber > maxFiles;
    }

    /** Hands buffered packets to the file, so readers of a growing file see them. */
    void flush() throws IOException {
        writer.flush();
    }

    /** Ends the last file with libpcap's counters. */
    void finish(InterfaceStatistics stats) throws IOException {
        if (writer != null && stats != null) {
            writer.writeStatistics(0, stats);
        }
        close();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            CaptureFileWriter w = writer;
            writer = null;
            w.close();
        }
    }

    private boolean full() {
        return (sizeLimitBytes > 0 && writer.bytesWritten() >= sizeLimitBytes)
                || (ring.packets() > 0 && filePackets >= ring.packets());
    }

    private boolean expired(long nowMillis) {
        if (ring.durationSeconds() > 0 && nowMillis - fileStartMillis >= (long) (ring.durationSeconds() * 1000)) {
            return true;
        }
        long interval = ring.intervalSeconds() * 1000;
        return interval > 0 && nowMillis / interval != fileStartMillis / interval;
    }

    /** Closes this file and opens the next; false (and no new file) when -a files is reached. */
    private boolean next() throws IOException {
        close();
        if (maxFiles > 0 && fileNumber >= maxFiles) {
            fileNumber++;
            return false;
        }
        open();
        return true;
    }

    private void open() throws CaptureWriteException {
        fileNumber++;
        fileStartMillis = System.currentTimeMillis();
        filePackets = 0;
        List<InterfaceInfo> ifs = List.of(iface);
        if (save.toStdout()) {
            writer = CaptureFileWriter.open(stdout, "-", save.format(), ifs, SectionInfo.liveCapture());
            return;
        }
        Path path = ring.on() ? ringPath(Path.of(save.path()), fileNumber, LocalDateTime.now()) : Path.of(save.path());
        writer = CaptureFileWriter.open(path, save.format(), ifs, SectionInfo.liveCapture());
        if (ring.on()) {
            kept.addLast(path);
            while (ring.files() > 0 && kept.size() > ring.files()) {
                deleteQuietly(kept.removeFirst());
            }
        }
    }

    /** dumpcap's name for file {@code number} of a series: {@code dir/out_00001_20261127094357.pcapng}. */
    static Path ringPath(Path base, int number, LocalDateTime started) {
        String name = base.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String prefix = dot > 0 ? name.substring(0, dot) : name;
        String suffix = dot > 0 ? name.substring(dot) : "";
        return base.resolveSibling(prefix + "_%05d_%s%s".formatted(number, STAMP.format(started), suffix));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // an old ring file that cannot be removed stays; the capture goes on
        }
    }
}
