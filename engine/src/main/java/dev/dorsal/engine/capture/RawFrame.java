package dev.dorsal.engine.capture;

import java.util.Arrays;

/**
 * One captured frame as read from a file. number is 1-based in file order.
 *
 * <p>{@code fileOffset} is where the frame's record starts: the pcap record header, or the pcapng
 * block header (for gzip files, an offset into the decompressed stream). {@code linkType} is the
 * LINKTYPE_ code of the frame's interface ({@link LinkType#of(int)} names it) and
 * {@code interfaceId} indexes {@link CaptureReader#interfaces()}: it counts interfaces across all
 * pcapng sections, 0 for pcap. {@code originalLength} is the length on the wire, unsigned.
 * {@code data} is a fresh array owned by this frame; the reader never touches it again.
 * A Simple Packet Block has no timestamp: its {@code timestampNanos} is 0.
 *
 * <p>Equality compares {@code data} by content, so frames read twice compare equal.
 */
public record RawFrame(long number, long fileOffset, int linkType, int interfaceId,
        long timestampNanos, int timePrecisionDigits, int originalLength, byte[] data) {

    /** Number of bytes captured; may be less than {@link #originalLength()} after a snaplen cut. */
    public int capturedLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawFrame f
                && number == f.number && fileOffset == f.fileOffset && linkType == f.linkType
                && interfaceId == f.interfaceId && timestampNanos == f.timestampNanos
                && timePrecisionDigits == f.timePrecisionDigits && originalLength == f.originalLength
                && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number) * 31 + Long.hashCode(fileOffset) * 17 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RawFrame[number=" + number + ", fileOffset=" + fileOffset + ", linkType=" + linkType
                + ", interfaceId=" + interfaceId + ", timestampNanos=" + timestampNanos
                + ", timePrecisionDigits=" + timePrecisionDigits + ", originalLength=" + originalLength
                + ", capturedLength=" + data.length + "]";
    }
}
