package dev.dorsal.engine.capture;

import java.util.List;

/**
 * Reads frames from one capture file, front to back, without loading the file into memory.
 *
 * <p>Obtain one from {@link Captures#open}; close it to unmap or release the file. A reader is meant
 * for one thread at a time.
 */
public interface CaptureReader extends java.io.Closeable {

    /**
     * Next frame, or null at the clean end of the file; throws CaptureFileException when the file is
     * cut short or corrupt, after every intact frame before it was returned. Once thrown, the same
     * exception is thrown again by later calls.
     */
    RawFrame next() throws CaptureFileException;

    /**
     * The next frame's record without copying all of it: copies its first {@code head.length} bytes
     * (fewer for a shorter frame) into {@code head} and stays before the frame, which the caller then
     * either passes with {@link #skipPeeked} or reads with {@link #next}. Null, with nothing moved,
     * when the frame cannot be read that way (the end, a damaged record, a format that does not
     * offer it): {@link #next} then says what there is. The head returned is the reader's own, filled
     * again by the next call.
     */
    default FrameHead peek(byte[] head) {
        return null;
    }

    /** Moves past the frame {@link #peek} just returned, as {@link #next} would have. */
    default void skipPeeked() {
        throw new IllegalStateException("no frame was peeked");
    }

    /** The container format, independent of gzip compression. */
    CaptureFormat format();

    /** True when the file is gzip-compressed and read through a decompressing stream. */
    boolean compressed();

    /** Link type of the first interface (pcap: the header's link type), -1 if no interface is known yet. */
    int linkType();

    /** pcapng Decryption Secrets Blocks seen so far, in file order. */
    List<DecryptionSecrets> decryptionSecrets();

    /** Interfaces seen so far; {@link RawFrame#interfaceId()} indexes this list. */
    List<InterfaceInfo> interfaces();
}
