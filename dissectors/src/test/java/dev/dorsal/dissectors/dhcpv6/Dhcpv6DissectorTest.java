package dev.dorsal.dissectors.dhcpv6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.registry.Registry;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the DHCPv6 dissector reads from hand-made messages, one behaviour of tshark 4.0.17 per test. */
class Dhcpv6DissectorTest {
    private static Registry registry;

    private static synchronized Registry registry() {
        if (registry == null) {
            registry = Registry.loadDefault();
        }
        return registry;
    }

    /** A DHCPv6 message from fe80::1 port 546 to ff02::1:2 port 547; UDP checksum 0 (not verified). */
    private static DissectedPacket dissect(String hex) {
        byte[] dhcp = HexFormat.of().parseHex(hex);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(HexFormat.of().parseHex("333300010002020000000001" + "86dd"));
        int udpLen = 8 + dhcp.length;
        f.writeBytes(new byte[] {0x60, 0, 0, 0, (byte) (udpLen >> 8), (byte) udpLen, 17, 1});
        f.writeBytes(HexFormat.of().parseHex("fe800000000000000000000000000001" + "ff020000000000000000000000010002"));
        f.writeBytes(new byte[] {0x02, 0x22, 0x02, 0x23, (byte) (udpLen >> 8), (byte) udpLen, 0, 0});
        f.writeBytes(dhcp);
        byte[] data = f.toByteArray();
        Dissection d = new Dissection(registry());
        DissectedPacket p = d.dissect(new RawFrame(1, 0, 1, 0, 0, 6, data.length, data), DissectionOptions.FULL);
        assertEquals(0, d.bugCount(), () -> d.bugReports().toString());
        return p;
    }

    private static List<String> values(DissectedPacket p, String field) {
        return FieldValues.find(p.tree(), field).stream().map(FieldFormat::fieldsText).toList();
    }

    @Test
    void aSolicitNamesItsTypeTransactionAndClient() {
        DissectedPacket p = dissect("01aabbcc" + "0001000a" + "00030001020000000001");
        assertEquals("DHCPv6", p.columns().protocol());
        assertEquals("Solicit XID: 0xaabbcc CID: 00030001020000000001 ", p.columns().info());
        assertEquals(List.of("02:00:00:00:00:01"), values(p, "dhcpv6.duidll.link_layer_addr"));
    }

    @Test
    void anIaAddressNestedInIaNaIsReadAndNamedInInfo() {
        DissectedPacket p = dissect("07aabbcc" + "00030028" + "0a0b0c0d" + "00000708" + "00000b40"
                + "00050018" + "20010db8000000000000000000000030" + "00000e10" + "ffffffff");
        assertEquals(List.of("2001:db8::30"), values(p, "dhcpv6.iaaddr.ip"));
        assertEquals(List.of("4294967295"), values(p, "dhcpv6.iaaddr.valid_lifetime"));
        assertTrue(p.columns().info().endsWith("IAA: 2001:db8::30 "));
    }

    @Test
    void aRelayMessageCarriesTheRelayedMessage() {
        DissectedPacket p = dissect("0c00" + "20010db8000000000000000000000001" + "fe800000000000000000000000000002"
                + "00090006" + "01112233" + "0000");
        assertEquals("Relay-forw L: 2001:db8::1 Solicit XID: 0x112233 ", p.columns().info());
        assertEquals(List.of("12", "1"), values(p, "dhcpv6.msgtype"));
    }

    @Test
    void elapsedTimeCountsHundredthsOfASecond() {
        DissectedPacket p = dissect("01aabbcc" + "00080002" + "0064");
        assertEquals(List.of("1000"), values(p, "dhcpv6.elapsed_time"));
    }

    @Test
    void anIaNaShorterThanItsFixedPartIsAMalformedOption() {
        DissectedPacket p = dissect("01aabbcc" + "00030004" + "0a0b0c0d");
        assertEquals(1, values(p, "dhcpv6.malformed_option").size());
        assertTrue(values(p, "dhcpv6.iaid").isEmpty());
    }

    @Test
    void anOptionLongerThanTheMessageEndsTheListWithoutAMark() {
        DissectedPacket p = dissect("01aabbcc" + "00080002" + "0000" + "0001000e" + "0001");
        assertEquals(List.of("8"), values(p, "dhcpv6.option.type"));
        assertFalse(values(p, "dhcpv6.xid").isEmpty());
        assertTrue(values(p, "_ws.malformed").isEmpty());
    }
}
