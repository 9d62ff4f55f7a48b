package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Address;

/**
 * One TCP connection (one {@code tcp.stream} index): its two directions, the per-stream
 * timestamps, the handshake round-trip time and the conversation-completeness bits.
 */
final class TcpConversation {
    /** Completeness bits, as tshark's {@code tcp.completeness}. */
    static final int SYN = 1;
    static final int SYN_ACK = 2;
    static final int ACK = 4;
    static final int DATA = 8;
    static final int FIN = 16;
    static final int RST = 32;

    final int index;
    private final Address firstSrc;
    private final int firstSrcPort;
    final TcpFlow flow1 = new TcpFlow();
    final TcpFlow flow2 = new TcpFlow();
    final long firstNanos;
    long prevNanos;
    /** Time of the most recent SYN (without ACK), or Long.MIN_VALUE. */
    long lastSynNanos = Long.MIN_VALUE;
    /** Handshake round-trip time (SYN to the ACK that follows the SYN/ACK), or 0 while unknown. */
    long initialRttNanos;
    int completeness;
    /** The MPTCP connection this one is a subflow of, or null. */
    TcpMptcp.Connection mptcp;
    /** A SYN of this connection carried data (TCP Fast Open). */
    boolean synData;
    /** Port of the side that received the SYN (or sent the SYN/ACK), 0 while unknown. */
    int serverPort;
    /** Frame in which this connection was first seen (tshark's conversation setup frame). */
    long firstFrame;
    /** Number among all conversations of the capture ({@code ConversationIndex}), -1 until given. */
    long globalIndex = -1;

    TcpConversation(int index, Address src, int srcPort, long nowNanos) {
        this.index = index;
        this.firstSrc = src;
        this.firstSrcPort = srcPort;
        this.firstNanos = nowNanos;
        this.prevNanos = nowNanos;
    }

    /** The direction whose sender is {@code src}:{@code srcPort}. */
    TcpFlow forward(Address src, int srcPort) {
        return srcPort == firstSrcPort && src.equals(firstSrc) ? flow1 : flow2;
    }

    TcpFlow reverse(TcpFlow fwd) {
        return fwd == flow1 ? flow2 : flow1;
    }

    /** Adds this segment's completeness bits (tshark's rules: data, FIN and plain ACK only count with ACK set). */
    void updateCompleteness(int flags, int segLen) {
        if ((flags & TcpFlags.SYN) != 0) {
            completeness |= (flags & TcpFlags.ACK) != 0 ? SYN_ACK : SYN;
            return;
        }
        if ((flags & TcpFlags.RST) != 0) {
            completeness |= RST;
        }
        if ((flags & TcpFlags.ACK) != 0) {
            if ((flags & TcpFlags.FIN) != 0) {
                completeness |= FIN;
            }
            completeness |= segLen > 0 ? DATA : ACK;
        }
    }

    /** tshark's text for a completeness value, e.g. "Complete, WITH_DATA (31)". */
    static String describe(int value) {
        String name = switch (value) {
            case SYN -> "Incomplete, SYN_SENT";
            case SYN | SYN_ACK -> "Incomplete, CLIENT_ESTABLISHED";
            case SYN | SYN_ACK | ACK -> "Incomplete, ESTABLISHED";
            case SYN | SYN_ACK | ACK | DATA -> "Incomplete, DATA";
            case SYN | SYN_ACK | ACK | DATA | FIN, SYN | SYN_ACK | ACK | DATA | RST,
                    SYN | SYN_ACK | ACK | DATA | FIN | RST -> "Complete, WITH_DATA";
            case SYN | SYN_ACK | ACK | FIN, SYN | SYN_ACK | ACK | RST,
                    SYN | SYN_ACK | ACK | FIN | RST -> "Complete, NO_DATA";
            default -> "Incomplete";
        };
        return name + " (" + value + ")";
    }
}
