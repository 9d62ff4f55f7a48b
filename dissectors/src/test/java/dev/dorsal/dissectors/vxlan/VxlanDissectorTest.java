package dev.dorsal.dissectors.vxlan;

import static dev.dorsal.dissectors.TunnelFrames.bytes;
import static dev.dorsal.dissectors.TunnelFrames.capture;
import static dev.dorsal.dissectors.TunnelFrames.concat;
import static dev.dorsal.dissectors.TunnelFrames.dissect;
import static dev.dorsal.dissectors.TunnelFrames.eth;
import static dev.dorsal.dissectors.TunnelFrames.ipv4;
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
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VXLAN on UDP 4789 (RFC 7348) with the group policy extension. */
class VxlanDissectorTest {
    private static final int[] OUT1 = {203, 0, 113, 1};
    private static final int[] OUT2 = {203, 0, 113, 2};
    private static final int[] CLI = {172, 16, 0, 10};
    private static final int[] SRV = {172, 16, 0, 20};

    private static byte[] vxlan(int sport, int flags, int gbp, int vni, byte[] inner) {
        return eth(0x0800, ipv4(OUT1, OUT2, 17, udp(sport, 4789, concat(u16(flags), u16(gbp), u32((long) vni << 8),
                inner))));
    }

    @Test
    void headerFieldsThenTheInnerFrameWhoseAddressesFillTheColumns() {
        byte[] inner = eth(0x0800, ipv4(CLI, SRV, 6, tcp(51000, 80, 100, 0, 0x02, new byte[0])));
        DissectedPacket p = dissect(vxlan(50001, 0x0800, 0, 5001, inner));
        assertEquals(List.of(5001L), values(p, "vxlan.vni"));
        assertEquals(List.of(1L), values(p, "vxlan.flag_i"));
        assertEquals("eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:tcp", p.protocolsInFrame());
        assertEquals("172.16.0.10 172.16.0.20 TCP", columns(p));
    }

    @Test
    void theFlagsLabelNamesTheFlagsThatAreSet() {
        byte[] inner = eth(0x0800, ipv4(CLI, SRV, 17, udp(1, 2, bytes(1))));
        DissectedPacket p = dissect(vxlan(50002, 0x8848, 1234, 77, inner));
        assertEquals(List.of(1234L), values(p, "vxlan.gbp"));
        assertTrue(verbose(p).contains(
                "    Flags: 0x8848, GBP Extension, VXLAN Network ID (VNI), Don't Learn, Policy Applied"));
        assertTrue(verbose(p).contains("        1... .... .... .... = GBP Extension: Defined"));
    }

    @Test
    void innerTcpSegmentsOfDifferentOuterPortsAreOneStream() {
        Dissection d = capture();
        DissectedPacket syn = dissect(d, vxlan(50001, 0x0800, 0, 1,
                eth(0x0800, ipv4(CLI, SRV, 6, tcp(51000, 80, 100, 0, 0x02, new byte[0])))), 1);
        DissectedPacket synAck = dissect(d, vxlan(50002, 0x0800, 0, 1,
                eth(0x0800, ipv4(SRV, CLI, 6, tcp(80, 51000, 900, 101, 0x12, new byte[0])))), 2);
        assertEquals(values(syn, "tcp.stream"), values(synAck, "tcp.stream"));
        assertEquals(List.of(0L), values(syn, "udp.stream"));
        assertEquals(List.of(1L), values(synAck, "udp.stream"), "the outer UDP ports differ, the inner TCP ones not");
    }

    @Test
    void theInnerLayersRunForAConsumerOfNetworkFieldsOnly() {
        // Such a consumer lets UDP skip application payloads; a tunnel's payload is not one.
        Registry registry = Registry.loadDefault();
        BitSet interest = new BitSet();
        for (FieldDef f : registry.fields().lookup("ip.src")) {
            interest.set(f.id());
        }
        byte[] frame = vxlan(50001, 0x0800, 0, 5001, eth(0x0800, ipv4(CLI, SRV, 17, udp(1, 2, bytes(1)))));
        DissectedPacket p = new Dissection(registry).dissect(
                new RawFrame(1, 0, 1, 0, 1_700_000_000_000_000_000L, 6, frame.length, frame),
                new DissectionOptions(false, interest, false));
        assertEquals(List.of(0xcb007101L, 0xac10000aL), values(p, "ip.src"));
    }

    @Test
    void aHeaderCutAfterFourBytesIsMalformed() {
        DissectedPacket p = dissect(eth(0x0800, ipv4(OUT1, OUT2, 17, udp(50003, 4789, bytes(0x08, 0, 0, 0)))));
        assertTrue(p.malformed());
        assertEquals("VxLAN", p.columns().protocol());
    }
}
