package dev.dorsal.dissectors.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dorsal.dissectors.MapStates;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FlowShortcut;
import dev.dorsal.engine.spi.FlowShortcut.Outcome;
import org.junit.jupiter.api.Test;

/**
 * TCP's shortcut as the registry assembles it: TCP segments are flows, ARP frames and UDP datagrams
 * that cannot reach TCP carry none, and everything that might (a tunnel port, a run that dissects
 * UDP payloads, IP options, fragments, ICMP) is left to the full dissection.
 */
class NoTcpFlowTest {
    private static final Registry REGISTRY = Registry.loadDefault();

    private final FlowShortcut shortcut = REGISTRY.flowShortcut("tcp");
    private final MapStates states = new MapStates();

    private Outcome outcome(byte[] frame, boolean payloadWanted) {
        return shortcut.flow(frame, frame.length, 1, frame.length, 1, 0, new FlowShortcut.Run(states, s -> true,
                payloadWanted), new FlowShortcut.Flow());
    }

    /** Ethernet II + IPv4 (header of {@code ihl} words) + 8 bytes of transport header and 4 of payload. */
    private static byte[] ipv4(int proto, int ihl, int fragment, int sport, int dport) {
        int ip = ihl * 4;
        byte[] f = new byte[14 + ip + 12];
        f[12] = 0x08;
        f[14] = (byte) (0x40 | ihl);
        put16(f, 16, ip + 12);
        put16(f, 20, fragment);
        f[22] = 64;
        f[23] = (byte) proto;
        put16(f, 14 + ip, sport);
        put16(f, 14 + ip + 2, dport);
        put16(f, 14 + ip + 4, 12);
        return f;
    }

    private static byte[] ipv6(int next, int sport, int dport) {
        byte[] f = new byte[14 + 40 + 12];
        f[12] = (byte) 0x86;
        f[13] = (byte) 0xdd;
        f[14] = 0x60;
        put16(f, 18, 12);
        f[20] = (byte) next;
        put16(f, 54, sport);
        put16(f, 56, dport);
        put16(f, 58, 12);
        return f;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    @Test
    void datagramsThatStopAtUdpCarryNoTcpFlow() {
        assertNotNull(shortcut);
        assertEquals(Outcome.NO_FLOW, outcome(ipv4(17, 5, 0, 5353, 53), false));
        assertEquals(Outcome.NO_FLOW, outcome(ipv6(17, 40000, 123), false));
    }

    @Test
    void datagramsThatMayReachTcpAreDissected() {
        assertEquals(Outcome.DECLINED, outcome(ipv4(17, 5, 0, 40000, 4789), false), "VXLAN carries Ethernet frames");
        assertEquals(Outcome.DECLINED, outcome(ipv4(17, 5, 0, 5353, 53), true), "payloads dissected in this run");
        assertEquals(Outcome.DECLINED, outcome(ipv4(17, 6, 0, 5353, 53), false), "IP options");
        assertEquals(Outcome.DECLINED, outcome(ipv4(17, 5, 0x2000, 5353, 53), false), "a first fragment");
        assertEquals(Outcome.DECLINED, outcome(ipv4(1, 5, 0, 0x0300, 0), false), "ICMP may quote a TCP header");
        assertEquals(Outcome.DECLINED, outcome(ipv6(0, 40000, 123), false), "an extension header first");
    }

    @Test
    void arpCarriesNoFlowAndTcpSegmentsAreFlows() {
        byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertEquals(Outcome.NO_FLOW, outcome(arp, true));
        byte[] segment = ipv4(6, 5, 0, 40000, 443);
        byte[] whole = java.util.Arrays.copyOf(segment, 14 + 20 + 20);
        put16(whole, 16, 40);
        whole[14 + 20 + 12] = 0x50; // data offset: 20 bytes
        assertEquals(Outcome.FLOW, outcome(whole, false));
    }
}
