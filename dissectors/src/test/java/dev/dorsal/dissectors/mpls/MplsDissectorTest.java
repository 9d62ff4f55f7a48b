package dev.dorsal.dissectors.mpls;

import static dev.dorsal.dissectors.TunnelFrames.bytes;
import static dev.dorsal.dissectors.TunnelFrames.concat;
import static dev.dorsal.dissectors.TunnelFrames.dissect;
import static dev.dorsal.dissectors.TunnelFrames.eth;
import static dev.dorsal.dissectors.TunnelFrames.ipv4;
import static dev.dorsal.dissectors.TunnelFrames.ipv6;
import static dev.dorsal.dissectors.TunnelFrames.items;
import static dev.dorsal.dissectors.TunnelFrames.label;
import static dev.dorsal.dissectors.TunnelFrames.columns;
import static dev.dorsal.dissectors.TunnelFrames.tcp;
import static dev.dorsal.dissectors.TunnelFrames.udp;
import static dev.dorsal.dissectors.TunnelFrames.values;
import static dev.dorsal.dissectors.TunnelFrames.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MPLS label stack and what follows its bottom (RFC 3032, 4385, 4448, 5586). */
class MplsDissectorTest {
    private static final int[] A = {10, 1, 0, 1};
    private static final int[] B = {10, 2, 0, 1};

    private static byte[] mpls(byte[] stackAndPayload) {
        return eth(0x8847, stackAndPayload);
    }

    @Test
    void anEntrySplitsIntoLabelExperimentalBitsBottomAndTtl() {
        // 16000 << 12 | 5 << 9 | S | 126 = 0x03e80b7e
        DissectedPacket p = dissect(mpls(concat(label(16000, 5, true, 126), ipv4(A, B, 17, udp(1, 2, new byte[0])))));
        assertEquals(List.of(16000L), values(p, "mpls.label"));
        assertEquals(List.of(5L), values(p, "mpls.exp"));
        assertEquals(List.of(1L), values(p, "mpls.bottom"));
        assertEquals(List.of(126L), values(p, "mpls.ttl"));
    }

    @Test
    void everyEntryIsAHeaderOfItsOwnInOneMplsLayer() {
        byte[] stack = concat(label(17, 0, false, 64), label(18, 0, false, 63), label(19, 0, true, 62));
        DissectedPacket p = dissect(mpls(concat(stack, ipv4(A, B, 6, tcp(1, 2, 0, 0, 0x02, new byte[0])))));
        assertEquals(List.of(17L, 18L, 19L), values(p, "mpls.label"));
        assertEquals("eth:ethertype:mpls:ip:tcp", p.protocolsInFrame());
        assertEquals(3, verbose(p).stream().filter(l -> l.startsWith("MultiProtocol Label Switching Header")).count());
        assertEquals(List.of(1, 1, 1), items(p, "mpls.label").stream().map(i -> i.layer()).toList(),
                "one dissector call, one layer: mpls.label#1 matches every entry, #2 none");
    }

    @Test
    void reservedLabelsCarryTheirNamesAndOtherReservedOnesAreUnknown() {
        DissectedPacket p = dissect(mpls(concat(label(9, 0, false, 64), label(0, 0, true, 64),
                ipv4(A, B, 17, udp(1, 2, new byte[0])))));
        List<String> v = verbose(p);
        assertTrue(v.contains("MultiProtocol Label Switching Header, Label: 9 (Reserved - Unknown), Exp: 0, S: 0, TTL: 64"),
                String.join("\n", v));
        assertTrue(v.contains("MultiProtocol Label Switching Header, Label: 0 (IPv4 Explicit-Null), Exp: 0, S: 1, TTL: 64"));
        assertTrue(v.contains("    0000 0000 0000 0000 0000 .... .... .... = MPLS Label: IPv4 Explicit-Null (0)"));
    }

