package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.spi.ValueString;

/**
 * Wireshark's encapsulation numbers (WTAP_ENCAP_*), which key the "wtap_encap" table, and the
 * mapping from the LINKTYPE_ code a capture file stores to them. Both come from tshark 4.0.17
 * itself: the names from its value glossary, the mapping from reading one-frame files of every
 * link type with it.
 */
public final class WtapEncap {
    private WtapEncap() {}

    public static final int UNKNOWN = 0;
    public static final int ETHERNET = 1;
    public static final int PPP = 4;
    public static final int RAW_IP = 7;
    public static final int NULL = 15;
    public static final int SLL = 25;
    public static final int CHDLC = 28;
    public static final int RAW_IP4 = 129;
    public static final int RAW_IP6 = 130;
    public static final int NFLOG = 141;
    public static final int NETLINK = 158;
    public static final int LOOP = 174;
    public static final int SLL2 = 210;

    /** LINKTYPE_ code to WTAP_ENCAP number, indexed by link type; 0 where tshark has none. */
    private static final int[] BY_LINK_TYPE = new int[300];

    static {
        int[] pairs = {
            0, 15, 1, 1, 2, 184, 3, 148, 6, 2, 7, 8, 8, 3, 9, 4, 10, 6, 11, 10, 12, 7, 13, 38,
            14, 7, 16, 11, 18, 11, 19, 11, 32, 69, 50, 4, 51, 139, 99, 61, 100, 10, 101, 7, 104, 28,
            105, 20, 106, 11, 107, 26, 108, 174, 109, 38, 112, 28, 113, 25, 114, 30, 117, 39,
            118, 29, 119, 21, 121, 32, 122, 18, 123, 13, 127, 23, 128, 37, 129, 9, 130, 81, 131, 82,
            133, 87, 135, 68, 136, 151, 137, 67, 138, 62, 139, 75, 140, 42, 141, 43, 142, 101,
            143, 33, 147, 45, 148, 46, 149, 47, 150, 48, 151, 49, 152, 50, 153, 51, 154, 52,
            155, 53, 156, 54, 157, 55, 158, 56, 159, 57, 160, 58, 161, 59, 162, 60, 163, 24,
            165, 63, 167, 76, 169, 66, 170, 178, 171, 179, 172, 77, 173, 78, 178, 83, 179, 84,
            180, 85, 181, 86, 183, 91, 184, 181, 186, 92, 187, 41, 188, 93, 189, 95, 190, 109,
            192, 97, 195, 104, 196, 100, 197, 98, 199, 103, 200, 197, 201, 99, 202, 147, 203, 131,
            204, 19, 209, 112, 210, 106, 211, 108, 212, 107, 213, 111, 214, 105, 215, 113, 220, 115,
            224, 121, 225, 122, 226, 124, 227, 125, 228, 129, 229, 130, 230, 127, 231, 146,
            235, 132, 236, 133, 237, 157, 239, 141, 240, 135, 241, 136, 242, 180, 243, 138,
            245, 140, 248, 149, 249, 152, 250, 153, 251, 154, 252, 155, 253, 158, 254, 159,
            255, 160, 256, 161, 258, 171, 259, 172, 260, 173, 264, 177, 266, 182, 268, 36, 270, 183,
            271, 185, 272, 186, 273, 199, 274, 198, 275, 200, 276, 210, 279, 204, 280, 205,
            283, 206, 287, 211, 288, 208, 290, 212, 292, 214, 293, 215, 294, 216, 295, 217,
        };
        for (int i = 0; i < pairs.length; i += 2) {
            BY_LINK_TYPE[pairs[i]] = pairs[i + 1];
        }
    }

    /** The WTAP_ENCAP number for a LINKTYPE_ code, or {@link #UNKNOWN}. */
    public static int fromLinkType(int linkType) {
        return linkType >= 0 && linkType < BY_LINK_TYPE.length ? BY_LINK_TYPE[linkType] : UNKNOWN;
    }

