package dev.dorsal.engine.capture;

import java.io.Closeable;
import java.io.IOException;

/**
 * A forward-only window onto the capture bytes; getters take offsets relative to {@link #position()}.
 *
 * <p>Readers follow Okio's request/skip pattern: {@link #request(int)} says how many of the next
 * {@code n} bytes exist, so a record is parsed only once it is complete and a short answer means the
 * file ends inside it. Getters are only valid inside the range last granted by {@code request}.
 */
sealed interface ByteSource extends Closeable permits MappedSource, StreamSource, WindowedFileSource {

    /** Absolute offset of the window start in the (decompressed) file. */
    long position();

    /** Makes up to {@code n} bytes from the position readable; returns how many exist (fewer only at the end). */
    int request(int n);

    /** Reads one unsigned byte at {@code rel}. */
    int u8(int rel);

    /** Reads an unsigned 16-bit value at {@code rel} in the given byte order. */
    int u16(int rel, boolean bigEndian);

    /** Reads a 32-bit value at {@code rel} in the given byte order. */
    int u32(int rel, boolean bigEndian);

    /** Copies {@code len} bytes at {@code rel} into {@code dst}. */
    void copy(int rel, byte[] dst, int dstOff, int len);

    /** Moves the position forward by {@code n}; false when the data ended first (position is then at the end). */
    boolean skip(long n);

    /** The stream failure that ended the data early, or null when the data simply ended (or has not). */
    IOException failure();

    /** Where {@link #failure()} happened, -1 if none. */
    long failureOffset();

    /** Releases the mapping or stream. */
    @Override
    void close() throws IOException;

    /** Reads a 64-bit value stored as two 32-bit halves in the given byte order. */
    default long u64(int rel, boolean bigEndian) {
        long a = u32(rel, bigEndian) & 0xFFFF_FFFFL;
        long b = u32(rel + 4, bigEndian) & 0xFFFF_FFFFL;
        return bigEndian ? a << 32 | b : b << 32 | a;
    }
}
