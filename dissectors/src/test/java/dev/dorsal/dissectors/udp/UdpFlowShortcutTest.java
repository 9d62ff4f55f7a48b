package dev.dorsal.dissectors.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.dissectors.MapStates;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FlowShortcut;
import dev.dorsal.engine.spi.FlowShortcut.Outcome;
import org.junit.jupiter.api.Test;

/**
 * UDP's shortcut as the registry assembles it: datagrams get the stream the UDP dissector would give
 * them, TCP segments and ARP frames carry no UDP flow, and what might be dissected further (tunnel
 * ports, runs that dissect payloads, bad lengths) is declined.
 */
class UdpFlowShortcutTest {
    private static final Registry REGISTRY = Registry.loadDefault();

    private final FlowShortcut shortcut = REGISTRY.flowShortcut("udp");
    private final MapStates states = new MapStates();
    private final FlowShortcut.Flow flow = new FlowShortcut.Flow();

    private Outcome outcome(byte[] frame, boolean payloadWanted) {
        return shortcut.flow(frame, frame.length, 1, frame.length, 1, 0, new FlowShortcut.Run(states, s -> true,
                payloadWanted), flow);
    }

    /** Ethernet II + IPv4 + a transport header of {@code proto} (8 or 20 bytes) with these ports. */
    private static byte[] ipv4(int proto, int src, int dst, int sport, int dport, int udpLength) {
        int transport = proto == 6 ? 20 : 8;
        byte[] f = new byte[14 + 20 + transport];
        f[12] = 0x08;
        f[14] = 0x45;
        put16(f, 16, 20 + transport);
        f[22] = 64;
        f[23] = (byte) proto;
        put16(f, 26, src >>> 16);
        put16(f, 28, src);
        put16(f, 30, dst >>> 16);
        put16(f, 32, dst);
        put16(f, 34, sport);
        put16(f, 36, dport);
        if (proto == 6) {
            f[46] = 0x50;
        } else {
            put16(f, 38, udpLength);
        }
        return f;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    @Test
    void datagramsAreNumberedByConversationInEitherDirection() {
        assertEquals(Outcome.FLOW, outcome(ipv4(17, 0x0a000001, 0x0a000002, 5353, 53, 8), false));
        assertEquals(0, flow.stream());
        assertEquals(Outcome.FLOW, outcome(ipv4(17, 0x0a000002, 0x0a000001, 53, 5353, 8), false));
        assertEquals(0, flow.stream());
        assertEquals(53, flow.srcPort());
        assertEquals(Outcome.FLOW, outcome(ipv4(17, 0x0a000001, 0x0a000003, 5353, 53, 8), false));
        assertEquals(1, flow.stream());
    }

    @Test
    void whatMayBeDissectedFurtherIsDeclined() {
        assertEquals(Outcome.DECLINED, outcome(ipv4(17, 1, 2, 40000, 4789, 8), false), "VXLAN carries more UDP");
        assertEquals(Outcome.DECLINED, outcome(ipv4(17, 1, 2, 5353, 53, 8), true), "payloads dissected in this run");
        assertEquals(Outcome.DECLINED, outcome(ipv4(17, 1, 2, 5353, 53, 7), false), "a length below the header");
        byte[] cut = ipv4(17, 1, 2, 5353, 53, 8);
        assertEquals(Outcome.DECLINED, shortcut.flow(cut, cut.length - 1, 1, cut.length, 1, 0,
                new FlowShortcut.Run(states, s -> true, false), flow), "a datagram cut by the snap length");
    }

    @Test
    void tcpSegmentsAndArpCarryNoUdpFlow() {
        assertEquals(Outcome.NO_FLOW, outcome(ipv4(6, 1, 2, 40000, 443, 0), false));
        assertEquals(Outcome.DECLINED, outcome(ipv4(6, 1, 2, 40000, 443, 0), true), "TCP payloads dissected");
        byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertEquals(Outcome.NO_FLOW, outcome(arp, false));
    }
}
