package dev.dorsal.dissectors.arp;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads an ARP, RARP or Inverse ARP message (RFC 826, 903, 2390) and summarises it the way tshark
 * does ("Who has 10.0.0.2? Tell 10.0.0.1", "10.0.0.2 is at 02:00:…", gratuitous ARP, RFC 5227
 * probes and announcements). Returns the message length so Ethernet shows what follows as padding.
 * EtherTypes 0x0806 and 0x8035. Filter prefix {@code arp.}.
 *
 * <pre>
 * | hw type (2) | proto type (2) | hw size (1) | proto size (1) | opcode (2) |
 * | sender hw | sender proto | target hw | target proto |     (sizes from the header)
 * </pre>
 */
public final class ArpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Address Resolution Protocol", "ARP/RARP", "arp");

    static final FieldDef HW_TYPE = FieldDef.uint16("arp.hw.type", "Hardware type").vals(ArpValues.HARDWARE_TYPES);
    static final FieldDef PROTO_TYPE = FieldDef.uint16("arp.proto.type", "Protocol type").hex()
            .vals(EtherTypes.NAMES);
    static final FieldDef HW_SIZE = FieldDef.uint8("arp.hw.size", "Hardware size");
    static final FieldDef PROTO_SIZE = FieldDef.uint8("arp.proto.size", "Protocol size");
    static final FieldDef OPCODE = FieldDef.uint16("arp.opcode", "Opcode").vals(ArpValues.OPCODES);
    static final FieldDef IS_GRATUITOUS = FieldDef.bool("arp.isgratuitous", "Is gratuitous").tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef IS_PROBE = FieldDef.bool("arp.isprobe", "Is probe").tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef IS_ANNOUNCEMENT = FieldDef.bool("arp.isannouncement", "Is announcement")
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef SRC_HW = FieldDef.bytes("arp.src.hw", "Sender hardware address");
    static final FieldDef SRC_HW_MAC = FieldDef.ether("arp.src.hw_mac", "Sender MAC address");
    static final FieldDef SRC_PROTO = FieldDef.bytes("arp.src.proto", "Sender protocol address");
    static final FieldDef SRC_PROTO_IPV4 = FieldDef.ipv4("arp.src.proto_ipv4", "Sender IP address");
    static final FieldDef DST_HW = FieldDef.bytes("arp.dst.hw", "Target hardware address");
    static final FieldDef DST_HW_MAC = FieldDef.ether("arp.dst.hw_mac", "Target MAC address");
    static final FieldDef DST_PROTO = FieldDef.bytes("arp.dst.proto", "Target protocol address");
    static final FieldDef DST_PROTO_IPV4 = FieldDef.ipv4("arp.dst.proto_ipv4", "Target IP address");

    static final List<FieldDef> FIELDS = List.of(HW_TYPE, PROTO_TYPE, HW_SIZE, PROTO_SIZE, OPCODE, IS_GRATUITOUS,
            IS_PROBE, IS_ANNOUNCEMENT, SRC_HW, SRC_HW_MAC, SRC_PROTO, SRC_PROTO_IPV4, DST_HW, DST_HW_MAC, DST_PROTO,
            DST_PROTO_IPV4);

    private static final int HEADER = 8;
    private static final int ETHERTYPE_RARP = 0x8035;

    @Override
    public String name() {
        return "arp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("arp", PROTO, ArpDissector::dissect);
        ArpCarriesNoFlow noFlow = new ArpCarriesNoFlow();
        r.flowShortcut("tcp", noFlow);
        r.flowShortcut("udp", noFlow);
    }

    @Override
    public void handoff(Tables t) {
        DissectorHandle self = t.handle("arp");
        t.table(EthertypeDissector.NAME).add(EtherTypes.ARP, self);
        t.table(EthertypeDissector.NAME).add(ETHERTYPE_RARP, self);
    }

    private static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        // As tshark: a message that ends early shows as a short or malformed "ARP" with empty Info.
        pinfo.columns().setProtocol("ARP");
        pinfo.columns().clearInfo();
        if (tvb.length() == 0) {
            tvb.u8(0); // nothing at all: no ARP node either (tshark's item "to the end" fails first)
        }
        // Each header field is shown as it is read, so a short header shows the fields present.
        ProtoItem arp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        int hrd = tvb.u16(0);
        Items.add(arp, HW_TYPE, tvb, 0, 2);
        int pro = tvb.u16(2);
        Items.add(arp, PROTO_TYPE, tvb, 2, 2);
        int hln = tvb.u8(4);
        Items.add(arp, HW_SIZE, tvb, 4, 1);
        int pln = tvb.u8(5);
        Items.add(arp, PROTO_SIZE, tvb, 5, 1);
        int op = tvb.u16(6);
        Items.add(arp, OPCODE, tvb, 6, 2);
        int total = HEADER + 2 * hln + 2 * pln;
        arp.setLength(total);

        int sha = HEADER;
        int spa = sha + hln;
        int tha = spa + pln;
        int tpa = tha + hln;
        // The addresses are read before anything else is shown: short ones fail here.
        tvb.bytes(sha, total - HEADER);
        pinfo.columns().setProtocol(protocolColumn(op));
        boolean etherHw = (hrd == 1 || hrd == 6) && hln == 6;
        boolean ipv4 = (pro == EtherTypes.IPV4 || pro == 0xcc) && pln == 4;

        boolean gratuitous = (op == 1 || op == 2) && equal(tvb, spa, tpa, pln);
        boolean announcement = op == 1 && gratuitous && zero(tvb, tha, hln);
        boolean probe = op == 1 && !gratuitous && zero(tvb, spa, pln) && zero(tvb, tha, hln);
        if (gratuitous) {
            generated(arp, arp.addBool(IS_GRATUITOUS, tvb, 0, 0, true));
        }
        if (probe) {
            generated(arp, arp.addBool(IS_PROBE, tvb, 0, 0, true));
        }
        if (announcement) {
            generated(arp, arp.addBool(IS_ANNOUNCEMENT, tvb, 0, 0, true));
        }
        hardware(arp, tvb, sha, hln, etherHw, SRC_HW_MAC, SRC_HW);
        protocol(arp, tvb, spa, pln, ipv4, SRC_PROTO_IPV4, SRC_PROTO);
        hardware(arp, tvb, tha, hln, etherHw, DST_HW_MAC, DST_HW);
        protocol(arp, tvb, tpa, pln, ipv4, DST_PROTO_IPV4, DST_PROTO);

        if (pinfo.columns().enabled()) {
            String s = ipv4 ? AddressFormat.ipv4(tvb.u32(spa)) : hex(tvb, spa, pln);
            String t = ipv4 ? AddressFormat.ipv4(tvb.u32(tpa)) : hex(tvb, tpa, pln);
            String sh = etherHw ? AddressFormat.ether(tvb.u48(sha)) : hex(tvb, sha, hln);
            String th = etherHw ? AddressFormat.ether(tvb.u48(tha)) : hex(tvb, tha, hln);
            pinfo.columns().setInfo(info(op, s, t, sh, th, gratuitous, probe, announcement));
        }
        if (tree.tree().detailed()) {
            arp.appendText(" (" + summary(op, gratuitous, probe, announcement) + ")");
        }
        return total;
    }

    private static void hardware(ProtoItem arp, Tvb tvb, int off, int len, boolean ether, FieldDef mac,
            FieldDef raw) {
        if (len > 0) {
            Items.add(arp, ether ? mac : raw, tvb, off, len);
        }
    }

    private static void protocol(ProtoItem arp, Tvb tvb, int off, int len, boolean ipv4, FieldDef addr,
            FieldDef raw) {
        if (len > 0) {
            Items.add(arp, ipv4 ? addr : raw, tvb, off, len);
        }
    }

    private static String protocolColumn(int op) {
        return switch (op) {
            case 3, 4 -> "RARP";
            case 5, 6, 7 -> "DRARP";
            case 8, 9 -> "Inverse ARP";
            case 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22 -> "MARS";
            case 23 -> "MAPOS";
            default -> "ARP";
        };
    }

    /** The Info text; {@code s}/{@code t} are sender/target protocol addresses, {@code sh}/{@code th} hardware. */
    private static String info(int op, String s, String t, String sh, String th, boolean gratuitous, boolean probe,
            boolean announcement) {
        return switch (op) {
            case 1 -> announcement ? "ARP Announcement for " + s
                    : gratuitous ? "Gratuitous ARP for " + s + " (Request)"
                    : probe ? "Who has " + t + "? (ARP Probe)"
                    : "Who has " + t + "? Tell " + s;
            case 2 -> gratuitous ? "Gratuitous ARP for " + s + " (Reply)" : s + " is at " + sh;
            case 3, 5, 8 -> "Who is " + th + "? Tell " + sh;
            case 4, 6 -> th + " is at " + t;
            case 7 -> "DRARP Error";
            case 9 -> sh + " is at " + s;
            case 10 -> "ARP NAK";
            case 11 -> "MARS request from " + sh + " at " + s;
            case 12 -> "MARS MULTI request from " + sh + " at " + s;
            case 13 -> "MARS MSERV request from " + sh + " at " + s;
            case 14 -> "MARS JOIN request from " + sh + " at " + s;
            case 15 -> "MARS LEAVE from " + sh + " at " + s;
            case 16 -> "MARS NAK from " + sh + " at " + s;
            case 17 -> "MARS UNSERV request from " + sh + " at " + s;
            case 18 -> "MARS SJOIN request from " + sh + " at " + s;
            case 19 -> "MARS SLEAVE from " + sh + " at " + s;
            case 20 -> "MARS grouplist request from " + sh + " at " + s;
            case 21 -> "MARS grouplist reply from " + sh + " at " + s;
            case 22 -> "MARS redirect map from " + sh + " at " + s;
            case 23 -> "MAPOS UNARP request from " + sh + " at " + s;
            case 24 -> "Experimental 1 ( opcode 24 )";
            case 25 -> "Experimental 2 ( opcode 25 )";
            case 0, 65535 -> "Reserved opcode " + op;
            default -> "Unknown ARP opcode 0x" + hex4(op);
        };
    }

    /** The text in parentheses after the protocol name in the tree. */
    private static String summary(int op, boolean gratuitous, boolean probe, boolean announcement) {
        if (announcement) {
            return "ARP Announcement";
        }
        if (probe) {
            return "ARP Probe";
        }
        String name = ArpValues.OPCODES.name(op);
        if (name == null) {
            return "opcode 0x" + hex4(op);
        }
        return gratuitous ? name + "/gratuitous ARP" : name;
    }

    private static boolean equal(Tvb tvb, int a, int b, int len) {
        for (int i = 0; i < len; i++) {
            if (tvb.u8(a + i) != tvb.u8(b + i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean zero(Tvb tvb, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (tvb.u8(off + i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String hex(Tvb tvb, int off, int len) {
        return AddressFormat.hexJoined(tvb.bytes(off, len), (char) 0);
    }

    private static String hex4(int v) {
        String s = Integer.toHexString(v);
        return "0000".substring(Math.min(4, s.length())) + s;
    }

    private static void generated(ProtoItem parent, ProtoItem child) {
        if (child != parent) {
            child.setGenerated();
        }
    }
}
