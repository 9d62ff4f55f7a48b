package dev.dorsal.engine.capture;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads a memory-mapped file through a {@link MemorySegment}, so offsets are longs and files may
 * exceed 2 GiB; bytes are only copied into the frame's own array.
 */
final class MappedSource implements ByteSource {

    private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

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
        return segment.get(ValueLayout.JAVA_BYTE, pos + rel) & 0xFF;
    }

    @Override
    public int u16(int rel, boolean bigEndian) {
        return segment.get(bigEndian ? SHORT_BE : SHORT_LE, pos + rel) & 0xFFFF;
    }

    @Override
    public int u32(int rel, boolean bigEndian) {
        return segment.get(bigEndian ? INT_BE : INT_LE, pos + rel);
    }

    @Override
    public void copy(int rel, byte[] dst, int dstOff, int len) {
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, pos + rel, dst, dstOff, len);
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
