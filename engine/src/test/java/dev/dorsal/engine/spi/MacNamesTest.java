package dev.dorsal.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MAC names resolved from data in the format of Wireshark's {@code manuf}, {@code wka} and {@code
 * ethers} files, against what tshark 4.0.17 printed (eth.dst_resolved) for the same addresses with
 * the same entries in its installation's files. The entries here are written for this test.
 */
class MacNamesTest {
    private static final List<String> MANUF = List.of(
            "00:00:00\t00:00:00\tXerox",
            "00:00:0C\tCisco\tCisco Systems, Inc",
            "00:00:5E\tICANNIAN\tICANN, IANA Department",
            "00:1B:21\tIntelCor\tIntel Corporate",
            "00:1B:C5\tIEEERegi\tIEEE Registration Authority",
            "00:1B:C5:00:10:00/36\tOpenRBco\tOpenRB.com, Direct SIA  # a comment",
            "00:55:DA:00:00:00/28\tShinkoTe\tShinko Technos co.,ltd.",
            "00:55:DA:10:00:00/28\tKoolPOS\tKoolPOS Inc.");
    private static final List<String> WKA = List.of(
            "# well-known addresses",
            "FF-FF-FF-FF-FF-FF\tBroadcast",
            "01-00-5E/25\t\tIPv4mcast",
            "33-33-00-00-00-00\tIPv6-Neighbor-Discovery",
            "33-33-00-00-00-00/16\tIPv6mcast",
            "00-00-0C-07-AC/40\tAll-HSRP-routers",
            "00-00-5E-00-01/40\tIETF-VRRP-VRID",
            "01-80-C2-00-00-00/44\tSpanning-tree-(for-bridges)",
            "01-80-C2-00-00-30/45\tOAM-Multicast-DA-Class-1",
            "01-80-C2-00-00-38/45\tOAM-Multicast-DA-Class-2",
            "01-10-18-00-00-00/24\tFCoE-group",
            "02-BF-00-00-00-00/16\tMS-NLB-VirtServer");

    private static MacNameTable table() {
        MacNameTable t = new MacNameTable();
        MANUF.forEach(l -> t.add(l, false));
        WKA.forEach(l -> t.add(l, false));
        return t;
    }

    private static long mac(String s) {
        return Long.parseLong(s.replace(":", ""), 16);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "00:1b:21:aa:bb:cc IntelCor_aa:bb:cc",
            "00:00:00:00:00:00 00:00:00_00:00:00",
            "00:00:5e:00:02:05 ICANNIAN_00:02:05",
            "ff:ff:ff:ff:ff:ff Broadcast",
            "33:33:00:00:00:00 IPv6-Neighbor-Discovery",
            "00:1b:c5:00:10:05 OpenRBco_05",
            "00:1b:c5:00:10:00 OpenRBco_00",
            "00:1b:c5:00:1a:bc OpenRBco_0a:bc",
            "00:55:da:00:00:01 ShinkoTe_01",
            "00:55:da:01:02:03 ShinkoTe_01:02:03",
            "00:55:da:0f:00:00 ShinkoTe_0f:00:00",
            "00:55:da:10:00:00 KoolPOS_00",
            "01:00:5e:00:00:fb IPv4mcast_fb",
            "01:00:5e:00:00:00 IPv4mcast_00",
            "01:00:5e:00:01:00 IPv4mcast_01:00",
            "01:00:5e:7f:ff:fa IPv4mcast_7f:ff:fa",
            "01:00:5e:80:00:01 IPv4mcast_80:00:01",
            "01:00:5e:ff:00:01 IPv4mcast_ff:00:01",
            "33:33:00:00:00:fb IPv6mcast_fb",
            "33:33:00:00:00:01 IPv6mcast_01",
            "33:33:00:01:00:03 IPv6mcast_01:00:03",
            "33:33:ff:00:00:01 IPv6mcast_ff:00:00:01",
            "00:00:0c:07:ac:01 All-HSRP-routers_01",
            "00:00:0c:07:ac:ff All-HSRP-routers_ff",
            "00:00:0c:07:ad:01 All-HSRP-routers_01:01",
            "00:00:5e:00:01:05 IETF-VRRP-VRID_05",
            "00:00:5e:00:01:00 IETF-VRRP-VRID_00",
            "01:80:c2:00:00:00 Spanning-tree-(for-bridges)_00",
            "01:80:c2:00:00:1f Spanning-tree-(for-bridges)_1f",
            "01:80:c2:00:00:31 OAM-Multicast-DA-Class-1_01",
            "01:80:c2:00:00:3a OAM-Multicast-DA-Class-2_02",
            "01:10:18:12:34:56 FCoE-group_12:34:56",
            "01:10:18:00:00:01 FCoE-group_01",
            "02:bf:01:02:03:04 MS-NLB-VirtServer_01:02:03:04",
            "02:bf:00:00:00:04 MS-NLB-VirtServer_04",
            "01:1b:21:aa:bb:cc IntelCor_aa:bb:cc",
            "01:1b:c5:00:10:05 IEEERegi_00:10:05"})
    void namesAsTsharkShowsThem(String address, String expected) {
        assertEquals(expected, table().name(mac(address)), address);
    }

    @Test
    void unknownAddressesHaveNoName() {
        assertNull(table().name(mac("02:42:ac:11:00:02")));
        assertNull(table().name(mac("03:1b:21:aa:bb:cc")), "only the group bit is cleared for the vendor");
    }

    @Test
    void vendorFullNamesForTheOuiFields() {
        MacNameTable t = table();
        assertEquals("Intel Corporate", t.vendor(0x001b21));
        assertEquals("IEEE Registration Authority", t.vendor(0x001bc5));
        assertNull(t.vendor(0x0242ac));
        assertNull(t.vendor(0x011b21), "the OUI field of a group address names no vendor");
    }

    @Test
    void ethersNamesWinOverTheInstallation() {
        MacNameTable t = table();
        t.add("00:1b:21:aa:bb:cc  gateway", true);
        t.add("ff-ff-ff-ff-ff-ff everyone # trailing comment", true);
        assertEquals("gateway", t.name(mac("00:1b:21:aa:bb:cc")));
        assertEquals("everyone", t.name(mac("ff:ff:ff:ff:ff:ff")));
        assertEquals("IntelCor_aa:bb:cd", t.name(mac("00:1b:21:aa:bb:cd")));
    }

    @Test
    void linesThatAreNotEntriesAddNothing() {
        MacNameTable t = new MacNameTable();
        for (String l : List.of("", "# only a comment", "00:1B", "zz:zz:zz\tBad", "00:1B:21", "00:1B:21:00:00:00/x\tX")) {
            t.add(l, false);
        }
        assertTrue(t.isEmpty());
    }

    @Test
    void withoutTablesOnlyBroadcastAndTheZeroPrefixAreNamed() {
        // The test JVM runs with DORSAL_WIRESHARK_DATA=none (see the parent pom).
        assertTrue(MacNameTable.get().isEmpty());
        assertEquals("Broadcast", EtherNames.resolve(mac("ff:ff:ff:ff:ff:ff")));
        assertEquals("00:00:00_12:34:56", EtherNames.resolve(mac("00:00:00:12:34:56")));
        assertEquals("00:1b:21:aa:bb:cc", EtherNames.resolve(mac("00:1b:21:aa:bb:cc")));
    }
}
