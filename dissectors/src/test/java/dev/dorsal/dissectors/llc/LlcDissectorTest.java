package dev.dorsal.dissectors.llc;

import static dev.dorsal.dissectors.llc.Dot3Frames.STATION;
import static dev.dorsal.dissectors.llc.Dot3Frames.dot3;
import static dev.dorsal.dissectors.llc.Dot3Frames.ethernet;
import static dev.dorsal.dissectors.llc.Dot3Frames.fields;
import static dev.dorsal.dissectors.llc.Dot3Frames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 802.2 LLC header and SNAP, expected values worked out from ISO/IEC 8802-2 and RFC 1042 and
 * worded as tshark 4.0.17 prints them.
 */
class LlcDissectorTest {
    @Test
    void unnumberedInformationToAnUnknownSapIsData() {
        DissectedPacket p = ethernet(dot3(STATION, hex("3c3c03 01020304")));
        assertEquals("LLC", p.columns().protocol());
        assertEquals("U, func=UI; DSAP 0x3c Individual, SSAP 0x3c Command", p.columns().info());
        assertEquals("eth:llc:data", p.protocolsInFrame());
    }

    @Test
    void informationFrameControlIsTwoBytesLittleEndian() {
        // bytes 10 21: N(S) = 0x10 >> 1 = 8, P = bit 0 of the second byte, N(R) = 0x21 >> 1 = 16
        DissectedPacket p = ethernet(dot3(STATION, hex("3c3c 1021 aa")));
        assertEquals("I P, N(R)=16, N(S)=8; DSAP 0x3c Individual, SSAP 0x3c Command", p.columns().info());
        List<String> f = fields(p, "llc");
        assertTrue(f.containsAll(List.of("llc.control=0x2110", "llc.control.n_r=16", "llc.control.n_s=8",
                "llc.control.p=1")), f::toString);
    }

    @Test
    void supervisoryResponseShowsTheFinalBit() {
        DissectedPacket p = ethernet(dot3(STATION, hex("3c3d 0105")));
        assertEquals("S F, func=RR, N(R)=2; DSAP 0x3c Individual, SSAP 0x3c Response", p.columns().info());
        List<String> f = fields(p, "llc");
        assertTrue(f.contains("llc.control.f=1"), f::toString);
        assertFalse(f.stream().anyMatch(s -> s.startsWith("llc.control.p=")), f::toString);
    }

    @Test
    void groupDsapAndResponseModifierNames() {
        // 0x0f with the C/R bit set is DM (disconnected mode); as a command it would be SARM
        DissectedPacket p = ethernet(dot3(STATION, hex("433d 0f")));
        assertEquals("U, func=DM; DSAP Spanning Tree BPDU Group, SSAP 0x3c Response", p.columns().info());
        assertEquals("eth:llc", p.protocolsInFrame());
    }

    @Test
    void xidInBasicFormatIsDecodedWithoutALayer() {
        DissectedPacket p = ethernet(dot3(STATION, hex("3c3c bf 81010e")));
        assertEquals("XID", p.columns().protocol());
        assertEquals("Basic Format; Type 1 LLC (Class I LLC); Window Size 7", p.columns().info());
        assertEquals("eth:llc", p.protocolsInFrame());
        assertTrue(fields(p, "basicxid").contains("basicxid.llc.xid.wsize=7"));
    }

    @Test
    void snapWithOuiZeroHandsThePidToTheEthertypeTable() {
        String ip = "4500 0020 0001 0000 4011 66ca 0a000001 0a000002";
        String udp = "9c40 9c41 000c 0000 70696e67";
        DissectedPacket p = ethernet(dot3(STATION, hex("aaaa03 000000 0800" + ip + udp)));
        assertEquals("eth:llc:ip:udp:data", p.protocolsInFrame());
        assertTrue(fields(p, "llc").contains("llc.type=0x0800"));
        assertEquals("UDP", p.columns().protocol());
    }

    @Test
    void snapWithAnUnknownOuiShowsItsProtocolId() {
        DissectedPacket p = ethernet(dot3(STATION, hex("aaaa03 0a0b0c 1234 6f70")));
        assertEquals("U, func=UI; SNAP, OUI 0x0A0B0C (Unknown), PID 0x1234", p.columns().info());
        assertTrue(fields(p, "llc").containsAll(List.of("llc.oui=658188", "llc.pid=0x1234")));
        assertEquals("eth:llc:data", p.protocolsInFrame());
    }

    @Test
    void aOneByteHeaderIsMalformed() {
        DissectedPacket p = ethernet(dot3(STATION, hex("42")));
        assertTrue(p.malformed());
        assertEquals("eth:llc:_ws.malformed", p.protocolsInFrame());
    }

    @Test
    void linuxCookedCaptureProtocolFourIsLlc() {
        DissectedPacket p = Dot3Frames.sll2(Dot3Frames.sll2Llc(hex("3c3c03 0102")));
        assertEquals("sll:llc:data", p.protocolsInFrame());
    }

    @Test
    void aVlanTagWithALengthIsFollowedByLlc() {
        DissectedPacket p = ethernet(Dot3Frames.vlanLength(hex("3c3c03 0102")));
        assertEquals("eth:ethertype:vlan:llc:data", p.protocolsInFrame());
    }
}
