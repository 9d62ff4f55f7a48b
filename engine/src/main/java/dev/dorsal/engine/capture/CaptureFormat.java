package dev.dorsal.engine.capture;

/** The file formats {@link Captures#open} recognises by their magic number; gzip is reported separately. */
public enum CaptureFormat {
    /** libpcap with microsecond timestamps (magic 0xa1b2c3d4, either byte order). */
    PCAP,
    /** libpcap with nanosecond timestamps (magic 0xa1b23c4d, either byte order). */
    PCAP_NSEC,
    /** pcapng: one or more sections, each in its own byte order. */
    PCAPNG
}
