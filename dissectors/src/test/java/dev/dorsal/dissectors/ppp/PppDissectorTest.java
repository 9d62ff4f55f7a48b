package dev.dorsal.dissectors.ppp;

import static dev.dorsal.dissectors.TunnelFrames.bytes;
import static dev.dorsal.dissectors.TunnelFrames.concat;
import static dev.dorsal.dissectors.TunnelFrames.dissect;
import static dev.dorsal.dissectors.TunnelFrames.eth;
import static dev.dorsal.dissectors.TunnelFrames.ipv4;
import static dev.dorsal.dissectors.TunnelFrames.columns;
import static dev.dorsal.dissectors.TunnelFrames.u16;
import static dev.dorsal.dissectors.TunnelFrames.udp;
import static dev.dorsal.dissectors.TunnelFrames.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PPP as PPTP's enhanced GRE carries it (RFC 1661, 2637). */
class PppDissectorTest {
    private static final int[] OUT1 = {203, 0, 113, 1};
    private static final int[] OUT2 = {203, 0, 113, 2};

    /** Enhanced GRE (version 1, key bit) with protocol type PPP and call ID 7. */
    private static DissectedPacket pptp(byte[] ppp) {
        byte[] gre = concat(u16(0x2001), u16(0x880b), u16(ppp.length), u16(7), ppp);
        return dissect(eth(0x0800, ipv4(OUT1, OUT2, 47, gre)));
    }

    @Test
    void addressControlAndProtocolThenIpv4() {
        DissectedPacket p = pptp(concat(bytes(0xff, 0x03, 0x00, 0x21), ipv4(new int[] {192, 0, 2, 1},
                new int[] {198, 51, 100, 7}, 17, udp(6000, 6001, bytes(1)))));
        assertEquals("eth:ethertype:ip:gre:ppp:ip:udp:data", p.protocolsInFrame());
        assertEquals(List.of(0xffL), values(p, "ppp.address"));
        assertEquals(List.of(0x03L), values(p, "ppp.control"));
        assertEquals(List.of(0x21L), values(p, "ppp.protocol"));
        assertEquals("192.0.2.1 198.51.100.7 UDP", columns(p));
    }

    @Test
    void anOddFirstByteIsACompressedOneByteProtocol() {
        DissectedPacket p = pptp(concat(bytes(0x21), ipv4(new int[] {192, 0, 2, 1}, new int[] {198, 51, 100, 7}, 17,
                udp(6000, 6001, bytes(1)))));
        assertEquals(List.of(), values(p, "ppp.address"));
        assertEquals(List.of(0x21L), values(p, "ppp.protocol"));
        assertEquals("eth:ethertype:ip:gre:ppp:ip:udp:data", p.protocolsInFrame());
    }

    @Test
    void anUndissectedProtocolNamesItselfInTheColumns() {
        DissectedPacket p = pptp(bytes(0x00, 0x26, 1, 2, 3));
        assertEquals("0x0026", p.columns().protocol());
        assertEquals("PPP Unknown (0x0026)", p.columns().info());
        assertEquals("eth:ethertype:ip:gre:ppp:data", p.protocolsInFrame());
    }

    @Test
    void anAddressWithoutControlIsMalformed() {
        DissectedPacket p = pptp(bytes(0xff));
        assertTrue(p.malformed());
        assertEquals(List.of(), values(p, "ppp.protocol"));
    }
}
