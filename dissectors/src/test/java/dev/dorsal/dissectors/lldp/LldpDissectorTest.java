package dev.dorsal.dissectors.lldp;

import static dev.dorsal.dissectors.llc.Dot3Frames.ethernet;
import static dev.dorsal.dissectors.llc.Dot3Frames.fields;
import static dev.dorsal.dissectors.llc.Dot3Frames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.dissectors.http.testkit.TreeText;
import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * LLDPDUs (IEEE 802.1AB-2016 §8) built by hand; the expected values follow from the TLV layout
 * (7-bit type, 9-bit length) and tshark 4.0.17's Info wording.
 */
class LldpDissectorTest {
    /** Chassis ID: MAC 02:00:00:aa:bb:cc; port ID: interface name "eth0"; TTL 120. */
    private static final String MANDATORY = "0207 04 020000aabbcc" + "0405 05 65746830" + "0602 0078";
    private static final String END = "0000";

    private static DissectedPacket lldp(String tlvs) {
        byte[] body = hex(tlvs);
        byte[] frame = new byte[Math.max(60, 14 + body.length)];
        System.arraycopy(hex("0180c200000e 020000000001 88cc"), 0, frame, 0, 14);
        System.arraycopy(body, 0, frame, 14, body.length);
        return ethernet(frame);
    }

    @Test
    void mandatoryTlvsMakeTheInfo() {
        DissectedPacket p = lldp(MANDATORY + END);
        assertEquals("LLDP", p.columns().protocol());
        assertEquals("MA/02:00:00:aa:bb:cc IN/eth0 120 ", p.columns().info());
        assertTrue(fields(p, "lldp").containsAll(List.of("lldp.chassis.id.mac=02:00:00:aa:bb:cc", "lldp.port.id=eth0",
                "lldp.time_to_live=120")));
    }

    @Test
    void systemNameAndDescriptionJoinTheInfo() {
        // 0x0a08: type 5, length 8; 0x0c03: type 6, length 3
        DissectedPacket p = lldp(MANDATORY + "0a08 7377697463682d31" + "0c03 6f7321" + END);
        assertEquals("MA/02:00:00:aa:bb:cc IN/eth0 120 SysN=switch-1 SysD=os! ", p.columns().info());
    }

    @Test
    void capabilitiesAreBitsOfTwoWords() {
        DissectedPacket p = lldp(MANDATORY + "0e04 0014 0010" + END);
        List<String> f = fields(p, "lldp");
        assertTrue(f.containsAll(List.of("lldp.tlv.system_cap=0x0014", "lldp.tlv.system_cap.bridge=1",
                "lldp.tlv.system_cap.router=1", "lldp.tlv.enable_system_cap.bridge=0",
                "lldp.tlv.enable_system_cap.router=1")), f::toString);
    }

    @Test
    void managementAddressWithAnObjectIdentifier() {
        String oid = "2b 06 01 04 01 81 9d 01"; // 1.3.6.1.4.1.20097
        DissectedPacket p = lldp(MANDATORY + "1014 05 01 0a000001 03 00000007 08" + oid + END);
        List<String> f = fields(p, "lldp");
        assertTrue(f.containsAll(List.of("lldp.mgn.addr.ip4=10.0.0.1", "lldp.mgn.interface.number=7")), f::toString);
        List<String> tree = TreeText.topLevel(p.tree(), Set.of("lldp"), List.of());
        assertTrue(tree.contains("        Object Identifier: 1.3.6.1.4.1.20097 (iso.3.6.1.4.1.20097)"), tree::toString);
    }

    @Test
    void ieee8021And8023OrganizationSpecificTlvs() {
        // 0xfe06: type 127, length 6; OUI 00:80:c2 subtype 1 (port VLAN ID 100); OUI 00:12:0f subtype 4
        // (maximum frame size 1518)
        DissectedPacket p = lldp(MANDATORY + "fe06 0080c2 01 0064" + "fe06 00120f 04 05ee" + END);
        List<String> f = fields(p, "lldp");
        assertTrue(f.containsAll(List.of("lldp.orgtlv.oui=32962", "lldp.ieee.802_1.subtype=0x01",
                "lldp.ieee.802_1.port_vlan.id=100", "lldp.ieee.802_3.subtype=0x04",
                "lldp.ieee.802_3.max_frame_size=1518")), f::toString);
    }

    @Test
    void extraBytesAfterAn8023SubtypeAreFlagged() {
        DissectedPacket p = lldp(MANDATORY + "fe07 00120f 04 05ee 01" + END);
        assertTrue(fields(p, "lldp").contains("lldp.excess_length=1"), fields(p, "lldp")::toString);
    }

    @Test
    void aMissingChassisIdEndsTheLldpdu() {
        DissectedPacket p = lldp("0405 05 65746830" + END);
        assertEquals("Invalid Chassis ID TLV", p.columns().info());
    }

    @Test
    void aDuplicateTimeToLiveEndsTheLldpdu() {
        DissectedPacket p = lldp(MANDATORY + "0602 0001" + END);
        assertEquals("Duplicate Time-To-Live TLV", p.columns().info());
    }

    @Test
    void theLldpduClaimsOneByteLessThanItsTlvsBeforeTheEnd() {
        // tshark's LLDP returns the offset before the End TLV minus one (14 + 20 - 1 = 33), so the
        // last byte of the TTL starts an Ethernet trailer that is not all padding
        DissectedPacket p = lldp(MANDATORY + END);
        List<String> f = fields(p, "eth");
        assertTrue(f.contains("eth.trailer=78" + "00".repeat(60 - 34)), f::toString);
    }
}
