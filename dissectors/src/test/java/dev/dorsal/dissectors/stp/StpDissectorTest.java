package dev.dorsal.dissectors.stp;

import static dev.dorsal.dissectors.llc.Dot3Frames.BRIDGES;
import static dev.dorsal.dissectors.llc.Dot3Frames.dot3;
import static dev.dorsal.dissectors.llc.Dot3Frames.ethernet;
import static dev.dorsal.dissectors.llc.Dot3Frames.fields;
import static dev.dorsal.dissectors.llc.Dot3Frames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.dissectors.http.testkit.TreeText;
import dev.dorsal.dissectors.llc.Dot3Frames;
import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Spanning tree BPDUs (IEEE 802.1D-2004 §9.3, 802.1Q-2018 §14.6) behind LLC SAP 0x42, with the
 * values worked out from the standard's layout and the Info wording of tshark 4.0.17.
 */
class StpDissectorTest {
    private static final String LLC = "424203";
    /** Root 0x8064 (priority 32768, extension 100) 02:00:00:aa:00:01, cost 4, bridge 0x7001 …02. */
    private static final String IDS = "8064 020000aa0001 00000004 7001 020000aa0002 8004";
    private static final String TIMES = "0100 1400 0200 0f00";

    private static DissectedPacket bpdu(String hex) {
        return ethernet(dot3(BRIDGES, hex(LLC + hex)));
    }

    @Test
    void configurationBpduInfoSplitsTheRootIdentifier() {
        DissectedPacket p = bpdu("0000 00 00 00" + IDS + TIMES);
        assertEquals("STP", p.columns().protocol());
        assertEquals("Conf. Root = 32768/100/02:00:00:aa:00:01  Cost = 4  Port = 0x8004", p.columns().info());
        List<String> f = fields(p, "stp");
        assertTrue(f.containsAll(List.of("stp.root.prio=32768", "stp.root.ext=100", "stp.bridge.prio=28672",
                "stp.bridge.ext=1", "stp.port=0x8004")), f::toString);
    }

    @Test
    void timersCountSixteenthsOf256() {
        DissectedPacket p = bpdu("0000 00 00 81" + IDS + "0180 1440 0280 0f00");
        assertEquals("Conf. TC + Root = 32768/100/02:00:00:aa:00:01  Cost = 4  Port = 0x8004", p.columns().info());
        List<String> f = fields(p, "stp");
        assertTrue(f.containsAll(List.of("stp.msg_age=1.5", "stp.max_age=20.25", "stp.hello=2.5", "stp.forward=15",
                "stp.flags.tcack=1", "stp.flags.tc=1")), f::toString);
    }

    @Test
    void topologyChangeNotification() {
        DissectedPacket p = bpdu("0000 00 80");
        assertEquals("Topology Change Notification", p.columns().info());
        assertEquals("eth:llc:stp", p.protocolsInFrame());
    }

    @Test
    void rstFlagsAreSummedUpInTheFlagsLabel() {
        DissectedPacket p = bpdu("0000 02 02 3d" + IDS + TIMES + "00");
        assertEquals("RST. TC + Root = 32768/100/02:00:00:aa:00:01  Cost = 4  Port = 0x8004", p.columns().info());
        List<String> tree = TreeText.topLevel(p.tree(), Set.of("stp"), List.of());
        assertTrue(tree.contains("    BPDU flags: 0x3d, Forwarding, Learning, Port Role: Designated, Topology Change"),
                tree::toString);
        assertTrue(tree.contains("        .... 11.. = Port Role: Designated (3)"), tree::toString);
    }

