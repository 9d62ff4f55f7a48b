package dev.dorsal.dissectors.gre;

import static dev.dorsal.dissectors.TunnelFrames.bytes;
import static dev.dorsal.dissectors.TunnelFrames.checksum;
import static dev.dorsal.dissectors.TunnelFrames.concat;
import static dev.dorsal.dissectors.TunnelFrames.dissect;
import static dev.dorsal.dissectors.TunnelFrames.eth;
import static dev.dorsal.dissectors.TunnelFrames.ipv4;
import static dev.dorsal.dissectors.TunnelFrames.ipv6;
import static dev.dorsal.dissectors.TunnelFrames.items;
import static dev.dorsal.dissectors.TunnelFrames.columns;
import static dev.dorsal.dissectors.TunnelFrames.tcp;
import static dev.dorsal.dissectors.TunnelFrames.u16;
import static dev.dorsal.dissectors.TunnelFrames.u32;
import static dev.dorsal.dissectors.TunnelFrames.udp;
import static dev.dorsal.dissectors.TunnelFrames.values;
import static dev.dorsal.dissectors.TunnelFrames.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GRE (RFC 1701, 2784, 2890) and PPTP's enhanced GRE (RFC 2637) over IPv4 and IPv6. */
class GreDissectorTest {
    private static final int[] OUT1 = {203, 0, 113, 1};
    private static final int[] OUT2 = {203, 0, 113, 2};
    private static final int[] A = {10, 1, 0, 1};
    private static final int[] B = {10, 2, 0, 1};

    private static DissectedPacket overIpv4(byte[] gre) {
        return dissect(eth(0x0800, ipv4(OUT1, OUT2, 47, gre)));
    }

    /** A GRE packet with the checksum bit set and its checksum filled in ({@code spoil} xored in). */
    private static byte[] withChecksum(int flags, byte[] rest, int spoil) {
        byte[] gre = concat(u16(flags), u16(0x0800), u16(0), u16(0), rest);
        int c = checksum(gre) ^ spoil;
        gre[4] = (byte) (c >> 8);
        gre[5] = (byte) c;
        return gre;
    }

    @Test
    void checksumKeyAndSequenceNumberAreReadInTheirOrder() {
        byte[] inner = ipv4(A, B, 17, udp(7000, 7001, bytes(1, 2, 3)));
        DissectedPacket p = overIpv4(withChecksum(0xb000, concat(u32(0x01020304L), u32(42), inner), 0));
        assertEquals(List.of(0xb000L), values(p, "gre.flags_and_version"));
        assertEquals(List.of(0x01020304L), values(p, "gre.key"));
        assertEquals(List.of(42L), values(p, "gre.sequence_number"));
        assertEquals(List.of(0L), values(p, "gre.offset"));
        assertEquals(List.of(1L), values(p, "gre.checksum.status"), "a correct checksum is Good");
        assertEquals("eth:ethertype:ip:gre:ip:udp:data", p.protocolsInFrame());
    }

    @Test
    void aWrongChecksumIsBadWithTheValueItShouldHave() {
        byte[] inner = ipv4(A, B, 17, udp(7000, 7001, bytes(1)));
        byte[] good = withChecksum(0x8000, inner, 0);
        int shouldBe = ((good[4] & 0xff) << 8) | (good[5] & 0xff);
        DissectedPacket p = overIpv4(withChecksum(0x8000, inner, 0x1111));
        assertEquals(List.of(0L), values(p, "gre.checksum.status"));
        String expected = String.format("Incorrect GRE Checksum [should be 0x%04x]", shouldBe);
        assertTrue(p.tree().experts().stream().anyMatch(e -> e.message().equals(expected)), expected);
    }

    @Test
    void theInnerLayerNamesTheColumnsAndBothAddressesMatchIpAddr() {
        DissectedPacket p = overIpv4(concat(u16(0), u16(0x0800), ipv4(A, B, 17, udp(7000, 7001, bytes(1)))));
        assertEquals("10.1.0.1 10.2.0.1 UDP", columns(p));
        assertEquals(List.of(0xcb007101L, 0x0a010001L), values(p, "ip.src"));
    }

    @Test
    void anUnknownProtocolTypeIsDataInsideTheGreItem() {
        DissectedPacket p = overIpv4(concat(u16(0), u16(0x1234), bytes('a', 'b')));
        assertEquals("GRE", p.columns().protocol());
        assertEquals("Encapsulated 0x1234 (unknown)", p.columns().info());
        assertEquals("eth:ethertype:ip:gre:data", p.protocolsInFrame());
        assertTrue(verbose(p).contains("Generic Routing Encapsulation (0x1234 - unknown)"));
        assertTrue(verbose(p).contains("    Data (2 bytes)"), "data is a child of the GRE item");
    }

    @Test
    void sourceRouteEntriesAreReadUpToTheNullEntry() {
        byte[] sre = concat(u16(0x0800), bytes(0, 8), bytes(1, 1, 1, 1, 2, 2, 2, 2), u16(0), bytes(0, 0));
        byte[] inner = ipv4(A, B, 17, udp(7000, 7001, bytes(1)));
        DissectedPacket p = overIpv4(withChecksum(0xc000, concat(sre, inner), 0));
        assertEquals(2, items(p, "gre.routing").size());
        assertEquals(List.of(0x0800L, 0L), values(p, "gre.routing.address_family"));
        assertEquals(List.of(8L, 0L), values(p, "gre.routing.src_length"));
        assertEquals("eth:ethertype:ip:gre:ip:udp:data", p.protocolsInFrame());
    }

