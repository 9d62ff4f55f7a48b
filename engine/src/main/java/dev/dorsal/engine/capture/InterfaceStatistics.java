package dev.dorsal.engine.capture;

/**
 * What a pcapng Interface Statistics Block records about one interface: libpcap's counters at the end
 * of a live capture (as dumpcap writes them) and the capture's first and last moments.
 *
 * @param timestampNanos when the counters were taken
 * @param startNanos {@code isb_starttime}: when the capture started, or -1 to leave it out
 * @param endNanos {@code isb_endtime}: when it ended, or -1 to leave it out
 * @param received {@code isb_ifrecv}: packets the capture received (libpcap's {@code ps_recv}), or -1
 * @param dropped {@code isb_ifdrop}: packets dropped for lack of buffer space (libpcap's {@code ps_drop},
 *     where dumpcap puts it), or -1
 */
public record InterfaceStatistics(long timestampNanos, long startNanos, long endNanos, long received, long dropped) {}
