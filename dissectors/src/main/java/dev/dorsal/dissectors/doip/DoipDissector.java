package dev.dorsal.dissectors.doip;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads Diagnostics over IP (ISO 13400-2) on TCP and UDP port 13400: the 8-byte generic header and
 * every payload type's fields. TCP messages are framed by their length (reassembled when cut).
 * Diagnostic message user data goes to data: tshark 4.0.17 hands it to its UDS dissector, which Dorsal
 * does not have (docs/compat.md). Filter prefix {@code doip.}.
 *
 * <pre>
 * | version (1) | inverse version (1) | payload type (2) | payload length (4) | payload |
 * </pre>
 */
public final class DoipDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("DoIP (ISO13400) Protocol", "DoIP", "doip");
    static final int PORT = 13400;
    static final int HEADER = 8;

    static final FieldDef VERSION = FieldDef.uint8("doip.version", "Version").hex().vals(DoipValues.VERSIONS);
    static final FieldDef INVERSE = FieldDef.uint8("doip.inverse", "Inverse version").hex();
    static final FieldDef TYPE = FieldDef.uint16("doip.type", "Type").hex().vals(DoipValues.TYPES);
    static final FieldDef LENGTH = FieldDef.uint32("doip.length", "Length");
    static final FieldDef NACK_CODE = FieldDef.uint8("doip.nack_code", "DoIP Header NACK code").hex()
            .vals(DoipValues.HEADER_NACK);
    static final FieldDef VIN = FieldDef.string("doip.vin", "VIN");
    static final FieldDef LOGICAL_ADDRESS = FieldDef.uint16("doip.logical_address", "Logical Address").hex();
    static final FieldDef EID = FieldDef.bytes("doip.eid", "EID");
    static final FieldDef GID = FieldDef.bytes("doip.gid", "GID");
    static final FieldDef FURTHER_ACTION = FieldDef.uint8("doip.futher_action", "Further action required").hex()
            .vals(DoipValues.FURTHER_ACTION);
    static final FieldDef SYNC_STATUS = FieldDef.uint8("doip.sync_status", "VIN/GID sync. status").hex()
            .vals(DoipValues.SYNC_STATUS);
    static final FieldDef POWER_MODE = FieldDef.uint8("doip.power_mode", "Diagnostic power mode").hex()
            .vals(DoipValues.POWER_MODES);
    static final FieldDef NODE_TYPE = FieldDef.uint8("doip.node_type", "Node type").hex().vals(DoipValues.NODE_TYPES);
    static final FieldDef MAX_SOCKETS = FieldDef.uint8("doip.max_sockets", "Max concurrent sockets");
    static final FieldDef SOCKETS = FieldDef.uint8("doip.sockets", "Currently open sockets");
    static final FieldDef MAX_DATA_SIZE = FieldDef.uint32("doip.max_data_size", "Max data size");
    static final FieldDef SOURCE = FieldDef.uint16("doip.source_address", "Source Address").hex();
    static final FieldDef TARGET = FieldDef.uint16("doip.target_address", "Target Address").hex();
    static final FieldDef ACTIVATION_V1 = FieldDef.uint16("doip.activation_type_v1", "Activation type").hex();
    static final FieldDef ACTIVATION = FieldDef.uint8("doip.activation_type", "Activation type").hex()
            .vals(DoipValues.ACTIVATION_TYPES);
    static final FieldDef TESTER = FieldDef.uint16("doip.tester_logical_address", "Logical address of external tester")
            .hex();
    static final FieldDef RESPONSE_CODE = FieldDef.uint8("doip.response_code", "Routing activation response code")
            .hex().vals(DoipValues.RESPONSE_CODES);
    static final FieldDef RESERVED_ISO = FieldDef.uint32("doip.reserved_iso", "Reserved by ISO").hex();
    static final FieldDef RESERVED_OEM = FieldDef.uint32("doip.reserved_oem", "Reserved by OEM").hex();
    static final FieldDef DIAG_ACK = FieldDef.uint8("doip.diag_ack_code", "ACK code").hex().vals(DoipValues.DIAG_ACK);
    static final FieldDef DIAG_NACK = FieldDef.uint8("doip.diag_nack_code", "NACK code").hex()
            .vals(DoipValues.DIAG_NACK);
    static final FieldDef PREVIOUS = FieldDef.bytes("doip.previous", "Previous message");

    static final List<FieldDef> FIELDS = List.of(VERSION, INVERSE, TYPE, LENGTH, NACK_CODE, VIN, LOGICAL_ADDRESS, EID,
            GID, FURTHER_ACTION, SYNC_STATUS, POWER_MODE, NODE_TYPE, MAX_SOCKETS, SOCKETS, MAX_DATA_SIZE, SOURCE,
            TARGET, ACTIVATION_V1, ACTIVATION, TESTER, RESPONSE_CODE, RESERVED_ISO, RESERVED_OEM, DIAG_ACK, DIAG_NACK,
            PREVIOUS);

    private static final int VERSION_2010 = 0x01;
    private static final int EID_LEN = 6;
    private static final int VIN_LEN = 17;

    private static DissectorHandle data;

    @Override
    public String name() {
        return "doip";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("doip", PROTO, DoipDissector::dissectTcp);
        r.handle("doip.udp", PROTO, DoipDissector::dissectMessage);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(PORT, t.handle("doip"));
        t.table("udp.port").add(PORT, t.handle("doip.udp"));
        data = t.handle("data");
    }

    static int dissectTcp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int ownLayer = pinfo.layerNames().size() - 1;
        int n = TcpPdus.dissect(tvb, pinfo, tree, true, HEADER,
                (t, off, p) -> (int) Math.min(Integer.MAX_VALUE, t.u32(off + 4) + HEADER),
                DoipDissector::dissectMessage);
        if (pinfo.desegmentLength() != 0 && pinfo.desegmentOffset() == 0) {
            // Only part of a message yet: as tshark, DoIP is not among this frame's protocols.
            pinfo.removeLayers(ownLayer);
        }
        return n;
    }

    /** One message: the header, then the payload of its type. */
    static int dissectMessage(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        // The header is read before the columns are set: a datagram shorter than it stays UDP.
        int type = tvb.u16(2);
        long length = tvb.u32(4);
        pinfo.columns().setProtocol("DoIP");
        String name = DoipValues.TYPES.name(type);
        pinfo.columns().setInfo(name != null ? name : String.format("0x%04x Unknown Payload", type));
        ProtoItem doip = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        if (doip.tree().treeless()) {
            return tvb.length(); // tshark reads the payload only while building a tree: a short one stays unnoticed
        }
        ProtoItem header = doip.addText(tvb, 0, HEADER, "Header");
        int version = tvb.u8(0);
        header.add(VERSION, tvb, 0, 1);
        header.add(INVERSE, tvb, 1, 1);
        header.add(TYPE, tvb, 2, 2);
        header.add(LENGTH, tvb, 4, 4);
        int p = HEADER;
        switch (type) {
            case 0x0000 -> doip.add(NACK_CODE, tvb, p, 1);
            case 0x0002 -> doip.add(EID, tvb, p, EID_LEN);
            case 0x0003 -> doip.addString(VIN, tvb, p, VIN_LEN, tvb.ascii(p, VIN_LEN));
            case 0x0004 -> announcement(tvb, p, length, doip);
            case 0x0005 -> {
                doip.add(SOURCE, tvb, p, 2);
                if (version == VERSION_2010) {
                    doip.add(ACTIVATION_V1, tvb, p + 2, 2);
                    p += 4;
                } else {
                    doip.add(ACTIVATION, tvb, p + 2, 1);
                    p += 3;
                }
                doip.add(RESERVED_ISO, tvb, p, 4);
                if (length > p + 4 - HEADER) {
                    doip.add(RESERVED_OEM, tvb, p + 4, 4);
                }
            }
            case 0x0006 -> {
                doip.add(TESTER, tvb, p, 2);
                doip.add(SOURCE, tvb, p + 2, 2);
                doip.add(RESPONSE_CODE, tvb, p + 4, 1);
                doip.add(RESERVED_ISO, tvb, p + 5, 4);
                if (length > 9) {
                    doip.add(RESERVED_OEM, tvb, p + 9, 4);
                }
            }
            case 0x0008 -> doip.add(SOURCE, tvb, p, 2);
            case 0x4002 -> {
                doip.add(NODE_TYPE, tvb, p, 1);
                doip.add(MAX_SOCKETS, tvb, p + 1, 1);
                doip.add(SOCKETS, tvb, p + 2, 1);
                if (length > 3) {
                    doip.add(MAX_DATA_SIZE, tvb, p + 3, 4);
                }
            }
            case 0x4004 -> doip.add(POWER_MODE, tvb, p, 1);
            case 0x8001 -> {
                doip.add(SOURCE, tvb, p, 2);
                doip.add(TARGET, tvb, p + 2, 2);
                if (tvb.reportedLength() > p + 4) {
                    pinfo.call(data, tvb.slice(p + 4), tree);
                }
            }
            case 0x8002, 0x8003 -> {
                doip.add(SOURCE, tvb, p, 2);
                doip.add(TARGET, tvb, p + 2, 2);
                doip.add(type == 0x8002 ? DIAG_ACK : DIAG_NACK, tvb, p + 4, 1);
                if (length > 5) {
                    doip.add(PREVIOUS, tvb, p + 5, (int) Math.min(length - 5, tvb.reportedLength() - p - 5));
                }
            }
            default -> { }
        }
        return tvb.length();
    }

    private static void announcement(Tvb tvb, int p, long length, ProtoItem doip) {
        doip.addString(VIN, tvb, p, VIN_LEN, tvb.ascii(p, VIN_LEN));
        p += VIN_LEN;
        doip.add(LOGICAL_ADDRESS, tvb, p, 2);
        doip.add(EID, tvb, p + 2, EID_LEN);
        doip.add(GID, tvb, p + 8, EID_LEN);
        doip.add(FURTHER_ACTION, tvb, p + 14, 1);
        if (length > VIN_LEN + 15) {
            doip.add(SYNC_STATUS, tvb, p + 15, 1);
        }
    }
}
