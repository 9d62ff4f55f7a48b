package dev.dorsal.dissectors.tcp;

/**
 * The header of the segment being dissected and what it belongs to (tshark's "tcpheader"): raw and
 * relative numbers, flags, the payload length when known, and the connection state it updates.
 */
final class TcpSegment {
    int srcPort;
    int dstPort;
    int rawSeq;
    int rawAck;
    /** Shown sequence number: relative to the ISN when the analysis ran, else raw. */
    int seq;
    int ack;
    int flags;
    int rawWindow;
    /** Window after scaling (what Info and tcp.window_size show). */
    int window;
    int headerLength;
    boolean haveSegLen;
    int segLen;
    long frame;
    long now;

    TcpConversation conv;
    TcpFlow fwd;
    TcpFlow rev;
    final TcpAcked ta = new TcpAcked();
    /** This segment started its connection. */
    boolean freshConversation;
    /** Sequence and acknowledgment numbers are shown relative to the initial ones. */
    boolean relative;
    /** The capture-wide count of buffered reassembly bytes (see {@link TcpConversations#reassemblyTotal}). */
    long[] reassemblyTotal;
    TcpConversations conversations;
    /** Whether an MSS option was seen in this segment (a SYN should carry one). */
    boolean sawMss;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
