package dev.dorsal.dissectors.stp;

import dev.dorsal.dissectors.llc.LlcDissector;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
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

/**
 * Reads spanning tree BPDUs (IEEE 802.1D-2004 §9, 802.1Q-2018 §14): configuration and topology change
 * notification BPDUs, RST BPDUs (version 2) and MST BPDUs (version 3: MST configuration identifier,
 * CIST fields, MSTI configuration messages), reached through LLC SAP 0x42, SNAP (IEEE 802.1 PID 0x000e)
 * and Cisco's PVST+ (SNAP PID 0x010b, with its TLVs). Bridge identifiers are split into priority,
 * system ID extension and MAC, as tshark does by default. Frames to the GARP addresses
 * (01:80:c2:00:00:2x) are not BPDUs. Filter prefixes {@code stp.} and {@code mstp.}.
 *
 * <pre>
 * | protocol (16) | version (8) | type (8) | flags (8) | root id (64) | root cost (32) | bridge id (64) |
 * | port (16) | message age, max age, hello, forward delay (16 each, 1/256 s) | v1 length (8) |
 * | v3 length (16) | MST config id (51 bytes) | CIST cost (32) | CIST bridge (64) | hops (8) | MSTI × 16 bytes |
 * </pre>
 */
public final class StpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Spanning Tree Protocol", "STP", "stp");

    static final int TYPE_CONF = 0x00;
    static final int TYPE_RST = 0x02;
    static final int TYPE_TCN = 0x80;
    /** Offsets of the MST part and sizes, as IEEE 802.1Q lays out an MST BPDU. */
    static final int VERSION_3_LENGTH = 36;
    static final int MSTI = 102;
    static final int MSTI_SIZE = 16;
    static final int VERSION_3_STATIC_LENGTH = 64;
    static final int PVST_TLV = 36;

    static final ValueString PROTOCOLS = ValueString.of(0, "Spanning Tree Protocol");
    static final ValueString VERSIONS = ValueString.of(0, "Spanning Tree", 2, "Rapid Spanning Tree",
            3, "Multiple Spanning Tree", 4, "Shortest Path Tree");
    static final ValueString TYPES = ValueString.of(TYPE_CONF, "Configuration", TYPE_RST, "Rapid/Multiple Spanning Tree",
            TYPE_TCN, "Topology Change Notification");
    static final ValueString ROLES = ValueString.of(1, "Alternate or Backup", 2, "Root", 3, "Designated");
    static final ValueString PVST_TLV_TYPES = ValueString.of(0, "Originating VLAN");

    static final FieldDef PROTOCOL = FieldDef.uint16("stp.protocol", "Protocol Identifier").hex().vals(PROTOCOLS);
    static final FieldDef VERSION = FieldDef.uint8("stp.version", "Protocol Version Identifier").vals(VERSIONS);
    static final FieldDef TYPE = FieldDef.uint8("stp.type", "BPDU Type").hex().vals(TYPES);
    static final FieldDef FLAGS = FieldDef.uint8("stp.flags", "BPDU flags").hex();
    static final FieldDef TCACK = FieldDef.bool("stp.flags.tcack", "Topology Change Acknowledgment", 8, 0x80)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef AGREEMENT = FieldDef.bool("stp.flags.agreement", "Agreement", 8, 0x40).tfs(TrueFalse.YES_NO);
    static final FieldDef FORWARDING = FieldDef.bool("stp.flags.forwarding", "Forwarding", 8, 0x20)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef LEARNING = FieldDef.bool("stp.flags.learning", "Learning", 8, 0x10).tfs(TrueFalse.YES_NO);
    static final FieldDef PORT_ROLE = FieldDef.uint8("stp.flags.port_role", "Port Role").mask(0x0c).vals(ROLES);
    static final FieldDef PROPOSAL = FieldDef.bool("stp.flags.proposal", "Proposal", 8, 0x02).tfs(TrueFalse.YES_NO);
    static final FieldDef TC = FieldDef.bool("stp.flags.tc", "Topology Change", 8, 0x01).tfs(TrueFalse.YES_NO);
    static final FieldDef ROOT_PRIO = FieldDef.uint16("stp.root.prio", "Root Bridge Priority");
    static final FieldDef ROOT_EXT = FieldDef.uint16("stp.root.ext", "Root Bridge System ID Extension");
    static final FieldDef ROOT_HW = FieldDef.ether("stp.root.hw", "Root Bridge System ID");
    static final FieldDef ROOT_COST = FieldDef.uint32("stp.root.cost", "Root Path Cost");
    static final FieldDef BRIDGE_PRIO = FieldDef.uint16("stp.bridge.prio", "Bridge Priority");
    static final FieldDef BRIDGE_EXT = FieldDef.uint16("stp.bridge.ext", "Bridge System ID Extension");
    static final FieldDef BRIDGE_HW = FieldDef.ether("stp.bridge.hw", "Bridge System ID");
    static final FieldDef PORT = FieldDef.uint16("stp.port", "Port identifier").hex();
    static final FieldDef MSG_AGE = FieldDef.doubleField("stp.msg_age", "Message Age");
    static final FieldDef MAX_AGE = FieldDef.doubleField("stp.max_age", "Max Age");
    static final FieldDef HELLO = FieldDef.doubleField("stp.hello", "Hello Time");
    static final FieldDef FORWARD = FieldDef.doubleField("stp.forward", "Forward Delay");
    static final FieldDef VERSION_1_LENGTH = FieldDef.uint8("stp.version_1_length", "Version 1 Length");
    static final FieldDef PVST_TLVTYPE = FieldDef.uint16("stp.pvst.tlvtype", "Type").hex().vals(PVST_TLV_TYPES);
    static final FieldDef PVST_TLVLEN = FieldDef.uint16("stp.pvst.tlvlen", "Length");
    static final FieldDef PVST_ORIGVLAN = FieldDef.uint16("stp.pvst.origvlan", "Originating VLAN");
    static final FieldDef PVST_TLVVAL = FieldDef.bytes("stp.pvst.tlvval", "Value");
    static final FieldDef VERSION_3_LENGTH_FIELD = FieldDef.uint16("mstp.version_3_length", "Version 3 Length");
    static final FieldDef CONFIG_FORMAT_SELECTOR = FieldDef.uint8("mstp.config_format_selector",
            "MST Config ID format selector");
    static final FieldDef CONFIG_NAME = FieldDef.of("mstp.config_name", "MST Config name", FieldType.STRINGZPAD,
            dev.dorsal.engine.spi.Base.NONE);
    static final FieldDef CONFIG_REVISION = FieldDef.uint16("mstp.config_revision_level", "MST Config revision");
    static final FieldDef CONFIG_DIGEST = FieldDef.bytes("mstp.config_digest", "MST Config digest");
    static final FieldDef CIST_COST = FieldDef.uint32("mstp.cist_internal_root_path_cost",
            "CIST Internal Root Path Cost");
    static final FieldDef CIST_PRIO = FieldDef.uint16("mstp.cist_bridge.prio", "CIST Bridge Priority");
    static final FieldDef CIST_EXT = FieldDef.uint16("mstp.cist_bridge.ext",
            "CIST Bridge Identifier System ID Extension");
    static final FieldDef CIST_HW = FieldDef.ether("mstp.cist_bridge.hw", "CIST Bridge Identifier System ID");
    static final FieldDef CIST_HOPS = FieldDef.uint8("mstp.cist_remaining_hops", "CIST Remaining hops");
    static final FieldDef MSTI_FLAGS = FieldDef.uint8("mstp.msti.flags", "MSTI flags").hex();
    static final FieldDef MSTI_PRIORITY = FieldDef.uint8("mstp.msti.priority", "Priority").hex().mask(0xf0);
    static final FieldDef MSTI_ID = FieldDef.uint16("mstp.msti.msti_id", "MSTID").mask(0x0fff);
    static final FieldDef MSTI_ROOT_HW = FieldDef.ether("mstp.msti.root.hw", "Regional Root");
    static final FieldDef MSTI_ROOT_COST = FieldDef.uint32("mstp.msti.root_cost", "Internal root path cost");
    static final FieldDef MSTI_BRIDGE_PRIORITY = FieldDef.uint8("mstp.msti.bridge_priority",
            "Bridge Identifier Priority");
    static final FieldDef MSTI_PORT_PRIORITY = FieldDef.uint8("mstp.msti.port_priority", "Port identifier priority");
    static final FieldDef MSTI_HOPS = FieldDef.uint8("mstp.msti.remaining_hops", "Remaining hops");

    static final FieldDef VERSION_4_LENGTH_FIELD = FieldDef.uint16("mstp.version_4_length", "Version 4 Length");
    /** tshark registers the SPT configuration identifier under the MST names, labelled "SPT …". */
    static final FieldDef SPT_CONFIG_FORMAT_SELECTOR = FieldDef.uint8("mstp.config_format_selector",
            "SPT Config ID format selector");
    static final FieldDef SPT_CONFIG_NAME = FieldDef.of("mstp.config_name", "SPT Config name", FieldType.STRINGZPAD,
            dev.dorsal.engine.spi.Base.NONE);
    static final FieldDef SPT_CONFIG_REVISION = FieldDef.uint16("mstp.config_revision_level", "SPT Config revision");
    static final FieldDef SPT_CONFIG_DIGEST = FieldDef.bytes("mstp.config_digest", "SPT Config digest");
    static final FieldDef AGREEMENT_NUM = FieldDef.uint8("mstp.agree_flags.agreement_num", "Agreement Number")
            .mask(0x03);
    static final FieldDef DAGREEMENT_NUM = FieldDef.uint8("mstp.agree_flags.dagreement_num", "Disagreement Number")
            .mask(0x0c);
    static final FieldDef AGREEMENT_VALID = FieldDef.bool("mstp.agree_flags.agreement_valid", "Agreement Valid Flag",
            8, 0x10).tfs(TrueFalse.YES_NO);
    static final FieldDef REST_ROLE = FieldDef.bool("mstp.agree_flags.rest_role", "Restricted Role", 8, 0x20)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef AGREEMENT_DIGEST = FieldDef.bytes("mstp.agreement_digest", "Agreement Digest");
    static final FieldDef DIGEST_FORMAT_ID = FieldDef.uint8("bpdu.agreement_digest_format_id",
            "Agreement Digest Format Id").mask(0xf0);
    static final FieldDef DIGEST_FORMAT_CAPS = FieldDef.uint8("bpdu.agreement_digest_format_capabilities",
            "Agreement Digest Format Capabilities").mask(0x0f);
    static final FieldDef DIGEST_CONVENTION_ID = FieldDef.uint8("bpdu.agreement_digest_convention_id",
            "Agreement Digest Convention Id").mask(0xf0);
    static final FieldDef DIGEST_CONVENTION_CAPS = FieldDef.uint8("bpdu.agreement_digest_convention_capabilities",
            "Agreement Digest Convention Capabilities").mask(0x0f);
    static final FieldDef DIGEST_EDGE_COUNT = FieldDef.uint16("bpdu.agreement_digest_edge_count",
            "Agreement Digest Edge Count");

    static final List<FieldDef> FIELDS = List.of(PROTOCOL, VERSION, TYPE, FLAGS, TCACK, AGREEMENT, FORWARDING, LEARNING,
            PORT_ROLE, PROPOSAL, TC, ROOT_PRIO, ROOT_EXT, ROOT_HW, ROOT_COST, BRIDGE_PRIO, BRIDGE_EXT, BRIDGE_HW, PORT,
            MSG_AGE, MAX_AGE, HELLO, FORWARD, VERSION_1_LENGTH, PVST_TLVTYPE, PVST_TLVLEN, PVST_ORIGVLAN, PVST_TLVVAL,
            VERSION_3_LENGTH_FIELD, CONFIG_FORMAT_SELECTOR, CONFIG_NAME, CONFIG_REVISION, CONFIG_DIGEST, CIST_COST,
            CIST_PRIO, CIST_EXT, CIST_HW, CIST_HOPS, MSTI_FLAGS, MSTI_PRIORITY, MSTI_ID, MSTI_ROOT_HW, MSTI_ROOT_COST,
            MSTI_BRIDGE_PRIORITY, MSTI_PORT_PRIORITY, MSTI_HOPS, VERSION_4_LENGTH_FIELD, SPT_CONFIG_FORMAT_SELECTOR,
            SPT_CONFIG_NAME, SPT_CONFIG_REVISION, SPT_CONFIG_DIGEST, AGREEMENT_NUM, DAGREEMENT_NUM, AGREEMENT_VALID,
            REST_ROLE, AGREEMENT_DIGEST, DIGEST_FORMAT_ID, DIGEST_FORMAT_CAPS, DIGEST_CONVENTION_ID,
            DIGEST_CONVENTION_CAPS, DIGEST_EDGE_COUNT);

    static final ExpertDef PVST_TLVLEN_INVALID = new ExpertDef("stp.pvst.tlvlen.invalid",
            "Indicated length is not valid for this record type", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef PVST_ORIGVLAN_MISSING = new ExpertDef("stp.pvst.origvlan.missing",
            "Originating (PVID) VLAN TLV is missing or corrupt", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef PVST_TLV_TRUNCATED = new ExpertDef("stp.pvst.tlv.truncated",
            "TLV record is truncated prematurely", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef PVST_TLV_UNKNOWN = new ExpertDef("stp.pvst.tlv.unknown", "TLV type is unknown",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.COMMENT);
    static final ExpertDef TYPE_UNKNOWN = new ExpertDef("stp.type.unknown", "Unknown BPDU type data",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef VERSION_SUPPORT = new ExpertDef("bpdu.version_support",
            "This version of Wireshark only knows about versions 0, 2, 3 & 4", ExpertDef.Group.PROTOCOL,
            ExpertDef.Severity.WARN);

    static final List<ExpertDef> EXPERTS = List.of(PVST_TLVLEN_INVALID, PVST_ORIGVLAN_MISSING, PVST_TLV_TRUNCATED,
            PVST_TLV_UNKNOWN, TYPE_UNKNOWN, VERSION_SUPPORT);

    private static final FieldDef[] CONFIG_FLAGS = {TCACK, TC};
    private static final FieldDef[] RST_FLAGS = {TCACK, AGREEMENT, FORWARDING, LEARNING, PORT_ROLE, PROPOSAL, TC};

    private Tables tables;

    @Override
    public String name() {
        return "stp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, EXPERTS);
        r.handle(LlcDissector.BPDU_HANDLE, PROTO, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, false));
        r.handle("stp_cisco", PROTO, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, true));
    }

    @Override
    public void handoff(Tables t) {
        tables = t;
        DissectorHandle stp = t.handle(LlcDissector.BPDU_HANDLE);
        t.table(LlcDissector.DSAP_TABLE).add(0x42, stp);
        t.table(LlcDissector.CISCO_PID_TABLE).add(0x0108, stp);
        t.table(LlcDissector.CISCO_PID_TABLE).add(0x0109, stp);
        t.table(LlcDissector.CISCO_PID_TABLE).add(0x010b, t.handle("stp_cisco"));
        t.table(LlcDissector.CISCO_PID_TABLE).add(0x010c, stp);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean pvst) {
        Columns cols = pinfo.columns();
        if (garp(pinfo, cols)) {
            // tshark's Protocols in frame ends at llc for these, with no data after it
            pinfo.removeLayers(pinfo.layerNames().size() - 1);
            return tvb.length();
        }
        cols.setProtocol("STP");
        cols.clearInfo();
        int type = tvb.u8(3);
        int version = tvb.u8(2);
        int flags = 0;
        int rootPrio = 0;
        String rootMac = null;
        long rootCost = 0;
        int port = 0;
        if (type == TYPE_CONF || type == TYPE_RST) {
            flags = tvb.u8(4);
            rootPrio = tvb.u16(5);
            rootMac = AddressFormat.ether(tvb.u48(7));
            rootCost = tvb.u32(13);
            port = tvb.u16(25);
        }
        if (cols.enabled()) {
            String tc = (flags & 0x01) != 0 ? "TC + " : "";
            String root = (rootPrio & 0xf000) + "/" + (rootPrio & 0x0fff) + "/" + rootMac;
            String rest = String.format(Locale.ROOT, "  Cost = %d  Port = 0x%04x", (int) rootCost, port);
            cols.setInfo(switch (type) {
                case TYPE_CONF -> "Conf. " + tc + "Root = " + root + rest;
                case TYPE_TCN -> "Topology Change Notification";
                case TYPE_RST -> (version == 3 ? "MS" : version == 4 ? "SP" : "RS") + "T. " + tc + "Root = " + root
                        + rest;
                default -> "Unknown BPDU type (" + type + ")";
            });
        }
        ProtoItem stp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        stp.addUint(PROTOCOL, tvb, 0, 2, tvb.u16(0));
        ProtoItem v = stp.addUint(VERSION, tvb, 2, 1, version);
        if (version != 0 && version != 2 && version != 3 && version != 4) {
            v.expert(VERSION_SUPPORT);
        }
        ProtoItem t = stp.addUint(TYPE, tvb, 3, 1, type);
        if (type == TYPE_TCN) {
            return tvb.length();
        }
        if (type != TYPE_CONF && type != TYPE_RST) {
            t.expert(TYPE_UNKNOWN);
            return tvb.length();
        }
        int bridgePrio = tvb.u16(17);
        String bridgeMac = AddressFormat.ether(tvb.u48(19));
        flags(stp, FLAGS, tvb, 4, flags, type == TYPE_RST ? RST_FLAGS : CONFIG_FLAGS);
        bridgeId(stp, tvb, 5, "Root Identifier", rootPrio, rootMac, ROOT_PRIO, ROOT_EXT, ROOT_HW);
        stp.addUint(ROOT_COST, tvb, 13, 4, rootCost);
        bridgeId(stp, tvb, 17, "Bridge Identifier", bridgePrio, bridgeMac, BRIDGE_PRIO, BRIDGE_EXT, BRIDGE_HW);
        stp.addUint(PORT, tvb, 25, 2, port);
        stp.addDouble(MSG_AGE, tvb, 27, 2, tvb.u16(27) / 256.0);
        stp.addDouble(MAX_AGE, tvb, 29, 2, tvb.u16(29) / 256.0);
        stp.addDouble(HELLO, tvb, 31, 2, tvb.u16(31) / 256.0);
        stp.addDouble(FORWARD, tvb, 33, 2, tvb.u16(33) / 256.0);
        if (type == TYPE_CONF) {
            if (pvst) {
                pvstTlvs(tvb, stp);
            }
            return tvb.length();
        }
        int v1Length = tvb.u8(35);
        stp.addUint(VERSION_1_LENGTH, tvb, 35, 1, v1Length);
        if (version >= 3 && v1Length == 0 && tvb.reportedLength() >= MSTI) {
            mst(tvb, stp, version);
        } else if (pvst) {
            pvstTlvs(tvb, stp);
        }
        return tvb.length();
    }

    /**
     * GARP applications use the group addresses 01:80:c2:00:00:20 to 2f (and GVRP also 0d) with the
     * BPDU's LLC SAP; tshark names unknown ones and hands GMRP and GVRP (which Dorsal lacks) to their
     * dissectors. True when the frame was one of those.
     */
    private boolean garp(PacketInfo pinfo, Columns cols) {
        Address dst = pinfo.dlDst();
        if (dst.type() != Address.Type.ETHER || dst.bytes().length != 6) {
            return false;
        }
        byte[] d = dst.bytes();
        int last = d[5] & 0xff;
        if (!(d[0] == 0x01 && (d[1] & 0xff) == 0x80 && (d[2] & 0xff) == 0xc2 && d[3] == 0 && d[4] == 0
                && (last == 0x0d || (last & 0xf0) == 0x20))) {
            return false;
        }
        if (last == 0x20 || last == 0x21 || last == 0x0d) {
            return false; // GMRP and GVRP: not dissected by Dorsal, shown as BPDUs (docs/compat.md)
        }
        cols.setProtocol("GARP");
        if (cols.enabled()) {
            cols.setInfo(String.format(Locale.ROOT, "Unknown GARP application (0x%02X)", last));
        }
        return true;
    }

    /** A flags byte with its bits, labelled "0x3d, Forwarding, Learning, Port Role: Designated" as tshark does. */
    private static void flags(ProtoItem parent, FieldDef field, Tvb tvb, int off, int value, FieldDef[] bits) {
        ProtoItem item = parent.addUint(field, tvb, off, 1, value);
        if (parent.tree().detailed()) {
            StringBuilder text = new StringBuilder(field.name()).append(": ")
                    .append(String.format(Locale.ROOT, "0x%02x", value));
            for (FieldDef b : bits) {
                long v = (value & b.mask()) >>> Long.numberOfTrailingZeros(b.mask());
                if (b.type() == FieldType.BOOLEAN) {
                    if (v != 0) {
                        text.append(", ").append(b.name());
                    }
                } else {
                    text.append(", ").append(b.name()).append(": ").append(b.values().nameOr(v, "Unknown"));
                }
            }
            item.setText(text.toString());
        }
        for (FieldDef b : bits) {
            item.add(b, tvb, off, 1);
        }
    }

    /** An 8-byte bridge identifier: 4-bit priority, 12-bit system ID extension, MAC (IEEE 802.1D §9.2.5). */
    private static void bridgeId(ProtoItem parent, Tvb tvb, int off, String label, int prioExt, String mac,
            FieldDef prio, FieldDef ext, FieldDef hw) {
        ProtoItem id = parent.addText(tvb, off, 8, label + ": " + (prioExt & 0xf000) + " / " + (prioExt & 0x0fff)
                + " / " + mac);
        ProtoItem holder = id == parent ? parent : id;
        holder.addUint(prio, tvb, off, 1, prioExt & 0xf000);
        holder.addUint(ext, tvb, off, 2, prioExt & 0x0fff);
        holder.add(hw, tvb, off + 2, 6);
    }

    /** The MST part of a version 3 (or later) BPDU: configuration identifier, CIST fields, MSTI records. */
    private static void mst(Tvb tvb, ProtoItem stp, int version) {
        int v3Length = tvb.u16(VERSION_3_LENGTH);
        stp.addUint(VERSION_3_LENGTH_FIELD, tvb, VERSION_3_LENGTH, 2, v3Length);
        int selector = tvb.u8(38);
        boolean standard;
        int total;
        if (v3Length != 0) {
            standard = true;
            // Some Cisco switches count MSTI messages here instead of bytes (tshark's reading of a
            // length shorter than the fixed part).
            total = v3Length >= VERSION_3_STATIC_LENGTH ? v3Length - VERSION_3_STATIC_LENGTH : v3Length * MSTI_SIZE;
        } else {
            standard = false;
            total = 0; // the pre-standard layout (selector as length) is not decoded: docs/compat.md
        }
        if (version == 3 && MSTI + total < tvb.reportedLength()) {
            tvb = tvb.withReportedLength(MSTI + total);
        }
        ProtoItem mst = stp.addText(tvb, VERSION_3_LENGTH, tvb.remaining(VERSION_3_LENGTH), "MST Extension");
        ProtoItem ext = mst == stp ? stp : mst;
        ext.add(CONFIG_FORMAT_SELECTOR, tvb, 38, 1);
        ext.add(CONFIG_NAME, tvb, 39, 32);
        ext.add(CONFIG_REVISION, tvb, 71, 2);
        ext.add(CONFIG_DIGEST, tvb, 73, 16);
        if (standard) {
            ext.add(CIST_COST, tvb, 89, 4);
            int prioExt = tvb.u16(93);
            String mac = AddressFormat.ether(tvb.u48(95));
            bridgeId(ext, tvb, 93, "CIST Bridge Identifier", prioExt, mac, CIST_PRIO, CIST_EXT, CIST_HW);
        }
        ext.add(CIST_HOPS, tvb, 101, 1);
        int off = MSTI;
        for (int remaining = total; remaining > 0; remaining -= MSTI_SIZE, off += MSTI_SIZE) {
            int first = tvb.u8(off + 1);
            int mstid = ((first & 0x0f) << 8) + tvb.u8(off + 2);
            int prio = (first & 0xf0) << 8;
            String mac = AddressFormat.ether(tvb.u48(off + 3));
            requireReported(tvb, off, MSTI_SIZE);
            ProtoItem rec = ext.addText(tvb, off, MSTI_SIZE, "MSTID " + mstid + ", Regional Root Identifier " + prio
                    + " / " + mac);
            ProtoItem r = rec == ext ? ext : rec;
            flags(r, MSTI_FLAGS, tvb, off, tvb.u8(off), RST_FLAGS);
            r.add(MSTI_PRIORITY, tvb, off + 1, 1);
            r.add(MSTI_ID, tvb, off + 1, 2);
            r.add(MSTI_ROOT_HW, tvb, off + 3, 6);
            r.add(MSTI_ROOT_COST, tvb, off + 9, 4);
            r.addUint(MSTI_BRIDGE_PRIORITY, tvb, off + 13, 1, tvb.u8(off + 13) >> 4);
            r.addUint(MSTI_PORT_PRIORITY, tvb, off + 14, 1, tvb.u8(off + 14) >> 4);
            r.add(MSTI_HOPS, tvb, off + 15, 1);
        }
        if (version >= 4 && tvb.reportedLength() >= 106) {
            spt(tvb, stp, MSTI + total);
        }
    }

    /** The SPT part of a version 4 BPDU (IEEE 802.1Q-2018 §14.4.1): auxiliary MCID and agreement data. */
    private static void spt(Tvb tvb, ProtoItem stp, int off) {
        int v4Length = tvb.u16(off);
        stp.addUint(VERSION_4_LENGTH_FIELD, tvb, off, 2, v4Length);
        if (v4Length < 53) {
            return;
        }
        ProtoItem ext = holder(stp, stp.addText(tvb, off, tvb.remaining(off), "SPT Extension"));
        int p = off + 2;
        requireReported(tvb, p, 51);
        ProtoItem mcid = holder(ext, ext.addText(tvb, p, 51, "MCID Data"));
        mcid.add(SPT_CONFIG_FORMAT_SELECTOR, tvb, p, 1);
        mcid.add(SPT_CONFIG_NAME, tvb, p + 1, 32);
        mcid.add(SPT_CONFIG_REVISION, tvb, p + 33, 2);
        mcid.add(SPT_CONFIG_DIGEST, tvb, p + 35, 16);
        p += 51;
        int agree = tvb.u8(p);
        ProtoItem data = ext.addText(tvb, p, tvb.remaining(p), "Agreement Data (AN: " + (agree & 0x03) + ", DAN: "
                + ((agree & 0x0c) >> 2) + ")");
        ProtoItem a = holder(ext, data);
        a.addUint(AGREEMENT_NUM, tvb, p, 1, agree & 0x03);
        a.addUint(DAGREEMENT_NUM, tvb, p, 1, (agree & 0x0c) >> 2);
        a.addUint(AGREEMENT_VALID, tvb, p, 1, (agree & 0x10) != 0 ? 1 : 0);
        a.addUint(REST_ROLE, tvb, p, 1, (agree & 0x20) != 0 ? 1 : 0);
        p += 2;
        a.add(DIGEST_FORMAT_ID, tvb, p, 1);
        a.add(DIGEST_FORMAT_CAPS, tvb, p, 1);
        p++;
        a.add(DIGEST_CONVENTION_ID, tvb, p, 1);
        a.add(DIGEST_CONVENTION_CAPS, tvb, p, 1);
        p++;
        a.add(DIGEST_EDGE_COUNT, tvb, p, 2);
        p += 10;
        a.add(AGREEMENT_DIGEST, tvb, p, 20);
    }

    private static ProtoItem holder(ProtoItem parent, ProtoItem child) {
        return child == parent ? parent : child;
    }

    /** Cisco PVST+ TLVs after the BPDU: the originating VLAN must be there. */
    private static void pvstTlvs(Tvb tvb, ProtoItem stp) {
        boolean origVlan = false;
        int off = PVST_TLV;
        if (tvb.reportedLength() - off < 4) {
            stp.expert(PVST_TLV_TRUNCATED);
        }
        while (tvb.reportedLength() - off >= 4) {
            int type = tvb.u16(off);
            int length = tvb.u16(off + 2);
            requireReported(tvb, off, 4 + length);
            ProtoItem tlv = stp.addText(tvb, off, 4 + length,
                    PVST_TLV_TYPES.nameOr(type, String.format(Locale.ROOT, "Unknown TLV type: 0x%04x", type)));
            ProtoItem holder = tlv == stp ? stp : tlv;
            holder.add(PVST_TLVTYPE, tvb, off, 2);
            ProtoItem len = holder.add(PVST_TLVLEN, tvb, off + 2, 2);
            if (tvb.reportedLength() - (off + 4) < length) {
                len.expert(PVST_TLV_TRUNCATED);
                break;
            }
            off += 4;
            if (type == 0) {
                if (length == 2) {
                    int vlan = tvb.u16(off);
                    if (tlv != stp) {
                        tlv.appendText(" (PVID): " + vlan);
                    }
                    holder.add(PVST_ORIGVLAN, tvb, off, 2);
                    origVlan = true;
                } else {
                    len.expert(PVST_TLVLEN_INVALID);
                }
            } else {
                holder.add(PVST_TLVVAL, tvb, off, length);
                holder.expert(PVST_TLV_UNKNOWN);
            }
            off += length;
        }
        if (!origVlan) {
            stp.expert(PVST_ORIGVLAN_MISSING);
        }
    }

    /** As tshark when an item would end past the packet: the packet is malformed there. */
    private static void requireReported(Tvb tvb, int off, int length) {
        if ((long) off + length > tvb.reportedLength()) {
            tvb.slice(off, length); // throws the malformed error
        }
    }
}
