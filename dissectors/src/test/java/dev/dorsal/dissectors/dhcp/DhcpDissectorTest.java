package dev.dorsal.dissectors.dhcp;

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
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the DHCP dissector reads from hand-made BOOTP messages, one behaviour of tshark 4.0.17 per test. */
class DhcpDissectorTest {
    private static Registry registry;

    private static synchronized Registry registry() {
        if (registry == null) {
            registry = Registry.loadDefault();
        }
        return registry;
    }

    /** A BOOTP message from port 68 to 67 over IPv4 and Ethernet; UDP checksum 0 (none). */
    private static DissectedPacket dissect(byte[] bootp, int captured) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(hex("ffffffffffff020000000001" + "0800"));
        int ipLen = 20 + 8 + bootp.length;
        f.writeBytes(new byte[] {0x45, 0, (byte) (ipLen >> 8), (byte) ipLen, 0, 1, 0, 0, 64, 17, 0, 0, 0, 0, 0, 0,
            (byte) 255, (byte) 255, (byte) 255, (byte) 255});
        int udpLen = 8 + bootp.length;
        f.writeBytes(new byte[] {0, 68, 0, 67, (byte) (udpLen >> 8), (byte) udpLen, 0, 0});
        f.writeBytes(bootp);
        byte[] all = f.toByteArray();
        byte[] data = java.util.Arrays.copyOf(all, Math.min(captured, all.length));
        Dissection d = new Dissection(registry());
        DissectedPacket p = d.dissect(new RawFrame(1, 0, 1, 0, 0, 6, all.length, data), DissectionOptions.FULL);
        assertEquals(0, d.bugCount(), () -> d.bugReports().toString());
        return p;
    }

    private static DissectedPacket dissect(byte[] bootp) {
        return dissect(bootp, Integer.MAX_VALUE);
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }

    /** A request from 02:00:00:00:00:01, transaction 0x12345678, with the magic cookie and options (or none). */
    private static byte[] message(int op, byte[] sname, byte[] options) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) op, 1, 6, 0, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0});
        b.writeBytes(new byte[16]);
        b.writeBytes(java.util.Arrays.copyOf(hex("020000000001"), 16));
        b.writeBytes(java.util.Arrays.copyOf(sname, 64));
        b.writeBytes(new byte[128]);
        if (options != null) {
            b.writeBytes(hex("63825363"));
            b.writeBytes(options);
        }
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> values(DissectedPacket p, String field) {
        return FieldValues.find(p.tree(), field).stream().map(FieldFormat::fieldsText).toList();
    }

    @Test
    void aMessageTypeMakesItDhcpWithThePaddedTypeInInfo() {
        DissectedPacket p = dissect(message(2, new byte[0], hex("350102ff")));
        assertEquals("DHCP", p.columns().protocol());
        assertEquals("DHCP Offer    - Transaction ID 0x12345678", p.columns().info());
        assertEquals(List.of("2"), values(p, "dhcp.option.dhcp"));
        assertTrue(values(p, "dhcp.bootp").isEmpty());
    }

    @Test
    void withoutAMessageTypeItIsBootpAndARequestNamesTheClient() {
        DissectedPacket p = dissect(message(1, new byte[0], hex("0104ffffff00ff")));
        assertEquals("BOOTP", p.columns().protocol());
        assertEquals("Boot Request from 02:00:00:00:00:01 (02:00:00:00:00:01)", p.columns().info());
        assertEquals(List.of("1"), values(p, "dhcp.bootp"));
        assertEquals(List.of("255.255.255.0"), values(p, "dhcp.option.subnet_mask"));
    }

    @Test
    void anOverloadedSnameHoldsOptionsReadUnderOptionOverload() {
        byte[] sname = hex("0c03616263ff");
        DissectedPacket p = dissect(message(2, sname, hex("350105340102ff")));
        assertEquals(List.of("abc"), values(p, "dhcp.option.hostname"));
        assertTrue(values(p, "dhcp.server").isEmpty());
        assertEquals(1, values(p, "dhcp.server_name_overloaded_by_dhcp").size());
    }

    @Test
    void aWrongLengthShowsTheRawValueAndAnExpert() {
        DissectedPacket p = dissect(message(1, new byte[0], hex("350103" + "0103ffffff" + "ff")));
        assertEquals(List.of("03", "ffffff"), values(p, "dhcp.option.value"));
        assertTrue(values(p, "dhcp.option.subnet_mask").isEmpty());
        assertEquals(1, values(p, "dhcp.bad_length").size());
    }

    @Test
    void domainSearchPointersCountFromTheOptionData() {
        byte[] names = hex("076578616d706c6503636f6d0003656e67c000");
        byte[] opt = new byte[names.length + 2];
        opt[0] = 119;
        opt[1] = (byte) names.length;
        System.arraycopy(names, 0, opt, 2, names.length);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(hex("350105"));
        o.writeBytes(opt);
        o.write(255);
        DissectedPacket p = dissect(message(2, new byte[0], o.toByteArray()));
        assertEquals(List.of("example.com", "eng.example.com"),
                values(p, "dhcp.option.dhcp_dns_domain_search_list_fqdn"));
    }

    @Test
    void anOptionRunningPastThePacketIsMalformed() {
        DissectedPacket p = dissect(message(1, new byte[0], concat(hex("350103" + "0c0a"), ascii("abc"))));
        assertEquals("DHCP", p.columns().protocol());
        assertFalse(values(p, "_ws.malformed").isEmpty());
    }

    @Test
    void aCutBeforeTheCookieLeavesOnlyTheProtocolNode() {
        DissectedPacket p = dissect(message(1, new byte[0], hex("350101ff")), 200);
        assertEquals("BOOTP", p.columns().protocol());
        assertTrue(values(p, "dhcp.type").isEmpty());
        assertFalse(values(p, "_ws.short").isEmpty());
    }

    @Test
    void aPxeClientsVendorInformationIsReadAsPxeSubOptionsInASecondLayer() {
        // option 43 comes before option 60: the vendor class is known from the first pass
        String options = "350101" + "2b04" + "060108ff" + "3c09" + HexFormat.of().formatHex(ascii("PXEClient")) + "ff";
        DissectedPacket p = dissect(message(1, new byte[0], hex(options)));
        assertEquals(List.of("0x08"), values(p, "dhcp.option.vendor.pxeclient.discovery_control"));
        assertEquals(List.of("1"), values(p, "dhcp.option.vendor.pxeclient.discovery_control.bstrap"));
        assertEquals(List.of("frame", "eth", "ethertype", "ip", "udp", "dhcp", "dhcp"), p.layers());
    }

    @Test
    void otherVendorsInformationKeepsItsRawValue() {
        String options = "350101" + "3c08" + HexFormat.of().formatHex(ascii("MSFT 5.0")) + "2b04" + "060108ff" + "ff";
        DissectedPacket p = dissect(message(1, new byte[0], hex(options)));
        assertTrue(values(p, "dhcp.option.vendor.pxeclient.discovery_control").isEmpty());
        assertEquals(List.of("060108ff"), values(p, "dhcp.option.vendor.value"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
