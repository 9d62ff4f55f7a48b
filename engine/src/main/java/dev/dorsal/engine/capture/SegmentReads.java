package dev.dorsal.engine.capture;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Unaligned reads from a mapped capture, shared by the whole-file and the sliding-window sources. */
final class SegmentReads {
    private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private SegmentReads() {}

    static int u8(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
    }

    // Each get names its layout as a constant: a layout chosen at run time ("bigEndian ? BE : LE")
    // keeps the JIT from folding the access, which then goes through the var handle's generic guards.
    static int u16(MemorySegment s, long at, boolean bigEndian) {
        return (bigEndian ? s.get(SHORT_BE, at) : s.get(SHORT_LE, at)) & 0xFFFF;
    }

    static int u32(MemorySegment s, long at, boolean bigEndian) {
        return bigEndian ? s.get(INT_BE, at) : s.get(INT_LE, at);
    }

    static void copy(MemorySegment s, long at, byte[] dst, int dstOff, int len) {
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, at, dst, dstOff, len);
    }
}
