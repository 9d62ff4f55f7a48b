package dev.dorsal.dissectors.lisp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import org.junit.jupiter.api.Test;

/**
 * The texts LISP's tree builds from its values, as tshark 4.0.17 prints them (each expected text is what
 * tshark showed; the whole dissector is compared with tshark by the shell's differential tests on
 * {@code fuzz/lisp_crafted.pcap} and ppp's {@code ipv6.pcapng}).
 */
class LispValuesTest {
    private static Tvb tvb(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    @Test
    void aLocalReachableLocatorSaysSo() {
        assertEquals("Locator Record 1, Local RLOC: 192.0.2.1, Reachable, Priority/Weight: 1/100, "
                + "Multicast Priority/Weight: 255/0", LispRecords.locatorLabel(1, "192.0.2.1", 0x5, 1, 100, 255, 0));
    }

    @Test
    void aProbedRemoteLocatorAndAnUnreachableOne() {
        assertEquals("Locator Record 2, RLOC: 198.51.100.7 (probed), Reachable, Priority/Weight: 3/10, "
                + "Multicast Priority/Weight: 255/0", LispRecords.locatorLabel(2, "198.51.100.7", 0x3, 3, 10, 255, 0));
        assertEquals("Locator Record 1, RLOC: 2001:db8::1, Unreachable, Priority/Weight: 2/50, "
                + "Multicast Priority/Weight: 255/0", LispRecords.locatorLabel(1, "2001:db8::1", 0x0, 2, 50, 255, 0));
    }

    @Test
    void addressesFollowTheirFamily() {
        assertEquals("153.16.31.80", LispRecords.addressText(tvb(153, 16, 31, 80), 0, 1));
        assertEquals("2001:db8::1", LispRecords.addressText(
                tvb(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 0, 2));
        assertEquals("not set", LispRecords.addressText(tvb(), 0, 0));
        assertEquals(4, LispRecords.addressLength(1));
        assertEquals(16, LispRecords.addressLength(2));
        assertEquals(0, LispRecords.addressLength(0));
    }

    @Test
    void lcafAndOtherFamiliesAreNotDecoded() {
        assertThrows(LispRecords.UnsupportedAfi.class, () -> LispRecords.addressLength(16387));
        assertThrows(LispRecords.UnsupportedAfi.class, () -> LispRecords.addressText(tvb(0, 0), 0, 17));
    }

    @Test
    void typesAndActionsCarryTsharksNames() {
        assertEquals("Encapsulated Control Message", LispDissector.TYPES.name(8));
        assertEquals("Drop/No-Reason", LispRecords.ACTIONS.name(3));
        assertEquals("LISP Canonical Address Format (LCAF)", LispRecords.AFI.name(16387));
    }
}
