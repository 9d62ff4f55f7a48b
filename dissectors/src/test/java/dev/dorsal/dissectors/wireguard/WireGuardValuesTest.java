package dev.dorsal.dissectors.wireguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What tshark 4.0.17's WireGuard heuristic takes and the Info it writes (each expected text is what
 * tshark showed for the same message; the dissector as a whole is compared with tshark by the shell's
 * differential tests on {@code fuzz/wireguard_crafted.pcap} and ppp's {@code WireGuard.pcap}).
 */
class WireGuardValuesTest {
    @Test
    void handshakeMessagesMustHaveTheirExactLength() {
        assertTrue(WireGuardDissector.validLength(1, 148));
        assertFalse(WireGuardDissector.validLength(1, 147));
        assertFalse(WireGuardDissector.validLength(1, 149));
        assertTrue(WireGuardDissector.validLength(2, 92));
        assertFalse(WireGuardDissector.validLength(2, 91));
        assertTrue(WireGuardDissector.validLength(3, 64));
        assertFalse(WireGuardDissector.validLength(3, 65));
    }

    @Test
    void transportDataNeedsItsHeaderAndTag() {
        assertTrue(WireGuardDissector.validLength(4, 32));
        assertTrue(WireGuardDissector.validLength(4, 1500));
        assertFalse(WireGuardDissector.validLength(4, 31));
    }

    @Test
    void otherTypesAreNotWireGuard() {
        assertFalse(WireGuardDissector.validLength(0, 32));
        assertFalse(WireGuardDissector.validLength(5, 32));
    }

    @Test
    void infoShowsIndexesInUpperCaseHex() {
        assertEquals("Handshake Initiation, sender=0x30D037D8", WireGuardDissector.info(1, 0x30d037d8L, 0, 0, 0));
        assertEquals("Handshake Response, sender=0xAB7DF406, receiver=0x30D037D8",
                WireGuardDissector.info(2, 0xab7df406L, 0x30d037d8L, 0, 0));
        assertEquals("Cookie Reply, receiver=0x06F47DAB", WireGuardDissector.info(3, 0, 0x06f47dabL, 0, 0));
    }

    @Test
    void transportDataShowsCounterAndLengthOrIsAKeepalive() {
        assertEquals("Transport Data, receiver=0xAB7DF406, counter=0, datalen=96",
                WireGuardDissector.info(4, 0, 0xab7df406L, 0, 96));
        assertEquals("Transport Data, receiver=0x30D037D8, counter=18446744073709551615, datalen=16",
                WireGuardDissector.info(4, 0, 0x30d037d8L, -1L, 16));
        assertEquals("Keepalive, receiver=0xAB7DF406, counter=1", WireGuardDissector.info(4, 0, 0xab7df406L, 1, 0));
    }
}
