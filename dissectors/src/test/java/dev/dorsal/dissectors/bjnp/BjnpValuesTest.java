package dev.dorsal.dissectors.bjnp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * BJNP's Info text as tshark 4.0.17 writes it (whole packets are compared with tshark by the shell's
 * differential tests on {@code fuzz/bjnp_crafted.pcap} and ppp's {@code NullLoopback.pcap}).
 */
class BjnpValuesTest {
    @Test
    void infoNamesTheTypeAndCode() {
        assertEquals("Scanner Command: Discover", BjnpDissector.info(2, 1));
        assertEquals("Printer Response: Get Printer Identity", BjnpDissector.info(0x81, 0x30));
        assertEquals("Scanner Response: Scan Job Details", BjnpDissector.info(0x82, 0x32));
    }

    @Test
    void unknownTypesAndCodesShowTheirNumbers() {
        assertEquals("Unknown type (3): Unknown code (153)", BjnpDissector.info(3, 153));
        assertEquals("Printer Command: Unknown code (0)", BjnpDissector.info(1, 0));
    }
}