    /** Encapsulation names, as in "Encapsulation type: Ethernet (1)". */
    public static final ValueString NAMES = ValueString.builder()
            .add(0, "Unknown")
            .add(1, "Ethernet")
            .add(2, "Token Ring")
            .add(3, "SLIP")
            .add(4, "PPP")
            .add(5, "FDDI")
            .add(6, "FDDI with bit-swapped MAC addresses")
            .add(7, "Raw IP")
            .add(8, "ARCNET")
            .add(9, "Linux ARCNET")
            .add(10, "RFC 1483 ATM")
            .add(11, "Linux ATM CLIP")
            .add(12, "LAPB")
            .add(13, "ATM PDUs")
            .add(14, "ATM PDUs - untruncated")
            .add(15, "NULL/Loopback")
            .add(16, "Lucent/Ascend access equipment")
            .add(17, "ISDN")
            .add(18, "RFC 2625 IP-over-Fibre Channel")
            .add(19, "PPP with Directional Info")
            .add(20, "IEEE 802.11 Wireless LAN")
            .add(21, "IEEE 802.11 plus Prism II monitor mode radio header")
            .add(22, "IEEE 802.11 Wireless LAN with radio information")
            .add(23, "IEEE 802.11 plus radiotap radio header")
            .add(24, "IEEE 802.11 plus AVS radio header")
            .add(25, "Linux cooked-mode capture v1")
            .add(26, "Frame Relay")
            .add(27, "Frame Relay with Directional Info")
            .add(28, "Cisco HDLC")
            .add(29, "Cisco IOS internal")
            .add(30, "Localtalk")
            .add(31, "OpenBSD PF Firewall logs, pre-3.4")
            .add(32, "HiPath HDLC")
            .add(33, "Data Over Cable Service Interface Specification")
            .add(34, "CoSine L2 debug log")
            .add(35, "Wellfleet HDLC")
            .add(36, "SDLC")
            .add(37, "Tazmen sniffer protocol")
            .add(38, "OpenBSD enc(4) encapsulating interface")
            .add(39, "OpenBSD PF Firewall logs")
            .add(40, "Cisco HDLC with Directional Info")
            .add(41, "Bluetooth H4")
            .add(42, "SS7 MTP2")
            .add(43, "SS7 MTP3")
            .add(44, "IrDA")
            .add(45, "USER 0")
            .add(46, "USER 1")
            .add(47, "USER 2")
            .add(48, "USER 3")
            .add(49, "USER 4")
            .add(50, "USER 5")
            .add(51, "USER 6")
            .add(52, "USER 7")
            .add(53, "USER 8")
            .add(54, "USER 9")
            .add(55, "USER 10")
            .add(56, "USER 11")
            .add(57, "USER 12")
            .add(58, "USER 13")
            .add(59, "USER 14")
            .add(60, "USER 15")
            .add(61, "Symantec Enterprise Firewall")
            .add(62, "Apple IP-over-IEEE 1394")
            .add(63, "BACnet MS/TP")
            .add(64, "Raw ICMP with nettl headers")
            .add(65, "Raw ICMPv6 with nettl headers")
            .add(66, "GPRS LLC")
            .add(67, "Juniper ATM1")
            .add(68, "Juniper ATM2")
            .add(69, "Redback SmartEdge")
            .add(70, "Raw IP with nettl headers")
            .add(71, "Ethernet with nettl headers")
            .add(72, "Token Ring with nettl headers")
            .add(73, "FDDI with nettl headers")
            .add(74, "Unknown link-layer type with nettl headers")
            .add(75, "MTP2 with pseudoheader")
            .add(76, "Juniper PPPoE")
            .add(77, "GCOM TIE1")
            .add(78, "GCOM Serial")
            .add(79, "X.25 with nettl headers")
            .add(80, "K12 protocol analyzer")
            .add(81, "Juniper MLPPP")
            .add(82, "Juniper MLFR")
            .add(83, "Juniper Ethernet")
            .add(84, "Juniper PPP")
            .add(85, "Juniper Frame-Relay")
            .add(86, "Juniper C-HDLC")
            .add(87, "Juniper GGSN")
            .add(88, "LAPD with Linux pseudo-header")
            .add(89, "Catapult DCT2000")
            .add(90, "ASN.1 Basic Encoding Rules")
            .add(91, "Juniper Voice PIC")
            .add(92, "USB packets with FreeBSD header")
            .add(93, "IEEE 802.16 MAC Common Part Sublayer")
            .add(94, "Raw telnet with nettl headers")
            .add(95, "USB packets with Linux header")
            .add(96, "MPEG")
            .add(97, "Per-Packet Information header")
            .add(98, "Extensible Record Format")
            .add(99, "Bluetooth H4 with linux header")
            .add(100, "SITA WAN packets")
            .add(101, "SS7 SCCP")
            .add(102, "Bluetooth without transport layer")
            .add(103, "Intelligent Platform Management Bus with Kontron pseudo-header")
            .add(104, "IEEE 802.15.4 Wireless PAN")
            .add(105, "X2E Xoraya")
            .add(106, "FlexRay")
            .add(107, "Local Interconnect Network")
            .add(108, "Media Oriented Systems Transport")
            .add(109, "Controller Area Network 2.0B")
            .add(110, "EyeSDN Layer 1 event")
            .add(111, "X2E serial line capture")
            .add(112, "I2C with Linux-specific pseudo-header")
            .add(113, "IEEE 802.15.4 Wireless PAN non-ASK PHY")
            .add(114, "Transport-Neutral Encapsulation Format")
            .add(115, "USB packets with Linux header and padding")
            .add(116, "GSM Um Interface")
            .add(117, "Digital Private Signalling System No 1 Link Layer")
            .add(118, "Apple Bluetooth PacketLogger")
            .add(119, "NetScaler Encapsulation 1.0 of Ethernet")
            .add(120, "NetScaler Encapsulation 2.0 of Ethernet")
            .add(121, "Fibre Channel FC-2")
            .add(122, "Fibre Channel FC-2 With Frame Delimiter")
            .add(123, "JPEG/JFIF")
            .add(124, "Solaris IPNET")
            .add(125, "SocketCAN")
            .add(126, "IEEE 802.11 plus Network Monitor radio header")
            .add(127, "IEEE 802.15.4 Wireless PAN with FCS not present")
            .add(128, "RFC 5655/RFC 5101 IPFIX")
            .add(129, "Raw IPv4")
            .add(130, "Raw IPv6")
            .add(131, "LAPD")
            .add(132, "DVB-CI (Common Interface)")
            .add(133, "MUX27010")
            .add(134, "MIME")
            .add(135, "Hilscher netANALYZER")
            .add(136, "Hilscher netANALYZER-Transparent")
            .add(137, "IP over InfiniBand")
            .add(138, "ISO/IEC 13818-1 MPEG2-TS")
            .add(139, "PPP-over-Ethernet session")
            .add(140, "NFC LLCP")
            .add(141, "NFLOG")
            .add(142, "V5 Envelope Function")
            .add(143, "BACnet MS/TP with Directional Info")
            .add(144, "IxVeriWave header and stats block")
            .add(145, "SDH")
            .add(146, "D-Bus")
            .add(147, "AX.25 with KISS header")
            .add(148, "Amateur Radio AX.25")
            .add(149, "SCTP")
            .add(150, "InfiniBand")
            .add(151, "Juniper Services")
            .add(152, "USB packets with USBPcap header")
            .add(153, "RTAC serial-line")
            .add(154, "Bluetooth Low Energy Link Layer")
            .add(155, "Wireshark Upper PDU export")
            .add(156, "STANAG 4607")
            .add(157, "STANAG 5066 Data Transfer Sublayer PDUs(D_PDU)")
            .add(158, "Linux Netlink")
            .add(159, "Bluetooth Linux Monitor")
            .add(160, "Bluetooth BR/EDR Baseband RF")
            .add(161, "Bluetooth Low Energy Link Layer RF")
            .add(162, "NetScaler Encapsulation 3.0 of Ethernet")
            .add(163, "Android Logcat Binary format")
            .add(164, "Android Logcat Brief text format")
            .add(165, "Android Logcat Process text format")
            .add(166, "Android Logcat Tag text format")
            .add(167, "Android Logcat Thread text format")
            .add(168, "Android Logcat Time text format")
            .add(169, "Android Logcat Threadtime text format")
            .add(170, "Android Logcat Long text format")
            .add(171, "Apple PKTAP")
            .add(172, "Ethernet Passive Optical Network")
            .add(173, "IPMI Trace Data Collection")
            .add(174, "OpenBSD loopback")
            .add(175, "JavaScript Object Notation")
            .add(176, "NetScaler Encapsulation 3.5 of Ethernet")
            .add(177, "ISO 14443 contactless smartcard standards")
            .add(178, "ITU-T G.7041/Y.1303 Generic Framing Procedure Transparent mode")
            .add(179, "ITU-T G.7041/Y.1303 Generic Framing Procedure Frame-mapped mode")
            .add(180, "IP over IB")
            .add(181, "Juniper VN")
            .add(182, "USB packets with Darwin (macOS, etc.) headers")
            .add(183, "LoRaTap")
            .add(184, "Xerox 3MB Ethernet")
            .add(185, "Linux vsock")
            .add(186, "nRF Sniffer for Bluetooth LE")
            .add(187, "Network Monitor Network Event")
            .add(188, "Network Monitor Header")
            .add(189, "Network Monitor Filter")
            .add(190, "Network Monitor Network Info")
            .add(191, "Message Analyzer WFP Capture v4")
            .add(192, "Message Analyzer WFP Capture v6")
            .add(193, "Message Analyzer WFP Capture2 v4")
            .add(194, "Message Analyzer WFP Capture2 v6")
            .add(195, "Message Analyzer WFP Capture Auth v4")
            .add(196, "Message Analyzer WFP Capture Auth v6")
            .add(197, "Juniper Secure Tunnel Information")
            .add(198, "IEEE 802.3br mPackets")
            .add(199, "DOCSIS with Excentis XRA pseudo-header")
            .add(200, "DisplayPort AUX channel with Unigraf pseudo-header")
            .add(201, "Ruby marshal object")
            .add(202, "RFC 7468 file")
            .add(203, "systemd journal")
            .add(204, "Elektrobit High Speed Capture and Replay")
            .add(205, "Vector Packet Processing graph dispatch trace")
            .add(206, "IEEE 802.15.4 Wireless with TAP pseudo-header")
            .add(207, "3GPP Phone Log")
            .add(208, "USB 2.0/1.1/1.0 packets")
            .add(209, "MP4 files")
            .add(210, "Linux cooked-mode capture v2")
            .add(211, "Z-Wave Serial API packets")
            .add(212, "Event Tracing for Windows messages")
            .add(213, "Ericsson eNode-B raw log")
            .add(214, "ZBOSS NCP")
            .add(215, "Low-Speed USB 2.0/1.1/1.0 packets")
            .add(216, "Full-Speed USB 2.0/1.1/1.0 packets")
            .add(217, "High-Speed USB 2.0 packets")
            .build();
}
