package dev.dorsal.dissectors.nflog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * NFLOG's attribute labels, alignment and timestamps as tshark 4.0.17 shows them (whole packets are
 * compared with tshark by the shell's differential tests on {@code fuzz/nflog_crafted.pcap} and ppp's
 * {@code nflogPacket.pcap}).
 */
class NflogValuesTest {
    @Test
    void labelsNameTheTypeAndLength() {
        assertEquals("TLV Type: NFULA_PACKET_HDR (1), Length: 8", NflogDissector.tlvLabel(1, 8));
        assertEquals("TLV Type: NFULA_PAYLOAD (9), Length: 65", NflogDissector.tlvLabel(9, 65));
        assertEquals("TLV Type: Unknown (18), Length: 7", NflogDissector.tlvLabel(18, 7));
        assertEquals("TLV Type: Unknown (16395), Length: 8", NflogDissector.tlvLabel(0x400b, 8));
    }

    @Test
    void attributesStartOnFourByteBoundaries() {
        assertEquals(4, NflogDissector.align(4));
        assertEquals(8, NflogDissector.align(5));
        assertEquals(12, NflogDissector.align(11));
        assertEquals(68, NflogDissector.align(65));
    }

    @Test
    void timestampsAreSecondsAndMicroseconds() {
        assertEquals(1_700_000_000_123_456_000L, NflogDissector.timestampNanos(1_700_000_000L, 123_456));
        assertEquals(999_999_000L, NflogDissector.timestampNanos(0, 999_999));
    }

    @Test
    void familiesAndHooksHaveTsharksNames() {
        assertEquals("IPv4", NflogDissector.FAMILIES.name(2));
        assertEquals("IPv6", NflogDissector.FAMILIES.name(10));
        assertEquals("IPv4/IPv6", NflogDissector.FAMILIES.name(1));
        assertEquals("Local out", NflogDissector.HOOKS.name(3));
        assertEquals("NFULA_HWHEADER", NflogDissector.TLV_TYPES.name(16));
    }
}
