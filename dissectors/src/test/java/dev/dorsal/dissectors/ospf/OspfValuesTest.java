package dev.dorsal.dissectors.ospf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import org.junit.jupiter.api.Test;

/** The OSPF checksum and naming rules, with values tshark 4.0.17 shows for the same bytes. */
class OspfValuesTest {
    private static Tvb tvb(String hex) {
        byte[] b = java.util.HexFormat.of().parseHex(hex);
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    /** The first Hello of fuzz/ospf_crafted.pcap, which tshark calls correct with 0xe699. */
    private static final String HELLO = "0201002c010101010000000000000000" + "0000000000000000"
            + "ffffff00000a020100000028" + "0a0000010a000002";

    @Test
    void v2ChecksumSkipsTheChecksumAndAuthenticationFields() {
        Tvb t = tvb(HELLO);
        assertEquals(0xe699, OspfDissector.checksumV2(t));
        // the authentication bytes do not count
        Tvb withAuth = tvb(HELLO.substring(0, 32) + "7365637265740000" + HELLO.substring(48));
        assertEquals(0xe699, OspfDissector.checksumV2(withAuth));
    }

    @Test
    void v2ChecksumCoversTheBytesAfterThePacketToo() {
        // an LLS block (checksum 0, 3 words, extended options LR+RS) after the 44-byte Hello changes the sum
        // (tshark: "incorrect, should be 0xd68e")
        assertEquals(0xd68e, OspfDissector.checksumV2(tvb(HELLO.replace("0a020100", "0a120100")
                + "00000003" + "0001000400000003")));
    }

    @Test
    void instanceIdsAreNamedByRfc5838Range() {
        assertEquals("IPv6 unicast AF", OspfDissector.instanceName(0));
        assertEquals("IPv6 multicast AF", OspfDissector.instanceName(32));
        assertEquals("IPv4 unicast AF", OspfDissector.instanceName(64));
        assertEquals("IPv4 multicast AF", OspfDissector.instanceName(127));
        assertEquals("Reserved", OspfDissector.instanceName(128));
    }

    @Test
    void routerLinksAreNamedAsTsharkNamesThem() {
        assertEquals("Stub", OspfLsa.linkShortName(3));
        assertEquals("Connection to a transit network", OspfLsa.linkTypeName(2));
        assertEquals("Neighboring router's Router ID", OspfLsa.linkIdMeaning(1));
    }

    @Test
    void externalTosIsDrawnAsSevenBits() {
        assertEquals(".000 0000", OspfLsa.bits7(0));
        assertEquals(".000 1000", OspfLsa.bits7(8));
        assertEquals(".111 1111", OspfLsa.bits7(0x7f));
    }

    @Test
    void v3PrefixesTakeWholeWords() {
        assertEquals(0, OspfLsaV3.prefixBytes(0));
        assertEquals(4, OspfLsaV3.prefixBytes(1));
        assertEquals(8, OspfLsaV3.prefixBytes(33));
        assertEquals(8, OspfLsaV3.prefixBytes(64));
        assertEquals(16, OspfLsaV3.prefixBytes(128));
    }
}
