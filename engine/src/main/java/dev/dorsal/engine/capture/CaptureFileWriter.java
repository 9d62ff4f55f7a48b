package dev.dorsal.engine.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes frames to a pcap or pcapng file, keeping what a reader found: timestamps (to the nanosecond
 * where the interface's resolution has them), captured and original lengths, and each interface's
 * link type, snap length, {@code if_tsresol}, name, description, filter and OS.
 *
 * <p>The model mirrors {@link CaptureReader}: interfaces are numbered in the order they are given, and
 * {@link RawFrame#interfaceId()} indexes them. So copying a file is
 * <pre>{@code
 * try (CaptureReader in = Captures.open(src);
 *      CaptureFileWriter out = CaptureFileWriter.open(dst, CaptureFormat.PCAPNG, in.interfaces())) {
 *     for (RawFrame f; (f = in.next()) != null; ) {
 *         while (out.interfaces().size() < in.interfaces().size()) {   // pcapng may declare more later
 *             out.addInterface(in.interfaces().get(out.interfaces().size()));
 *         }
 *         out.write(f);
 *     }
 * }
 * }</pre>
 * pcapng files get one section with every interface in it (ids across the reader's sections are
 * already global), Decryption Secrets Blocks and Interface Statistics Blocks. pcap files hold one link
 * type: opening one for interfaces of several link types fails, and secrets and statistics are dropped,
 * as tshark does. Writes are buffered; {@link #flush()} hands them to the file, {@link #close()} too.
 * A writer is meant for one thread at a time.
 */
public interface CaptureFileWriter extends Closeable {

    /** The container written: {@link CaptureFormat#PCAPNG}, {@link CaptureFormat#PCAP} (µs) or {@link CaptureFormat#PCAP_NSEC}. */
    CaptureFormat format();

    /** The interfaces so far, in id order. */
    List<InterfaceInfo> interfaces();

    /**
     * Declares one more interface and returns its id. pcapng writes its IDB now; pcap accepts it only
     * with the link type of the file.
     */
    int addInterface(InterfaceInfo iface) throws IOException;

    /** Writes one frame on interface {@link RawFrame#interfaceId()}; its number and file offset are not stored. */
    void write(RawFrame frame) throws IOException;

    /** Writes a Decryption Secrets Block before the frames that follow (pcapng; dropped for pcap). */
    void writeSecrets(DecryptionSecrets secrets) throws IOException;

    /** Writes an Interface Statistics Block for {@code interfaceId} (pcapng; dropped for pcap). */
    void writeStatistics(int interfaceId, InterfaceStatistics statistics) throws IOException;

    /** Bytes written so far, buffered ones included: the file's size once flushed. */
    long bytesWritten();

    /** Frames written so far. */
    long framesWritten();

    /** Hands buffered bytes to the file. */
    void flush() throws IOException;

    /**
     * Creates (or truncates) {@code path} and writes the file header and the given interfaces, with
     * {@link SectionInfo#DORSAL} in the section header.
     */
    static CaptureFileWriter open(Path path, CaptureFormat format, List<InterfaceInfo> interfaces)
            throws CaptureWriteException {
        return open(path, format, interfaces, SectionInfo.DORSAL);
    }

    /** Creates {@code path} with {@code section} as the pcapng section header's options. */
    static CaptureFileWriter open(Path path, CaptureFormat format, List<InterfaceInfo> interfaces, SectionInfo section)
            throws CaptureWriteException {
        return FileWriters.create(FileWriters.openFile(path), path.toString(), format, interfaces, section);
    }

    /** Writes to {@code out} (e.g. stdout for {@code -w -}); {@code name} is used in messages. Closing closes {@code out}. */
    static CaptureFileWriter open(OutputStream out, String name, CaptureFormat format, List<InterfaceInfo> interfaces,
            SectionInfo section) throws CaptureWriteException {
        return FileWriters.create(out, name, format, interfaces, section);
    }
}