    @Test
    void enhancedGreKeyIsPayloadLengthAndCallIdFollowedByTheAcknowledgment() {
        // Version 1, K, S and A bits, no payload: an acknowledgment-only packet carries S here too.
        DissectedPacket p = overIpv4(concat(u16(0x3081), u16(0x880b), u16(0), u16(9), u32(5), u32(4)));
        assertEquals(List.of(0L), values(p, "gre.key.payload_length"));
        assertEquals(List.of(9L), values(p, "gre.key.call_id"));
        assertEquals(List.of(5L), values(p, "gre.sequence_number"));
        assertEquals(List.of(4L), values(p, "gre.ack_number"));
        assertEquals(List.of(), values(p, "gre.key"));
        assertEquals("Encapsulated PPP", p.columns().info());
        assertEquals("eth:ethertype:ip:gre", p.protocolsInFrame());
    }

    @Test
    void greOverIpv6CarriesIpv6() {
        byte[] inner = ipv6(9, 10, 6, tcp(33000, 22, 1, 0, 0x02, new byte[0]));
        DissectedPacket p = dissect(eth(0x86dd, ipv6(7, 8, 47, concat(u16(0x2000), u16(0x86dd), u32(7), inner))));
        assertEquals("eth:ethertype:ipv6:gre:ipv6:tcp", p.protocolsInFrame());
        assertEquals("2001:db8::9 2001:db8::a TCP", columns(p));
    }

    @Test
    void transparentEthernetBridgingCarriesAFrame() {
        byte[] frame = eth(0x0800, ipv4(A, B, 6, tcp(1234, 80, 0, 0, 0x02, new byte[0])));
        DissectedPacket p = overIpv4(concat(u16(0x2000), u16(0x6558), u32(100), frame));
        assertEquals("eth:ethertype:ip:gre:eth:ethertype:ip:tcp", p.protocolsInFrame());
        assertEquals(List.of(100L), values(p, "gre.key"));
    }

    @Test
    void erspanTypeTwoFollowsTheSequenceNumberThenTheMirroredFrame() {
        // Version 1 (type II), VLAN 100; CoS 5, encapsulation 3, truncated, session 300; index 12345.
        byte[] span = concat(u16((1 << 12) | 100), u16((5 << 13) | (3 << 11) | (1 << 10) | 300), u32(12345));
        byte[] mirrored = eth(0x0800, ipv4(A, B, 17, udp(1, 2, bytes(1))));
        DissectedPacket p = overIpv4(concat(u16(0x1000), u16(0x88be), u32(7), span, mirrored));
        assertEquals("eth:ethertype:ip:gre:erspan:eth:ethertype:ip:udp:data", p.protocolsInFrame());
        assertEquals(List.of(100L), values(p, "erspan.vlan"));
        assertEquals(List.of(3L), values(p, "erspan.encap"));
        assertEquals(List.of(300L), values(p, "erspan.spanid"));
        assertEquals(List.of(12345L), values(p, "erspan.index"));
        assertTrue(verbose(p).contains("Encapsulated Remote Switch Packet ANalysis Type II"));
    }

    @Test
    void erspanTypeThreeReadsThePlatformSubHeaderItsOBitAnnounces() {
        // Type III, frame type Ethernet, O bit; platform 5: switch 18, port 4242, seconds 1700000000.
        byte[] span = concat(u16((2 << 12) | 200), u16(301), u32(1), u16(2), u16((1 << 15) | 1),
                u32((5L << 26) | (18 << 16) | 4242), u32(1_700_000_000L));
        byte[] mirrored = eth(0x0800, ipv4(A, B, 17, udp(1, 2, bytes(1))));
        DissectedPacket p = overIpv4(concat(u16(0x1000), u16(0x22eb), u32(9), span, mirrored));
        assertEquals(List.of(5L), values(p, "erspan.platid"));
        assertEquals(List.of(18L), values(p, "erspan.pid5.switchid"));
        assertEquals(List.of(4242L), values(p, "erspan.pid5.port_index"));
        assertEquals("eth:ethertype:ip:gre:erspan:eth:ethertype:ip:udp:data", p.protocolsInFrame());
    }

    @Test
    void erspanWithoutASequenceNumberIsTypeOneWithoutAHeader() {
        byte[] mirrored = eth(0x0800, ipv4(A, B, 17, udp(1, 2, bytes(1))));
        DissectedPacket p = overIpv4(concat(u16(0), u16(0x88be), mirrored));
        assertEquals("eth:ethertype:ip:gre:erspan:eth:ethertype:ip:udp:data", p.protocolsInFrame());
        assertEquals(List.of(), values(p, "erspan.version"));
    }

    @Test
    void aKeyBitWithoutItsKeyIsMalformed() {
        DissectedPacket p = overIpv4(concat(u16(0x2000), u16(0x0800)));
        assertTrue(p.malformed());
        assertEquals("eth:ethertype:ip:gre:_ws.malformed", p.protocolsInFrame());
    }

    @Test
    void thousandsOfNestedTunnelsStopAtFiveHundredLayersInsteadOfExhaustingTheStack() {
        byte[] packet = ipv4(A, B, 17, udp(1, 2, bytes(1)));
        for (int i = 0; i < 2700 && packet.length < 65000; i++) {
            packet = ipv4(OUT1, OUT2, 47, concat(u16(0), u16(0x0800), packet));
        }
        DissectedPacket p = dissect(eth(0x0800, packet));
        assertEquals(499, p.protocolsInFrame().split(":").length, "frame plus 499 layers");
        assertTrue(p.malformed());
    }
}
