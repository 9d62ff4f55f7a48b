package dev.dorsal.dissectors.ppp;

import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.gre.GreDissector;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * The Point-to-Point Protocol header (RFC 1661) as PPTP's enhanced GRE carries it: the address and
 * control bytes when the frame starts with 0xff, then the protocol number, one byte when its first
 * byte is odd (protocol field compression), else two. The payload goes to the dissector registered
 * in {@code ppp.protocol} (IPv4 and IPv6 here); the control protocols (LCP, IPCP, CCP, …) are not
 * dissected and show as data (docs/compat.md). Filter prefix {@code ppp.}.
 */
public final class PppDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Point-to-Point Protocol", "PPP", "ppp");

    /** Name of the table of PPP protocol numbers. */
    public static final String PROTO_TABLE = "ppp.protocol";

    /** The names tshark 4.0 gives PPP protocol numbers. */
    static final ValueString PROTOCOLS = ValueString.builder()
            .add(0x0001, "Padding Protocol")
            .add(0x0003, "ROHC small-CID")
            .add(0x0005, "ROHC large-CID")
            .add(0x0021, "Internet Protocol version 4")
            .add(0x0023, "OSI Network Layer")
            .add(0x0025, "Xerox NS IDP")
            .add(0x0027, "DECnet Phase IV")
            .add(0x0029, "Appletalk")
            .add(0x002b, "Novell IPX")
            .add(0x002d, "Van Jacobson Compressed TCP/IP")
            .add(0x002f, "Van Jacobson Uncompressed TCP/IP")
            .add(0x0031, "Bridging PDU")
            .add(0x0033, "Stream Protocol (ST-II)")
            .add(0x0035, "Banyan Vines")
            .add(0x0039, "AppleTalk EDDP")
            .add(0x003b, "AppleTalk SmartBuffered")
            .add(0x003d, "Multi-Link")
            .add(0x003f, "NETBIOS Framing")
            .add(0x0041, "Cisco Systems")
            .add(0x0043, "Ascom Timeplex")
            .add(0x0045, "Fujitsu Link Backup and Load Balancing (LBLB)")
            .add(0x0047, "DCA Remote Lan")
            .add(0x0049, "Serial Data Transport Protocol (PPP-SDTP)")
            .add(0x004b, "SNA over 802.2")
            .add(0x004d, "SNA")
            .add(0x004f, "IPv6 Header Compression ")
            .add(0x0051, "KNX Bridging Data")
            .add(0x0053, "Encryption")
            .add(0x0055, "Individual Link Encryption")
            .add(0x0057, "Internet Protocol version 6")
            .add(0x0059, "PPP Muxing")
            .add(0x005b, "Vendor-Specific Network Protocol (VSNP)")
            .add(0x005d, "TRILL Network Protocol (TNP)")
            .add(0x0061, "RTP IPHC Full Header")
            .add(0x0063, "RTP IPHC Compressed TCP")
            .add(0x0065, "RTP IPHC Compressed Non TCP")
            .add(0x0067, "RTP IPHC Compressed UDP 8")
            .add(0x0069, "RTP IPHC Compressed RTP 8")
            .add(0x006f, "Stampede Bridging")
            .add(0x0073, "MP+ Protocol")
            .add(0x00c1, "NTCITS IPI")
            .add(0x00fb, "Single link compression in multilink")
            .add(0x00fd, "Compressed datagram")
            .add(0x0201, "802.1d Hello Packets")
            .add(0x0203, "IBM Source Routing BPDU")
            .add(0x0205, "DEC LANBridge100 Spanning Tree")
            .add(0x0207, "Cisco Discovery Protocol")
            .add(0x0209, "Netcs Twin Routing")
            .add(0x020b, "STP - Scheduled Transfer Protocol")
            .add(0x020d, "EDP - Extreme Discovery Protocol")
            .add(0x0211, "Optical Supervisory Channel Protocol (OSCP)")
            .add(0x0213, "Optical Supervisory Channel Protocol (OSCP)")
            .add(0x0231, "Luxcom")
            .add(0x0233, "Sigma Network Systems")
            .add(0x0235, "Apple Client Server Protocol")
            .add(0x0281, "MPLS Unicast")
            .add(0x0283, "MPLS Multicast")
            .add(0x0285, "IEEE p1284.4 standard - data packets")
            .add(0x0287, "ETSI TETRA Network Protocol Type 1")
            .add(0x0289, "Multichannel Flow Treatment Protocol")
            .add(0x2063, "RTP IPHC Compressed TCP No Delta")
            .add(0x2065, "RTP IPHC Context State")
            .add(0x2067, "RTP IPHC Compressed UDP 16")
            .add(0x2069, "RTP IPHC Compressed RTP 16")
            .add(0x4001, "Cray Communications Control Protocol")
            .add(0x4003, "CDPD Mobile Network Registration Protocol")
            .add(0x4005, "Expand accelerator protocol")
            .add(0x4007, "ODSICP NCP")
            .add(0x4009, "DOCSIS DLL")
            .add(0x400b, "Cetacean Network Detection Protocol")
            .add(0x4021, "Stacker LZS")
            .add(0x4023, "RefTek Protocol")
            .add(0x4025, "Fibre Channel")
            .add(0x4027, "EMIT Protocols")
            .add(0x405b, "Vendor-Specific Protocol (VSP)")
            .add(0x405d, "TRILL Link State Protocol (TLSP)")
            .add(0x8021, "Internet Protocol Control Protocol")
            .add(0x8023, "OSI Network Layer Control Protocol")
            .add(0x8025, "Xerox NS IDP Control Protocol")
            .add(0x8027, "DECnet Phase IV Control Protocol")
            .add(0x8029, "AppleTalk Control Protocol")
            .add(0x802b, "Novell IPX Control Protocol")
            .add(0x8031, "Bridging NCP")
            .add(0x8033, "Stream Protocol Control Protocol")
            .add(0x8035, "Banyan Vines Control Protocol")
            .add(0x803d, "Multi-Link Control Protocol")
            .add(0x803f, "NETBIOS Framing Control Protocol")
            .add(0x8041, "Cisco Systems Control Protocol")
            .add(0x8043, "Ascom Timeplex")
            .add(0x8045, "Fujitsu LBLB Control Protocol")
            .add(0x8047, "DCA Remote Lan Network Control Protocol (RLNCP)")
            .add(0x8049, "Serial Data Control Protocol (PPP-SDCP)")
            .add(0x804b, "SNA over 802.2 Control Protocol")
            .add(0x804d, "SNA Control Protocol")
            .add(0x804f, "IP6 Header Compression Control Protocol")
            .add(0x8051, "KNX Bridging Control Protocol")
            .add(0x8053, "Encryption Control Protocol")
            .add(0x8055, "Individual Link Encryption Control Protocol")
            .add(0x8057, "IPv6 Control Protocol")
            .add(0x8059, "PPP Muxing Control Protocol")
            .add(0x805b, "Vendor-Specific Network Control Protocol (VSNCP)")
            .add(0x805d, "TRILL Network Control Protocol")
            .add(0x806f, "Stampede Bridging Control Protocol")
            .add(0x8073, "MP+ Control Protocol")
            .add(0x80c1, "NTCITS IPI Control Protocol")
            .add(0x80fb, "Single link compression in multilink control")
            .add(0x80fd, "Compression Control Protocol")
            .add(0x8207, "Cisco Discovery Protocol Control Protocol")
            .add(0x8209, "Netcs Twin Routing")
            .add(0x820b, "STP - Control Protocol")
            .add(0x820d, "EDPCP - Extreme Discovery Protocol Control Protocol")
            .add(0x8235, "Apple Client Server Protocol Control")
            .add(0x8281, "MPLS Control Protocol")
            .add(0x8285, "IEEE p1284.4 standard - Protocol Control")
            .add(0x8287, "ETSI TETRA TNP1 Control Protocol")
            .add(0x8289, "Multichannel Flow Treatment Protocol")
            .add(0xc021, "Link Control Protocol")
            .add(0xc023, "Password Authentication Protocol")
            .add(0xc025, "Link Quality Report")
            .add(0xc027, "Shiva Password Authentication Protocol")
            .add(0xc029, "Callback Control Protocol (CBCP)")
            .add(0xc02b, "BACP Bandwidth Allocation Control Protocol")
            .add(0xc02d, "BAP Bandwidth Allocation Protocol")
            .add(0xc05b, "Vendor-Specific Authentication Protocol (VSAP)")
            .add(0xc081, "Container Control Protocol")
            .add(0xc223, "Challenge Handshake Authentication Protocol")
            .add(0xc225, "RSA Authentication Protocol")
            .add(0xc227, "Extensible Authentication Protocol")
            .add(0xc229, "Mitsubishi Security Information Exchange Protocol (SIEP)")
            .add(0xc26f, "Stampede Bridging Authorization Protocol")
            .add(0xc281, "Proprietary Authentication Protocol")
            .add(0xc283, "Proprietary Authentication Protocol")
            .add(0xc481, "Proprietary Node ID Authentication Protocol")
            .build();

    static final FieldDef ADDRESS = FieldDef.uint8("ppp.address", "Address").hex();
    static final FieldDef CONTROL = FieldDef.uint8("ppp.control", "Control").hex();
    static final FieldDef PROTOCOL = FieldDef.uint16("ppp.protocol", "Protocol").hex().vals(PROTOCOLS);

    /** The header every PPP control protocol (LCP, IPCP, CCP, …) starts with (RFC 1661 section 5). */
    static final FieldDef CODE = FieldDef.uint8("ppp.code", "Code");
    static final FieldDef IDENTIFIER = FieldDef.uint8("ppp.identifier", "Identifier").decHex();
    static final FieldDef LENGTH = FieldDef.uint16("ppp.length", "Length");
    static final FieldDef DATA = FieldDef.bytes("ppp.data", "Data");

    static final List<FieldDef> FIELDS = List.of(ADDRESS, CONTROL, PROTOCOL, CODE, IDENTIFIER, LENGTH, DATA);

    private static final int ALL_STATIONS = 0xff;

    /**
     * Handle of PPP as PPPoE carries it (RFC 2516 section 7): never address and control bytes, so a
     * leading 0xff is a one-byte protocol number, as tshark reads it.
     */
    public static final String NO_HDLC = "ppp_pppoe";

    private DissectorTable table;
    private DissectorHandle data;

    @Override
    public String name() {
        return "ppp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        table = r.newTable(PROTO_TABLE, "PPP protocol", FieldType.UINT16, Base.HEX);
        r.handle("ppp", PROTO, this::dissect);
        r.handle(NO_HDLC, PROTO, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, false));
    }

    @Override
    public void handoff(Tables t) {
        data = t.handle("data");
        t.table(GreDissector.PROTO_TABLE).add(0x880b, t.handle("ppp"));
        table.add(0x0021, t.handle("ipv4"));
        table.add(0x0057, t.handle("ipv6"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return dissect(tvb, pinfo, tree, true);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean hdlc) {
        // inside PPPoE tshark leaves the column to PPPoES until the payload's dissector sets its own
        if (hdlc) {
            pinfo.columns().setProtocol("PPP");
        }
        ProtoItem ppp = tree.addProtocol(PROTO, tvb, 0, 0);
        int offset = 0;
        if (hdlc && tvb.u8(0) == ALL_STATIONS) {
            ppp.add(ADDRESS, tvb, 0, 1);
            ppp.add(CONTROL, tvb, 1, 1);
            offset = 2;
        }
        int first = tvb.u8(offset);
        int protoLength = (first & 1) != 0 ? 1 : 2;
        int protocol = protoLength == 1 ? first : tvb.u16(offset);
        ProtoItem p = ppp.addUint(PROTOCOL, tvb, offset, protoLength, protocol);
        if (tree.tree().detailed() && PROTOCOLS.name(protocol) == null) {
            p.setText(String.format(Locale.ROOT, "Protocol: Unknown (0x%04x)", protocol));
        }
        offset += protoLength;
        ppp.setLength(offset);
        Tvb payload = tvb.slice(offset);
        int used = Dispatch.tryDissect(table, protocol, payload, pinfo, tree);
        if (used == Dispatch.DECLINED && Dispatch.errors(pinfo) == 0) {
            pinfo.columns().setProtocol(String.format(Locale.ROOT, "0x%04x", protocol));
            if (pinfo.columns().enabled()) {
                pinfo.columns().setInfo("PPP " + PROTOCOLS.nameOr(protocol, "Unknown") + String.format(Locale.ROOT,
                        " (0x%04x)", protocol));
            }
            if (payload.reportedLength() > 0) {
                pinfo.call(data, payload, tree);
            }
        }
        return tvb.length();
    }
}
