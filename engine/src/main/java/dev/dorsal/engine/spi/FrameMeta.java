package dev.dorsal.engine.spi;

/**
 * What the capture file says about a frame, plus the timing context tshark shows for it.
 *
 * @param timePrecisionDigits decimal digits of the file's timestamp resolution (6 µs, 9 ns)
 * @param prevCapturedNanos   timestamp of the previous frame read, or this frame's for the first
 * @param prevDisplayedNanos  timestamp of the previous frame shown, or this frame's for the first
 * @param sectionNumber       pcapng section (1-based), 0 for pcap files
 * @param interfaceName       pcapng interface name, or null (pcap, or unnamed)
 */
public record FrameMeta(long number, long fileOffset, int linkType, int interfaceId, long timestampNanos,
        int timePrecisionDigits, int originalLength, int capturedLength, long firstNanos, long prevCapturedNanos,
        long prevDisplayedNanos, int sectionNumber, String interfaceName) {
    public long relativeNanos() {
        return timestampNanos - firstNanos;
    }

    public long deltaNanos() {
        return timestampNanos - prevCapturedNanos;
    }

    public long deltaDisplayedNanos() {
        return timestampNanos - prevDisplayedNanos;
    }
}
