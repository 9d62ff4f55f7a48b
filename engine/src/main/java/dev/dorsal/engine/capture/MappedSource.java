package dev.dorsal.engine.capture;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Reads a memory-mapped file through a {@link MemorySegment}, so offsets are longs and files may
 * exceed 2 GiB; bytes are only copied into the frame's own array.
 */
final class MappedSource implements ByteSource {


    private final MemorySegment segment;
    private final long size;
    private final Arena arena;
    private long pos;

    /** Views {@code segment} from {@code pos}; closing releases {@code arena} when it is not null. */
    MappedSource(MemorySegment segment, long pos, Arena arena) {
        this.segment = segment;
        this.size = segment.byteSize();
        this.pos = pos;
        this.arena = arena;
    }

    MemorySegment segment() {
        return segment;
    }

    @Override
    public long position() {
        return pos;
    }

    @Override
    public int request(int n) {
        long left = size - pos;
        return left >= n ? n : (int) Math.max(left, 0);
    }

    @Override
    public int u8(int rel) {
        return SegmentReads.u8(segment, pos + rel);
    }

    @Override
    public int u16(int rel, boolean bigEndian) {
        return SegmentReads.u16(segment, pos + rel, bigEndian);
    }

    @Override
    public int u32(int rel, boolean bigEndian) {
        return SegmentReads.u32(segment, pos + rel, bigEndian);
    }

    @Override
    public void copy(int rel, byte[] dst, int dstOff, int len) {
        SegmentReads.copy(segment, pos + rel, dst, dstOff, len);
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
    public java.io.IOException failure() {
        return null;
    }

    @Override
    public long failureOffset() {
        return -1;
    }

    @Override
    public void close() {
        if (arena != null && arena.scope().isAlive()) {
            arena.close();
        }
    }
}
