package dev.dorsal.spark.read;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.DecryptionSecrets;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.spark.split.CaptureSplit;
import dev.dorsal.spark.split.HadoopConf;
import dev.dorsal.spark.split.SplitPlanner;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * The frames of one split, numbered as in the whole file, read by the engine's own capture readers.
 * A run of records is read by replaying the file's prefix (its header blocks) and then the file from
 * the run's first record, so the reader sees an ordinary capture.
 */
final class SplitFrames implements Closeable {
    private final CaptureSplit split;
    private final CaptureReader reader;
    private final long streamStart;
    private long read;
    private RawFrame previous;

    SplitFrames(CaptureSplit split, HadoopConf conf) throws IOException {
        this.split = split;
        if (split.kind() != CaptureSplit.Kind.RANGE) {
            this.streamStart = 0;
            this.reader = openWhole(split.path(), conf);
            return;
        }
        this.streamStart = split.previousRecord() >= 0 ? split.previousRecord() : split.start();
        this.reader = openFrom(split, streamStart, conf);
        if (split.previousRecord() >= 0) {
            previous = reader.next(); // the previous run's last record: only its timestamp is used
        }
    }

    /** The next frame of the split, or null after its last; the file's number and offset. */
    RawFrame next() throws CaptureFileException {
        if (split.kind() == CaptureSplit.Kind.RANGE && read >= split.count()) {
            return null;
        }
        RawFrame raw = reader.next();
        if (raw == null) {
            return null;
        }
        read++;
        if (split.kind() != CaptureSplit.Kind.RANGE) {
            return raw;
        }
        long offset = raw.fileOffset() - split.layout().prefixLength() + streamStart;
        return new RawFrame(split.firstNumber() + read - 1, offset, raw.linkType(), raw.interfaceId(),
                raw.timestampNanos(), raw.timePrecisionDigits(), raw.originalLength(), raw.data());
    }

    /** The record just before a run (its timestamp times the run's first frame), or null. */
    RawFrame previous() {
        return previous;
    }

    /** Timestamp of the file's first frame, for a run that does not start the file. */
    long firstNanos(HadoopConf conf) throws IOException {
        CaptureSplit first = CaptureSplit.range(split.path(), split.layout(), split.layout().prefixLength(), 1, 1, -1, null);
        try (CaptureReader r = openFrom(first, first.start(), conf)) {
            RawFrame f = r.next();
            return f == null ? 0 : f.timestampNanos();
        }
    }

    List<InterfaceInfo> interfaces() {
        return reader.interfaces();
    }

    List<DecryptionSecrets> decryptionSecrets() {
        return reader.decryptionSecrets();
    }

    /** The pcapng section frame dissection shows (1-based), 0 for pcap. */
    int section(RawFrame raw) {
        if (reader.format() != CaptureFormat.PCAPNG) {
            return 0;
        }
        List<InterfaceInfo> interfaces = reader.interfaces();
        int id = raw.interfaceId();
        return id >= 0 && id < interfaces.size() ? interfaces.get(id).section() + 1 : 0;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static CaptureReader openWhole(String path, HadoopConf conf) throws IOException {
        URI uri = new org.apache.hadoop.fs.Path(path).toUri();
        if ("file".equals(uri.getScheme())) {
            return Captures.open(java.nio.file.Path.of(uri)); // memory-mapped, the CLI's own path
        }
        return Captures.open(SplitPlanner.open(path, conf), path);
    }

    private static CaptureReader openFrom(CaptureSplit split, long from, HadoopConf conf) throws IOException {
        FSDataInputStream in = SplitPlanner.open(split.path(), conf);
        try {
            in.seek(from);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        InputStream stream = new SequenceInputStream(new ByteArrayInputStream(split.layout().prefix()), in);
        return Captures.open(stream, split.path());
    }
}
