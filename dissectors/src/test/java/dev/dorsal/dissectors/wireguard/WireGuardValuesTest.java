package dev.dorsal.dissectors.wireguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What tshark 4.0.17's WireGuard heuristic takes and how its Info shows indexes (each expected text is what
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
    void indexesShowInUpperCaseHexOfEightDigits() {
        assertEquals("0x30D037D8", WireGuardDissector.indexText(0x30d037d8L));
        assertEquals("0x00000100", WireGuardDissector.indexText(0x100));
        assertEquals("0xFFFFFFFF", WireGuardDissector.indexText(0xffffffffL));
    }
}
