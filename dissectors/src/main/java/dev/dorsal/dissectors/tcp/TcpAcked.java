package dev.dorsal.dissectors.tcp;

/**
 * What sequence analysis concluded about one segment (tshark's "tcp_acked"): its analysis flags,
 * the segment it acknowledges, bytes in flight, duplicate-ACK and retransmission-timeout details.
 * {@link #present} is false while nothing was concluded; then no {@code [SEQ/ACK analysis]} tree is shown.
 */
final class TcpAcked {
    boolean present;
    int flags;
    long frameAcked;
    long ackRttNanos;
    long rtoNanos;
    long rtoFrame;
    int dupAckNum;
    long dupAckFrame;
    int bytesInFlight;
    long pushBytesSent;

    void flag(int f) {
        flags |= f;
        present = true;
    }

    boolean has(int f) {
        return (flags & f) != 0;
    }
}