    @Test
    void aFirstNibbleOfSixIsIpv6AndTheColumnsTakeItsAddresses() {
        DissectedPacket p = dissect(mpls(concat(label(100, 0, true, 64), ipv6(1, 2, 17, udp(5, 6, bytes(1))))));
        assertEquals("eth:ethertype:mpls:ipv6:udp:data", p.protocolsInFrame());
        assertEquals("2001:db8::1 2001:db8::2 UDP", columns(p));
    }

    @Test
    void aFirstNibbleOtherThanZeroOneFourOrSixIsData() {
        DissectedPacket p = dissect(mpls(concat(label(100, 0, true, 64), bytes(0x55, 0x66, 0x77))));
        assertEquals("eth:ethertype:mpls:data", p.protocolsInFrame());
        assertEquals("MPLS", p.columns().protocol());
        assertEquals("MPLS Label Switched Packet", p.columns().info());
    }

    @Test
    void nothingAfterTheBottomOfTheStackIsMalformed() {
        DissectedPacket p = dissect(mpls(label(300, 0, true, 64)));
        assertEquals("eth:ethertype:mpls:_ws.malformed", p.protocolsInFrame());
        assertTrue(p.malformed());
    }

    @Test
    void aStackThatNeverReachesItsBottomIsMalformed() {
        DissectedPacket p = dissect(mpls(concat(label(100, 0, false, 64), label(200, 0, false, 64))));
        assertEquals(List.of(100L, 200L), values(p, "mpls.label"));
        assertTrue(p.malformed());
    }

    @Test
    void aControlWordWithUnknownVendorAddressesIsReadAsSuchThenEthernet() {
        // Read without a control word, the addresses would start 00:00:00 and ab:cd:ef: no vendor has the latter.
        byte[] inner = concat(bytes(0x0a, 0x0b, 0xab, 0xcd, 0xef, 0x04, 2, 0, 0, 0, 0, 3, 0x08, 0x00),
                ipv4(A, B, 17, udp(1, 2, new byte[0])));
        DissectedPacket p = dissect(mpls(concat(label(24, 0, true, 64), bytes(0, 0, 0x12, 0x34), inner)));
        assertEquals("eth:ethertype:mpls:pwethheuristic:pwethcw:eth:ethertype:ip:udp", p.protocolsInFrame());
        assertEquals(List.of(0x1234L), values(p, "pweth.cw.sequence_number"));
        assertTrue(items(p, "pweth.cw").get(0).hidden());
    }

    @Test
    void theGenericAssociatedChannelCarriesIpv4() {
        byte[] ach = bytes(0x10, 0x00, 0x00, 0x21);
        DissectedPacket p = dissect(mpls(concat(label(13, 0, true, 64), ach, ipv4(A, B, 17, udp(1, 2, new byte[0])))));
        assertEquals("eth:ethertype:mpls:pwach:ip:udp", p.protocolsInFrame());
        assertEquals(List.of(0x21L), values(p, "pwach.channel_type"));
        assertTrue(verbose(p).contains("Generic Associated Channel Header"));
    }

    @Test
    void aNonZeroReservedByteOfTheChannelHeaderIsFlagged() {
        byte[] ach = bytes(0x10, 0x05, 0x12, 0x34);
        DissectedPacket p = dissect(mpls(concat(label(100, 0, true, 64), ach, bytes(1, 2))));
        assertTrue(verbose(p).contains("PW Associated Channel Header"));
        assertEquals(1, p.tree().experts().stream().filter(e -> e.def().abbrev().equals("pwach.res.not_zero")).count());
    }

    @Test
    void theMulticastEthertypeIsMplsToo() {
        DissectedPacket p = dissect(eth(0x8848, concat(label(5000, 0, true, 64), ipv4(A, B, 17, udp(1, 2, bytes(1))))));
        assertEquals("eth:ethertype:mpls:ip:udp:data", p.protocolsInFrame());
    }
}