    @Test
    void mstBpduWithTwoMstiRecords() {
        String mstConfig = "00" + "00".repeat(32) + "0007" + "00".repeat(16);
        String cist = "00030d40 7001 020000aa0003 13";
        String msti1 = "7c 8005 020000aa0004 00030d40 80 80 13";
        String msti2 = "09 6010 020000aa0005 00004e20 60 90 12";
        DissectedPacket p = bpdu("0000 03 02 7c" + IDS + TIMES + "00 0060" + mstConfig + cist + msti1 + msti2);
        assertTrue(p.columns().info().startsWith("MST. Root = 32768/100/"), p.columns().info());
        List<String> f = fields(p, "stp");
        assertTrue(f.containsAll(List.of("mstp.version_3_length=96", "mstp.cist_bridge.prio=28672",
                "mstp.cist_bridge.ext=1", "mstp.cist_remaining_hops=19", "mstp.msti.msti_id=5",
                "mstp.msti.msti_id=16", "mstp.msti.priority=0x06", "mstp.msti.bridge_priority=6",
                "mstp.msti.port_priority=9", "mstp.msti.remaining_hops=18")), f::toString);
        assertFalse(p.malformed());
    }

    @Test
    void aVersion3LengthBelowTheFixedPartCountsRecords() {
        String mst = "00" + "00".repeat(32) + "0007" + "00".repeat(16) + "00030d40 7001 020000aa0003 13";
        String msti = "7c 8005 020000aa0004 00030d40 80 80 13";
        DissectedPacket p = bpdu("0000 03 02 7c" + IDS + TIMES + "00 0001" + mst + msti);
        assertTrue(fields(p, "stp").contains("mstp.msti.msti_id=5"));
        assertFalse(p.malformed());
    }

    @Test
    void theVersion3LengthLimitsTheBpdu() {
        // 72 bytes leave 8 for MSTI records: the record of 16 that follows lies beyond the BPDU
        String mst = "00" + "00".repeat(32) + "0007" + "00".repeat(16) + "00030d40 7001 020000aa0003 13";
        String msti = "7c 8005 020000aa0004 00030d40 80 80 13";
        DissectedPacket p = bpdu("0000 03 02 7c" + IDS + TIMES + "00 0048" + mst + msti);
        assertTrue(p.malformed());
        assertFalse(fields(p, "stp").stream().anyMatch(s -> s.startsWith("mstp.msti.msti_id")));
    }

    @Test
    void pvstPlusCarriesItsOriginatingVlan() {
        byte[] payload = hex("aaaa03 00000c 010b" + "0000 00 00 00" + IDS + TIMES + "00" + "0000 0002 0064");
        DissectedPacket p = ethernet(dot3(BRIDGES, payload));
        assertEquals("eth:llc:stp", p.protocolsInFrame());
        assertTrue(fields(p, "stp").contains("stp.pvst.origvlan=100"));
    }

    @Test
    void garpAddressesAreNotBpdus() {
        DissectedPacket p = ethernet(dot3("0180c200002f", hex(LLC + "0000 00 00 00" + IDS + TIMES)));
        assertEquals("GARP", p.columns().protocol());
        assertEquals("Unknown GARP application (0x2F)", p.columns().info());
        assertEquals("eth:llc", p.protocolsInFrame());
    }

    @Test
    void aBpduCutByThe8023LengthIsMalformedBeforeItsTree() {
        byte[] frame = dot3(BRIDGES, hex(LLC + "0000 00 00 00" + IDS + TIMES), 20);
        DissectedPacket p = ethernet(frame);
        assertTrue(p.malformed());
        assertTrue(fields(p, "stp").isEmpty());
        assertEquals("[Malformed Packet]", p.columns().info());
    }

    @Test
    void aBpduCutByTheSnapLengthEndsThePacketWithoutATrailer() {
        byte[] frame = dot3(BRIDGES, hex(LLC + "0000 02 02 3c" + IDS + TIMES + "00" + "00".repeat(30)));
        DissectedPacket p = Dot3Frames.ethernetCut(frame, 40);
        assertEquals("eth:llc:stp:_ws.short", p.protocolsInFrame());
        assertFalse(fields(p, "eth").stream().anyMatch(s -> s.startsWith("eth.trailer") || s.startsWith("eth.padding")));
    }
}
