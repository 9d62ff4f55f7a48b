package dev.dorsal.dissectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dorsal.dissectors.MapStates;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FlowShortcut;
import org.junit.jupiter.api.Test;

/** Which frames the TCP flow shortcut takes, and the streams it puts them in. */
class TcpFlowShortcutTest {
    private static final int SYN = 0x002;
    private static final int ACK = 0x010;

    private final TcpFlowShortcut shortcut = new TcpFlowShortcut();
    private final MapStates states = new MapStates();
    private long number;

    /** Ethernet II + IPv4 (20 bytes) + TCP (20 bytes) + {@code payload} bytes. */
    private static byte[] ipv4(int src, int dst, int sport, int dport, int seq, int flags, int payload) {
        byte[] f = new byte[14 + 20 + 20 + payload];
        f[12] = 0x08;
        f[14] = 0x45;
        put16(f, 16, 40 + payload);
        f[22] = 64;
        f[23] = 6;
        put32(f, 26, src);
        put32(f, 30, dst);
        put16(f, 34, sport);
        put16(f, 36, dport);
        put32(f, 38, seq);
        f[46] = 0x50;
        f[47] = (byte) flags;
        return f;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        put16(b, at, v >>> 16);
        put16(b, at + 2, v);
    }

    private FlowShortcut.Flow flow(byte[] frame) {
        return flow(frame, frame.length, 1, frame.length, ++number, number * 1000, s -> true);
    }

    /** The shortcut's flow in a holder of its own (so a test may keep several), or null when it declines. */
    private FlowShortcut.Flow flow(byte[] frame, int capturedLength, int linkType, int reportedLength, long frameNumber,
            long nanos, java.util.function.LongPredicate take) {
        FlowShortcut.Flow out = new FlowShortcut.Flow();
        FlowShortcut.Outcome outcome = shortcut.flow(frame, capturedLength, linkType, reportedLength, frameNumber, nanos,
                new FlowShortcut.Run(states, take, false), out);
        assertNotEquals(FlowShortcut.Outcome.NO_FLOW, outcome, "TCP's own shortcut answers for TCP frames only");
        return outcome == FlowShortcut.Outcome.FLOW ? out : null;
    }

    @Test
    void takesPlainSegmentsAndNumbersStreamsInOrder() {
        FlowShortcut.Flow a = flow(ipv4(0x0a000001, 0x0a000002, 40000, 443, 100, SYN, 0));
        assertNotNull(a);
        assertEquals(Address.ipv4(0x0a000001), a.src());
        assertEquals(40000, a.srcPort());
        assertEquals(443, a.dstPort());
        assertEquals(0, a.stream());
        assertEquals(0, flow(ipv4(0x0a000002, 0x0a000001, 443, 40000, 900, SYN | ACK, 0)).stream());
        assertEquals(1, flow(ipv4(0x0a000001, 0x0a000003, 40000, 443, 5, ACK, 10)).stream());
    }

    @Test
    void aSynWithANewIsnStartsANewStream() {
        flow(ipv4(1, 2, 1000, 80, 100, SYN, 0));
        assertEquals(0, flow(ipv4(1, 2, 1000, 80, 100, SYN, 0)).stream()); // the same SYN again
        assertEquals(1, flow(ipv4(1, 2, 1000, 80, 7777, SYN, 0)).stream()); // ports reused
    }

    @Test
    void declinesWhatOnlyFullDissectionShowsRight() {
        byte[] vlan = ipv4(1, 2, 1, 2, 0, ACK, 0);
        vlan[12] = (byte) 0x81;
        assertNull(flow(vlan));
        byte[] options = ipv4(1, 2, 1, 2, 0, ACK, 0);
        options[14] = 0x46;
        assertNull(flow(options));
        byte[] fragment = ipv4(1, 2, 1, 2, 0, ACK, 0);
        fragment[20] = 0x20; // more fragments
        assertNull(flow(fragment));
        byte[] cut = ipv4(1, 2, 1, 2, 0, ACK, 100);
        assertNull(flow(java.util.Arrays.copyOf(cut, cut.length - 1)));
        byte[] shortHeader = ipv4(1, 2, 1, 2, 0, ACK, 0);
        shortHeader[46] = 0x40; // 16-byte TCP header
        assertNull(flow(shortHeader));
        byte[] udp = ipv4(1, 2, 1, 2, 0, ACK, 0);
        udp[23] = 17;
        assertNull(flow(udp));
        byte[] plain = ipv4(1, 2, 1, 2, 0, ACK, 0);
        assertNull(flow(plain, plain.length, 113, plain.length, 1, 0, s -> true)); // Linux cooked capture
    }

    @Test
    void readsOnlyTheHeadersItIsGiven() {
        byte[] frame = ipv4(1, 2, 1000, 80, 100, SYN, 1400);
        byte[] head = java.util.Arrays.copyOf(frame, 128);
        FlowShortcut.Flow f = flow(head, frame.length, 1, frame.length, 1, 0, s -> true);
        assertNotNull(f);
        assertEquals(80, f.dstPort());
        // The IP header claims more than the capture holds: the segment is cut, which only the full
        // dissection shows right.
        assertNull(flow(head, frame.length - 1, 1, frame.length, 2, 0, s -> true));
        assertNull(flow(java.util.Arrays.copyOf(frame, 40), frame.length, 1, frame.length, 3, 0, s -> true));
    }

    @Test
    void aStreamTheCallerDoesNotTakeIsLeftUntouched() {
        byte[] syn = ipv4(1, 2, 1000, 80, 100, SYN, 0);
        assertNull(flow(syn, syn.length, 1, syn.length, 1, 0, s -> s != 0));
        // Nothing was started: the same frame still opens stream 0.
        assertEquals(0, flow(syn).stream());
        assertNull(flow(syn, syn.length, 1, syn.length, 3, 0, s -> s != 0));
    }
}
