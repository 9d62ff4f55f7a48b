package dev.dorsal.dissectors.chdlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Cisco HDLC's and SLARP's names and Info texts as tshark 4.0.17 prints them (each expected text is
 * what tshark showed for the same bytes; whole packets are compared with tshark by the shell's
 * differential tests on {@code fuzz/chdlc_crafted.pcap} and ppp's {@code CiscoHDLC.pcap}).
 */
class ChdlcValuesTest {
    @Test
    void slarpRequestsAndRepliesNameTheAddressAndMask() {
        assertEquals("Request, from 10.1.2.3, mask 255.255.255.0",
                SlarpDissector.addressInfo(SlarpDissector.REQUEST, 0x0a010203L, 0xffffff00L));
        assertEquals("Reply, from 10.1.2.3, mask 255.255.255.252",
                SlarpDissector.addressInfo(SlarpDissector.REPLY, 0x0a010203L, 0xfffffffcL));
    }

    @Test
    void keepalivesCountUnsigned() {
        assertEquals("Line keepalive, outgoing sequence 5, returned sequence 2", SlarpDissector.keepaliveInfo(5, 2));
        assertEquals("Line keepalive, outgoing sequence 4294967295, returned sequence 0",
                SlarpDissector.keepaliveInfo(0xffffffffL, 0));
    }

    @Test
    void unknownTypesAreEightHexDigitsInCapitals() {
        assertEquals("Unknown packet type 0x00000003", SlarpDissector.unknownInfo(3));
        assertEquals("Unknown packet type 0xDEADBEEF", SlarpDissector.unknownInfo(0xdeadbeefL));
    }

    @Test
    void addressesAndProtocolsHaveTsharksNames() {
        assertEquals("Unicast", ChdlcDissector.ADDRESSES.name(0x0f));
        assertEquals("Multicast", ChdlcDissector.ADDRESSES.name(0x8f));
        assertNull(ChdlcDissector.ADDRESSES.name(0x33));
        assertEquals("IP", ChdlcDissector.PROTOCOLS.name(0x0800));
        assertEquals("SLARP", ChdlcDissector.PROTOCOLS.name(0x8035));
        assertEquals("Cisco Discovery Protocol", ChdlcDissector.PROTOCOLS.name(0x2000));
    }

    @Test
    void aProtocolWithoutADissectorIsShownAsFourHexDigits() {
        assertEquals("0x1234", ChdlcDissector.protocolColumn(0x1234));
        assertEquals("0xfefe", ChdlcDissector.protocolColumn(0xfefe));
        assertEquals("0x0042", ChdlcDissector.protocolColumn(0x42));
    }
}
