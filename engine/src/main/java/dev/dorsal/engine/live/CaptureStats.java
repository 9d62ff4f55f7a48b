package dev.dorsal.engine.live;

/**
 * A capture's drop counters since it started: libpcap's ({@code pcap_stats}) and Dorsal's own.
 * On Linux {@code received} counts packets that passed the capture filter, dropped or not.
 *
 * @param received packets libpcap received ({@code ps_recv})
 * @param dropped packets libpcap dropped because its buffer was full ({@code ps_drop})
 * @param interfaceDropped packets the interface or its driver dropped ({@code ps_ifdrop})
 * @param queueDropped packets Dorsal read from libpcap but had to drop because the consumer fell more than
 *     {@link LiveCapture#QUEUE_FRAMES} frames or {@link LiveCapture#QUEUE_BYTES} bytes behind (dumpcap
 *     counts its own drops the same way)
 */
public record CaptureStats(long received, long dropped, long interfaceDropped, long queueDropped) {

    /** What tshark reports as "N packets dropped from IFACE": libpcap's drops plus the capturer's own. */
    public long totalDropped() {
        return dropped + queueDropped;
    }
}
