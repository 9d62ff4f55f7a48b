package dev.dorsal.dissectors.llc;

import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the IEEE 802.2 LLC header (DSAP, SSAP, control) that 802.3 length-field frames, 802.1Q tags
 * with a length and Linux cooked captures (protocol 0x0004) carry, and the SNAP header (OUI and
 * protocol ID) behind SAP 0xaa. Information frames go on through the {@code llc.dsap} table; SNAP
 * with OUI 00:00:00 through the {@code ethertype} table, Cisco's OUI through {@code llc.cisco_pid},
 * IEEE 802.1's to STP or Ethernet; everything else is data. An XID frame in LLC's basic format is
 * decoded here (tshark's basicxid, which does not count as a layer). Filter prefix {@code llc.}.
 *
 * <pre>
 * | DSAP (8) | SSAP (8) | control: U 8 bits, I and S 16 bits little-endian | SNAP: OUI (24) | PID (16) |
 * </pre>
 */
public final class LlcDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Logical-Link Control", "LLC", "llc");
    static final ProtocolDef BASICXID = new ProtocolDef("Logical-Link Control Basic Format XID", "Basic Format XID",
            "basicxid");

    static final int SAP_SNAP = 0xaa;
    static final int OUI_ENCAP_ETHER = 0x000000;
    static final int OUI_CISCO_90 = 0x0000f8;
    static final int OUI_CISCO = 0x00000c;
    static final int OUI_IEEE_802_1 = 0x0080c2;
    static final int OUI_CABLE_BPDU = 0x00e02f;

    /** IEEE 802.2 SAP names (tshark's table), keyed by the SAP with its low bit cleared, plus 0x01 and 0x7f. */
    static final ValueString SAPS = ValueString.of(0x00, "NULL LSAP", 0x01, "NULL LSAP",
            0x02, "LLC Sub-Layer Management", 0x04, "SNA Path Control", 0x06, "TCP/IP", 0x08, "SNA", 0x0c, "SNA",
            0x0e, "PROWAY (IEC955) Network Management and Initialization", 0x10, "NetWare (unofficial?)",
            0x14, "ISO Network Layer (OSLAN 1)", 0x18, "Texas Instruments", 0x20, "ISO Network Layer (unofficial?)",
            0x34, "ISO Network Layer (unofficial?)", 0x42, "Spanning Tree BPDU",
            0x4e, "EIA RS-511 Manufacturing Message Service", 0x54, "ISO Network Layer (OSLAN 2)",
            0x7e, "ISO 8208 (X.25 over 802.2)", 0x7f, "ISO 802.2", 0x80, "XNS", 0x82, "BACnet", 0x86, "Nestar",
            0x8e, "PROWAY (IEC955) Active Station List Maintenance", 0x98, "ARP", 0xb4, "HP JetDirect Printer",
            0xaa, "SNAP", 0xba, "Banyan Vines", 0xbc, "Banyan Vines", 0xe0, "NetWare", 0xf0, "NetBIOS",
            0xf4, "IBM Net Management", 0xf8, "HP Extended LLC", 0xfa, "Ungermann-Bass", 0xfc, "Remote Program Load",
            0xfe, "ISO Network Layer", 0xff, "Global LSAP");

    static final ValueString FRAME_TYPES = ValueString.of(0, "Information frame", 1, "Supervisory frame",
            3, "Unnumbered frame");
    static final ValueString S_TYPES = ValueString.of(0, "Receiver ready", 1, "Receiver not ready", 2, "Reject",
            3, "Selective reject");
    /** Unnumbered modifiers (control & 0xec, shifted right by 2) of commands, and of responses below. */
    static final ValueString U_COMMANDS = ValueString.of(0x00, "Unnumbered Information", 0x08, "Unnumbered Poll",
            0x10, "Disconnect", 0x18, "Unnumbered Acknowledge", 0x20, "Set Normal Response Mode", 0x38, "Test",
            0x01, "Set Initialization Mode", 0x21, "Frame reject", 0x31, "Configure",
            0x03, "Set Asynchronous Response Mode", 0x0b, "Set Asynchronous Balanced Mode",
            0x13, "Set Asynchronous Response Mode Extended", 0x1b, "Set Asynchronous Balanced Mode Extended",
            0x23, "Reset", 0x2b, "Exchange identification", 0x33, "Set Normal Response Mode Extended",
            0x3b, "Beacon");
    static final ValueString U_RESPONSES = ValueString.of(0x00, "Unnumbered Information", 0x08, "Unnumbered Poll",
            0x10, "Request Disconnect", 0x18, "Unnumbered Acknowledge", 0x20, "Set Normal Response Mode",
            0x38, "Test", 0x01, "Request Initialization Mode", 0x21, "Frame reject", 0x31, "Configure",
            0x03, "Disconnected mode", 0x0b, "Set Asynchronous Balanced Mode",
            0x13, "Set Asynchronous Response Mode Extended", 0x1b, "Set Asynchronous Balanced Mode Extended",
            0x23, "Reset", 0x2b, "Exchange identification", 0x33, "Set Normal Response Mode Extended",
            0x3b, "Beacon");
    /** The short names the Info column and the control label use, same keys. */
    static final ValueString U_COMMANDS_SHORT = ValueString.of(0x00, "UI", 0x08, "UP", 0x10, "DISC", 0x18, "UA",
            0x20, "SNRM", 0x38, "TEST", 0x01, "SIM", 0x21, "FRMR", 0x31, "CFGR", 0x03, "SARM", 0x0b, "SABM",
            0x13, "SARME", 0x1b, "SABME", 0x23, "RESET", 0x2b, "XID", 0x33, "SNRME", 0x3b, "BCN");
    static final ValueString U_RESPONSES_SHORT = ValueString.of(0x00, "UI", 0x08, "UP", 0x10, "RD", 0x18, "UA",
            0x20, "SNRM", 0x38, "TEST", 0x01, "RIM", 0x21, "FRMR", 0x31, "CFGR", 0x03, "DM", 0x0b, "SABM",
            0x13, "SARME", 0x1b, "SABME", 0x23, "RESET", 0x2b, "XID", 0x33, "SNRME", 0x3b, "BCN");
    static final ValueString CISCO_PIDS = ValueString.of(0x0102, "DRIP", 0x0104, "PAgP", 0x0105, "MLS Hello",
            0x0108, "RLQ BPDUs (request)", 0x0109, "RLQ BPDUs (response)", 0x010b, "PVSTP+", 0x010c, "VLAN Bridge",
            0x0111, "UDLD", 0x0139, "MCP", 0x2000, "CDP", 0x2001, "CGMP", 0x2003, "VTP", 0x2004, "DTP",
            0x200a, "STP Uplink Fast");
    static final ValueString XID_FORMATS = ValueString.of(0x81, "LLC basic format");
    static final ValueString XID_TYPES = ValueString.of(1, "Type 1 LLC (Class I LLC)", 2, "Type 2 LLC",
            3, "Type 1 and Type 2 LLCs (Class II LLC)", 4, "Type 3 LLC", 5, "Type 1 and Type 3 LLCs (Class III LLC)",
            6, "Type 2 and Type 3 LLCs", 7, "Type 1 and Type 2 and Type 3 LLCs (Class IV LLC)");

    private static final String SAP_BLURB = "Service Access Point";

    static final FieldDef DSAP = FieldDef.uint8("llc.dsap", "DSAP").hex().vals(SAPS)
            .blurb("Destination Service Access Point");
    static final FieldDef DSAP_SAP = FieldDef.uint8("llc.dsap.sap", "SAP").base(Base.CUSTOM).mask(0xfe)
            .custom(LlcDissector::sapName).blurb(SAP_BLURB);
    static final FieldDef DSAP_IG = FieldDef.bool("llc.dsap.ig", "IG Bit", 8, 0x01)
            .tfs(new TrueFalse("Group", "Individual")).blurb("Individual/Group");
    static final FieldDef SSAP = FieldDef.uint8("llc.ssap", "SSAP").hex().vals(SAPS)
            .blurb("Source Service Access Point");
    static final FieldDef SSAP_SAP = FieldDef.uint8("llc.ssap.sap", "SAP").base(Base.CUSTOM).mask(0xfe)
            .custom(LlcDissector::sapName).blurb(SAP_BLURB);
    static final FieldDef SSAP_CR = FieldDef.bool("llc.ssap.cr", "CR Bit", 8, 0x01)
            .tfs(new TrueFalse("Response", "Command")).blurb("Command/Response");
    static final FieldDef CONTROL = FieldDef.uint16("llc.control", "Control").hex();
    static final FieldDef N_R = FieldDef.uint16("llc.control.n_r", "N(R)").mask(0xfe00);
    static final FieldDef N_S = FieldDef.uint16("llc.control.n_s", "N(S)").mask(0x00fe);
    static final FieldDef P = FieldDef.bool("llc.control.p", "Poll", 8, 0x10).tfs(TrueFalse.SET);
    /** The same names over the 16-bit control of I and S frames (tshark registers each twice). */
    static final FieldDef P_EXT = FieldDef.bool("llc.control.p", "Poll", 16, 0x0100).tfs(TrueFalse.SET);
    static final FieldDef F = FieldDef.bool("llc.control.f", "Final", 8, 0x10).tfs(TrueFalse.SET);
    static final FieldDef F_EXT = FieldDef.bool("llc.control.f", "Final", 16, 0x0100).tfs(TrueFalse.SET);
    static final FieldDef S_FTYPE = FieldDef.uint16("llc.control.s_ftype", "Supervisory frame type").hex()
            .mask(0x000c).vals(S_TYPES);
    static final FieldDef U_MODIFIER_CMD = FieldDef.uint8("llc.control.u_modifier_cmd", "Command").hex()
            .mask(0xec).vals(U_COMMANDS);
    static final FieldDef U_MODIFIER_RESP = FieldDef.uint8("llc.control.u_modifier_resp", "Response").hex()
            .mask(0xec).vals(U_RESPONSES);
    static final FieldDef FTYPE_I = FieldDef.uint16("llc.control.ftype", "Frame type").hex().mask(0x0001)
            .vals(FRAME_TYPES);
    static final FieldDef FTYPE_S_U = FieldDef.uint8("llc.control.ftype", "Frame type").hex().mask(0x03)
            .vals(FRAME_TYPES);
    static final FieldDef FTYPE_S_U_EXT = FieldDef.uint16("llc.control.ftype", "Frame type").hex().mask(0x0003)
            .vals(FRAME_TYPES);
    static final FieldDef TYPE = FieldDef.uint16("llc.type", "Type").hex().vals(EtherTypes.NAMES);
    static final FieldDef OUI = FieldDef.uint24("llc.oui", "Organization Code").base(Base.OUI);
    static final FieldDef PID = FieldDef.uint16("llc.pid", "Protocol ID").hex();
    static final FieldDef CISCO_PID = FieldDef.uint16("llc.cisco_pid", "PID").hex().vals(CISCO_PIDS)
            .blurb("Protocol ID");
    static final FieldDef APPLE_ATALK_PID = FieldDef.uint16("llc.apple_atalk_pid", "PID").hex()
            .vals(ValueString.of(0x809b, "AppleTalk")).blurb("Protocol ID");
    static final FieldDef APPLE_AWDL_PID = FieldDef.uint16("llc.apple_awdl_pid", "PID").hex()
            .vals(ValueString.of(0x0800, "AWDL")).blurb("Protocol ID");
    static final FieldDef FOUNDRY_PID = FieldDef.uint16("llc.foundry_pid", "PID").hex()
            .vals(ValueString.of(0x2000, "FDP"));
    static final FieldDef FORCE10_PID = FieldDef.uint16("llc.force10_pid", "PID").hex()
            .vals(ValueString.of(0x0111, "FEFD"));
    static final FieldDef EXTREME_PID = FieldDef.uint16("llc.extreme_pid", "PID").hex()
            .vals(ValueString.of(0x00bb, "EDP"));
    static final FieldDef WLCCP_PID = FieldDef.uint16("llc.wlccp_pid", "PID").hex().vals(ValueString.of(0, "WLCCP"));
    static final FieldDef IANA_PID = FieldDef.uint16("llc.iana_pid", "PID").hex().vals(ValueString.of(
            1, "MARS Data Messages (short form)", 2, "Reserved for future NHRP use", 3, "MARS/NHRP Control Messages",
            4, "MARS Data Messages (long form)", 5, "SCSP", 6, "VRID", 7, "L2TP", 8, "VPN ID",
            9, "MSDP-GRE-Protocol Type"));
    static final FieldDef BLUETOOTH_PID = FieldDef.uint16("llc.bluetooth_pid", "PID").hex().vals(ValueString.of(
            1, "AMP_U L2CAP ACL data", 2, "AMP-C Activity Report", 3, "AMP-C Security frames",
            4, "AMP-C Link supervision request", 5, "AMP-C Link supervision reply")).blurb("Protocol ID");
    static final FieldDef NORTEL_PID = FieldDef.uint16("llc.nortel_pid", "PID").hex().vals(ValueString.of(
            0x01a1, "NDP flatnet hello", 0x01a2, "NDP segment hello", 0x01a3, "NDP bridge hello"));

    static final FieldDef XID_FORMAT = FieldDef.uint8("basicxid.llc.xid.format", "XID Format").hex()
            .vals(XID_FORMATS);
    static final FieldDef XID_TYPES_FIELD = FieldDef.uint8("basicxid.llc.xid.types", "LLC Types/Classes").hex()
            .vals(XID_TYPES);
    static final FieldDef XID_WSIZE = FieldDef.uint8("basicxid.llc.xid.wsize", "Receive Window Size");

    static final List<FieldDef> FIELDS = List.of(DSAP, DSAP_SAP, DSAP_IG, SSAP, SSAP_SAP, SSAP_CR, CONTROL, N_R, N_S,
            P, P_EXT, F, F_EXT, S_FTYPE, U_MODIFIER_CMD, U_MODIFIER_RESP, FTYPE_I, FTYPE_S_U, FTYPE_S_U_EXT, TYPE, OUI,
            PID, CISCO_PID, APPLE_ATALK_PID, APPLE_AWDL_PID, FOUNDRY_PID, FORCE10_PID, EXTREME_PID, WLCCP_PID, IANA_PID,
            BLUETOOTH_PID, NORTEL_PID);
    static final List<FieldDef> XID_FIELDS = List.of(XID_FORMAT, XID_TYPES_FIELD, XID_WSIZE);

    /** Name of the table of the protocols behind a non-SNAP SAP (the DSAP, with its group bit). */
    public static final String DSAP_TABLE = "llc.dsap";
    /** Name of the table of the protocols behind Cisco's OUI, by PID. */
    public static final String CISCO_PID_TABLE = "llc.cisco_pid";
    /** Handle names of the IEEE 802.1 bridged BPDU (and Cisco's PVST+ variant) STP registers. */
    public static final String BPDU_HANDLE = "stp";

    /** The PID field of the vendors tshark gives one (each with its own table of protocols). */
    private static final Map<Integer, FieldDef> PID_FIELDS = Map.of(OUI_CISCO, CISCO_PID, 0x080007, APPLE_ATALK_PID,
            0x0017f2, APPLE_AWDL_PID, 0x00e052, FOUNDRY_PID, 0x0001e8, FORCE10_PID, 0x00e02b, EXTREME_PID,
            0x004096, WLCCP_PID, 0x00005e, IANA_PID, 0x001958, BLUETOOTH_PID, 0x000081, NORTEL_PID);

    private DissectorTable dsapTable;
    private DissectorTable ciscoTable;
    private Tables tables;

    @Override
    public String name() {
        return "llc";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.protocol(BASICXID);
        r.fields(BASICXID, XID_FIELDS);
        dsapTable = r.newTable(DSAP_TABLE, "LLC SAP", FieldType.UINT8, Base.HEX);
        ciscoTable = r.newTable(CISCO_PID_TABLE, "LLC Cisco OUI PID", FieldType.UINT16, Base.HEX);
        r.handle("llc", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        tables = t;
        DissectorHandle ip = t.handle("ip");
        if (ip != null) {
            t.table(DSAP_TABLE).add(0x06, ip);
        }
    }

    /** The SAP label of the SAP subfield: the name of the SAP with the low bit clear. */
    static String sapName(long sap) {
        return SAPS.nameOr(sap << 1, "Unknown");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("LLC");
        cols.clearInfo();
        ProtoItem llc = tree.addProtocol(PROTO, tvb, 0, Math.max(0, tvb.length()));
        int dsap = tvb.u8(0);
        ProtoItem d = llc.add(DSAP, tvb, 0, 1);
        d.add(DSAP_SAP, tvb, 0, 1);
        d.add(DSAP_IG, tvb, 0, 1);
        int ssap = tvb.u8(1);
        ProtoItem s = llc.add(SSAP, tvb, 1, 1);
        s.add(SSAP_SAP, tvb, 1, 1);
        s.add(SSAP_CR, tvb, 1, 1);
        boolean snap = dsap == SAP_SNAP && ssap == SAP_SNAP;
        boolean response = (ssap & 0x01) != 0;

        int control = control(tvb, 2, response, llc, cols);
        int controlLength = (control & 0x03) == 0x03 ? 1 : 2;
        int header = 2 + controlLength + (snap ? 5 : 0);
        llc.setLength(header);
        boolean information = (control & 0x01) == 0 || control == 0x03;

        if (snap) {
            snap(tvb, 2 + controlLength, pinfo, tree, llc, control, information);
            return tvb.length();
        }
        if (cols.enabled()) {
            cols.appendInfo("; DSAP " + SAPS.nameOr(dsap & 0xfe, hex2(dsap & 0xfe))
                    + ((dsap & 0x01) != 0 ? " Group" : " Individual") + ", SSAP "
                    + SAPS.nameOr(ssap & 0xfe, hex2(ssap & 0xfe)) + (response ? " Response" : " Command"));
        }
        if (tvb.reportedLength() - header <= 0) {
            return tvb.length();
        }
        Tvb next = tvb.slice(header);
        if (information) {
            dataUnless(Dispatch.tryDissect(dsapTable, dsap, next, pinfo, tree), next, pinfo, tree);
        } else if ((control & 0xef) == 0xaf) {
            if (next.u8(0) == 0x81) {
                basicXid(next, pinfo, tree);
            } else {
                data(next, pinfo, tree);
            }
        } else {
            data(next, pinfo, tree);
        }
        return tvb.length();
    }

    /**
     * The control field (ISO/IEC 8802-2 §5.4): U frames have one byte, I and S frames two (LLC type
     * 2 runs in extended mode, little-endian). Sets Info to tshark's summary of it.
     */
    private static int control(Tvb tvb, int off, boolean response, ProtoItem llc, Columns cols) {
        int first = tvb.u8(off);
        String info;
        ProtoItem item;
        if ((first & 0x03) == 0x03) {
            int c = first;
            boolean pf = (c & 0x10) != 0;
            int modifier = (c & 0xec) >> 2;
            String name = (response ? U_RESPONSES_SHORT : U_COMMANDS_SHORT).nameOr(modifier, "Unknown");
            info = "U" + (pf ? response ? " F" : " P" : "") + ", func=" + name;
            cols.setInfo(info);
            item = llc.addUint(CONTROL, tvb, off, 1, c);
            if (llc.tree().detailed()) {
                item.setText(String.format(Locale.ROOT, "Control field: %s (0x%02X)", info, c));
            }
            if (pf) {
                item.add(response ? F : P, tvb, off, 1);
            }
            item.add(response ? U_MODIFIER_RESP : U_MODIFIER_CMD, tvb, off, 1);
            item.add(FTYPE_S_U, tvb, off, 1);
            return c;
        }
        int c = tvb.u16le(off);
        boolean pf = (c & 0x0100) != 0;
        int nr = (c & 0xfe00) >> 9;
        if ((first & 0x03) == 0x01) {
            String func = switch (c & 0x0c) {
                case 0x00 -> "RR";
                case 0x04 -> "RNR";
                case 0x08 -> "REJ";
                default -> "SREJ";
            };
            info = "S" + (pf ? response ? " F" : " P" : "") + ", func=" + func + ", N(R)=" + nr;
        } else {
            info = "I" + (pf ? " P" : "") + ", N(R)=" + nr + ", N(S)=" + ((c & 0x00fe) >> 1);
        }
        cols.setInfo(info);
        item = llc.addUint(CONTROL, tvb, off, 2, c);
        if (llc.tree().detailed()) {
            item.setText(String.format(Locale.ROOT, "Control field: %s (0x%04X)", info, c));
        }
        item.addUint(N_R, tvb, off, 2, nr);
        if ((first & 0x01) == 0) {
            item.addUint(N_S, tvb, off, 2, (c & 0x00fe) >> 1);
            if (pf) {
                item.addUint(P_EXT, tvb, off, 2, 1);
            }
            item.addUint(FTYPE_I, tvb, off, 2, 0);
        } else {
            if (pf) {
                item.addUint(response ? F_EXT : P_EXT, tvb, off, 2, 1);
            }
            item.addUint(S_FTYPE, tvb, off, 2, (c & 0x0c) >> 2);
            item.addUint(FTYPE_S_U_EXT, tvb, off, 2, 1);
        }
        return c;
    }

    /** The SNAP header and what its OUI and PID lead to (RFC 1042; IEEE 802-2014 §9.3). */
    private void snap(Tvb tvb, int off, PacketInfo pinfo, ProtoItem tree, ProtoItem llc, int control,
            boolean information) {
        int pid = tvb.u16(off + 3);
        int oui = tvb.u24(off);
        llc.add(OUI, tvb, off, 3);
        if (pinfo.columns().enabled()) {
            String vendor = EtherNames.vendor(oui);
            pinfo.columns().appendInfo(String.format(Locale.ROOT, "; SNAP, OUI 0x%06X (%s), PID 0x%04X", oui,
                    vendor != null ? vendor : "Unknown", pid));
        }
        Tvb next = tvb.slice(off + 5);
        switch (oui) {
            case OUI_ENCAP_ETHER, OUI_CISCO_90 -> {
                if (information) {
                    llc.addUint(TYPE, tvb, off + 3, 2, pid);
                    DissectorTable ethertype = tables.table(EthertypeDissector.NAME);
                    dataUnless(Dispatch.tryDissect(ethertype, pid, next, pinfo, tree), next, pinfo, tree);
                } else {
                    data(next, pinfo, tree);
                }
            }
            case OUI_IEEE_802_1 -> {
                llc.addUint(PID, tvb, off + 3, 2, pid);
                switch (pid) {
                    case 0x0007 -> call(tables.handle("eth_withoutfcs"), tvb.slice(off + 7), pinfo, tree);
                    case 0x000e -> call(tables.handle(BPDU_HANDLE), next, pinfo, tree);
                    default -> data(next, pinfo, tree);
                }
            }
            case OUI_CABLE_BPDU -> {
                llc.addUint(PID, tvb, off + 3, 2, pid);
                call(tables.handle(BPDU_HANDLE), next, pinfo, tree);
            }
            default -> {
                FieldDef pidField = PID_FIELDS.getOrDefault(oui, PID);
                llc.addUint(pidField, tvb, off + 3, 2, pid);
                int used = Dispatch.DECLINED;
                if (information && oui == OUI_CISCO) {
                    used = Dispatch.tryDissect(ciscoTable, pid, next, pinfo, tree);
                }
                dataUnless(used, next, pinfo, tree);
            }
        }
    }

    /** tshark's basicxid: an XID frame's information field in LLC's basic format (ISO/IEC 8802-2 §5.4.1.1.3). */
    private static void basicXid(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("XID");
        cols.clearInfo();
        ProtoItem xid = tree.addProtocol(BASICXID, tvb, 0, Math.max(0, tvb.length()));
        xid.add(XID_FORMAT, tvb, 0, 1);
        int types = tvb.u8(1) & 0x1f;
        xid.addUint(XID_TYPES_FIELD, tvb, 1, 1, types);
        int wsize = tvb.u8(2) >> 1;
        xid.addUint(XID_WSIZE, tvb, 2, 1, wsize);
        if (cols.enabled()) {
            cols.setInfo("Basic Format; " + XID_TYPES.nameOr(types, String.format(Locale.ROOT, "0x%02x", types))
                    + "; Window Size " + wsize);
        }
    }

    private void call(DissectorHandle handle, Tvb next, PacketInfo pinfo, ProtoItem tree) {
        dataUnless(Dispatch.call(handle, next, pinfo, tree), next, pinfo, tree);
    }

    private void dataUnless(int used, Tvb next, PacketInfo pinfo, ProtoItem tree) {
        if (used == Dispatch.DECLINED) {
            data(next, pinfo, tree);
        }
    }

    private void data(Tvb next, PacketInfo pinfo, ProtoItem tree) {
        DissectorHandle data = tables.handle("data");
        if (data != null) {
            pinfo.call(data, next, tree);
        }
    }

    private static String hex2(int v) {
        return String.format(Locale.ROOT, "0x%02x", v);
    }
}
