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
