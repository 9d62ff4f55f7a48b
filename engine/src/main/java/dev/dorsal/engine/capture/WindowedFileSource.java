package dev.dorsal.engine.capture;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;

/**
 * Reads a big file forward through a sliding memory mapping: one window ({@link #WINDOW} bytes) is
 * mapped at a time and unmapped when the reader moves past it. Mapping the whole file would count
 * every page read in the process's resident set; a buffered stream copies each byte three times
 * (kernel, stream buffer, reader buffer) before the frame's own copy. The window does neither.
 */
final class WindowedFileSource implements ByteSource {
    static final long WINDOW = 16L << 20;
    private static final long PAGE = 1L << 16; // a multiple of every page size map() aligns to


    private final FileChannel channel;
    private final long size;
    private final long windowSize;
    private Arena arena;
    private MemorySegment window = MemorySegment.NULL;
    /** File offset of the window's first byte. */
    private long windowStart;
    /** File offset of the reader's position. */
    private long pos;
    private IOException failure;
    private long failureOffset = -1;

    WindowedFileSource(FileChannel channel, long windowSize) throws IOException {
        this.channel = channel;
        this.windowSize = windowSize;
        this.size = channel.size();
    }

    @Override
    public long position() {
        return pos;
    }

    @Override
    public int request(int n) {
        int available = (int) Math.min(n, Math.max(size - pos, 0));
        if (pos + available > windowStart + window.byteSize() && failure == null) {
            remap(available);
        }
        long inWindow = windowStart + window.byteSize() - pos;
        return (int) Math.max(0, Math.min(available, inWindow));
    }

    /** Maps a new window starting at or just before the position and holding at least {@code n} bytes. */
    private void remap(int n) {
        unmap();
        long start = pos - pos % PAGE;
        long length = Math.min(Math.max(windowSize, pos - start + n), size - start);
        try {
            arena = Arena.ofShared();
            window = channel.map(FileChannel.MapMode.READ_ONLY, start, length, arena);
            windowStart = start;
        } catch (IOException | RuntimeException e) {
            unmap();
            // Like a stream error: what was read stays valid, the reader ends here and names the offset.
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            failureOffset = pos;
        }
    }

    private void unmap() {
        if (arena != null) {
            arena.close();
            arena = null;
        }
        window = MemorySegment.NULL;
        windowStart = pos;
    }

    private long at(int rel) {
        return pos - windowStart + rel;
    }

    @Override
    public int u8(int rel) {
        return SegmentReads.u8(window, at(rel));
    }

    @Override
    public int u16(int rel, boolean bigEndian) {
        return SegmentReads.u16(window, at(rel), bigEndian);
    }

    @Override
    public int u32(int rel, boolean bigEndian) {
        return SegmentReads.u32(window, at(rel), bigEndian);
    }

    @Override
    public void copy(int rel, byte[] dst, int dstOff, int len) {
        SegmentReads.copy(window, at(rel), dst, dstOff, len);
    }

    @Override
    public boolean skip(long n) {
        if (n > size - pos) {
            pos = size;
            return false;
        }
        pos += n;
        return true;
    }

    @Override
    public IOException failure() {
        return failure;
    }

    @Override
    public long failureOffset() {
        return failureOffset;
    }

    @Override
    public void close() throws IOException {
        unmap();
        channel.close();
    }
}
