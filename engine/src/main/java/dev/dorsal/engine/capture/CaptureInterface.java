package dev.dorsal.engine.capture;

/**
 * What a reader needs to decode one interface's packets: its id across the file, the byte order of
 * its section, and its timestamp unit and offset. Immutable, so random reads may share it.
 */
record CaptureInterface(int id, boolean bigEndian, TimeResolution time, InterfaceInfo info) {

    int linkType() {
        return info.linkType();
    }

    int snapLen() {
        return info.snapLen();
    }

    /** Converts a pcapng timestamp count to nanoseconds, adding {@code if_tsoffset}. */
    long nanos(long units) {
        return time.toNanos(units, info.tsOffsetSeconds());
    }
}
