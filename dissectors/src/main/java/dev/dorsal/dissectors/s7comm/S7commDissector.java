package dev.dorsal.dissectors.s7comm;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Siemens S7 communication (S7comm) carried in COTP data TPDUs, found by the {@code cotp}
 * heuristic (protocol id 0x32 and a known ROSCTR): the header of every ROSCTR, and for job and
 * ack-data PDUs the Setup Communication, Read Var and Write Var functions with their items
 * ({@link S7commItems}), the block download and upload functions ({@link S7commBlocks}) and PLC Stop's
 * service name; userdata PDUs are read by {@link S7commUserdata}. PI-Service and CPU services show the
 * function only (docs/compat.md). Filter prefix {@code s7comm.}.
 *
 * <pre>
 * | 0x32 (1) | ROSCTR (1) | redundancy id (2) | PDU reference (2) | parameter length (2) | data length (2)
 * | [error class (1) | error code (1)] (Ack, Ack_Data) | parameter | data |
 * </pre>
 */
public final class S7commDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("S7 Communication", "S7COMM", "s7comm");
    static final int PROTOCOL_ID = 0x32;
    static final int JOB = 1;
    static final int ACK = 2;
    static final int ACK_DATA = 3;
    static final int USERDATA = 7;
    static final int SETUP = 0xf0;
    static final int READ_VAR = 0x04;
    static final int WRITE_VAR = 0x05;
    static final int PLC_STOP = 0x29;

    static final ValueString ROSCTRS = ValueString.of(JOB, "Job", ACK, "Ack", ACK_DATA, "Ack_Data", USERDATA,
            "Userdata");
    static final ValueString ERROR_CLASSES = ValueString.of(0x00, "No error", 0x81, "Application relationship",
            0x82, "Object definition", 0x83, "No resources available", 0x84, "Error on service processing",
            0x85, "Error on supplies", 0x87, "Access error");
    static final ValueString FUNCTIONS = ValueString.of(0x00, "CPU services", 0xf0, "Setup communication",
            0x04, "Read Var", 0x05, "Write Var", 0x1a, "Request download", 0x1b, "Download block",
            0x1c, "Download ended", 0x1d, "Start upload", 0x1e, "Upload", 0x1f, "End upload", 0x28, "PI-Service",
            0x29, "PLC Stop");

    static final FieldDef HEADER = FieldDef.none("s7comm.header", "Header");
    static final FieldDef PROTID = FieldDef.uint8("s7comm.header.protid", "Protocol Id").hex();
    static final FieldDef ROSCTR = FieldDef.uint8("s7comm.header.rosctr", "ROSCTR").vals(ROSCTRS);
    static final FieldDef REDID = FieldDef.uint16("s7comm.header.redid", "Redundancy Identification (Reserved)").hex();
    static final FieldDef PDUREF = FieldDef.uint16("s7comm.header.pduref", "Protocol Data Unit Reference");
    static final FieldDef PARLG = FieldDef.uint16("s7comm.header.parlg", "Parameter length");
    static final FieldDef DATLG = FieldDef.uint16("s7comm.header.datlg", "Data length");
    static final FieldDef ERRCLS = FieldDef.uint8("s7comm.header.errcls", "Error class").hex().vals(ERROR_CLASSES);
    static final FieldDef ERRCOD = FieldDef.uint8("s7comm.header.errcod", "Error code").hex();
    static final FieldDef PARAM = FieldDef.none("s7comm.param", "Parameter");
    static final FieldDef PARAM_ERRCOD = FieldDef.uint16("s7comm.param.errcod", "Error code").hex()
            .vals(S7commErrors.CODES);
    static final FieldDef FUNC = FieldDef.uint8("s7comm.param.func", "Function").hex().vals(FUNCTIONS);
    static final FieldDef SETUP_RESERVED = FieldDef.uint8("s7comm.param.setup_reserved1", "Reserved").hex();
    static final FieldDef MAXAMQ_CALLING = FieldDef.uint16("s7comm.param.maxamq_calling",
            "Max AmQ (parallel jobs with ack) calling");
    static final FieldDef MAXAMQ_CALLED = FieldDef.uint16("s7comm.param.maxamq_called",
            "Max AmQ (parallel jobs with ack) called");
    static final FieldDef PDU_LENGTH = FieldDef.uint16("s7comm.param.pdu_length", "PDU length");
    static final FieldDef ITEMCOUNT = FieldDef.uint8("s7comm.param.itemcount", "Item count");
    static final FieldDef PI_UNKNOWN = FieldDef.bytes("s7comm.param.pistart.unknown1", "Unknown bytes");
    static final FieldDef PART2_LEN = FieldDef.uint8("s7comm.data.plccontrol.part2_len", "Length part 2");
    static final FieldDef PI_SERVICE = FieldDef.string("s7comm.param.pistart.servicename",
            "PI (program invocation) Service");

    static final List<FieldDef> FIELDS = List.of(HEADER, PROTID, ROSCTR, REDID, PDUREF, PARLG, DATLG, ERRCLS, ERRCOD,
            PARAM, PARAM_ERRCOD, FUNC, SETUP_RESERVED, MAXAMQ_CALLING, MAXAMQ_CALLED, PDU_LENGTH, ITEMCOUNT,
            PI_UNKNOWN, PART2_LEN, PI_SERVICE);

    private static final int HEADER_SHORT = 10;
    private static final int HEADER_LONG = 12;

    @Override
    public String name() {
        return "s7comm";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(S7commItems.FIELDS);
        all.addAll(S7commUserdata.FIELDS);
        all.addAll(S7commDiag.FIELDS);
        all.addAll(S7commBlocks.FIELDS);
        r.fields(PROTO, all);
        r.experts(PROTO, List.of(S7commBlocks.BLOCK_NUMBER_INVALID));
    }

    @Override
    public void handoff(Tables t) {
        t.heuristics("cotp").add("s7comm_cotp", PROTO, S7commDissector::heuristic, true);
    }

    /** tshark's test: at least a short header, protocol id 0x32 and a ROSCTR from 1 to 7. */
    static boolean heuristic(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.length() < HEADER_SHORT || tvb.u8(0) != PROTOCOL_ID) {
            return false;
        }
        int rosctr = tvb.u8(1);
        if (rosctr < JOB || rosctr > USERDATA) {
            return false;
        }
        dissect(tvb, pinfo, tree);
        return true;
    }

    static void dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("S7COMM");
        cols.clearInfo();
        int rosctr = tvb.u8(1);
        boolean error = rosctr == ACK || rosctr == ACK_DATA;
        int hlen = error ? HEADER_LONG : HEADER_SHORT;
        int parlg = tvb.u16(6);
        int datlg = tvb.u16(8);
        String rname = ROSCTRS.name(rosctr);
        ProtoItem s7 = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        if (rname == null) {
            cols.appendInfo(String.format("ROSCTR:[Unknown: 0x%02x]", rosctr));
        } else {
            cols.appendInfo(String.format("ROSCTR:[%-8s]", rname));
        }
        String headerText = rname == null ? String.format("Header: (Unknown ROSCTR: 0x%02x)", rosctr)
                : "Header: (" + rname + ")";
        ProtoItem header = Items.add(s7, HEADER, tvb, 0, hlen).setText(headerText);
        header.add(PROTID, tvb, 0, 1);
        header.add(ROSCTR, tvb, 1, 1);
        header.add(REDID, tvb, 2, 2);
        header.add(PDUREF, tvb, 4, 2);
        header.add(PARLG, tvb, 6, 2);
        header.add(DATLG, tvb, 8, 2);
        String errorInfo = "";
        if (error) {
            header.add(ERRCLS, tvb, 10, 1);
            header.add(ERRCOD, tvb, 11, 1);
            int code = tvb.u16(10);
            if (code != 0) {
                header.addUint(PARAM_ERRCOD, tvb, 10, 2, code).setGenerated();
                errorInfo = String.format(" -> Errorcode:[0x%04x]", code);
            }
        }
        int p = hlen;
        if (rname == null || parlg == 0) {
            cols.appendInfo(errorInfo);
            return;
        }
        if (rosctr == USERDATA) {
            S7commUserdata.dissect(tvb, p, parlg, datlg, s7, cols);
            return;
        }
        int func = tvb.u8(p);
        String fname = FUNCTIONS.nameOr(func, "Unknown");
        cols.appendInfo(" Function:[" + fname + "]" + errorInfo);
        ProtoItem param = Items.add(s7, PARAM, tvb, p, parlg).setText("Parameter: (" + fname + ")");
        param.add(FUNC, tvb, p, 1);
        int d = p + parlg;
        switch (func) {
            case SETUP -> {
                param.add(SETUP_RESERVED, tvb, p + 1, 1);
                param.add(MAXAMQ_CALLING, tvb, p + 2, 2);
                param.add(MAXAMQ_CALLED, tvb, p + 4, 2);
                param.add(PDU_LENGTH, tvb, p + 6, 2);
            }
            case READ_VAR, WRITE_VAR -> {
                int count = tvb.u8(p + 1);
                param.add(ITEMCOUNT, tvb, p + 1, 1);
                if (rosctr == JOB) {
                    S7commItems.requestItems(tvb, p + 2, count, param);
                    if (func == WRITE_VAR && datlg > 0) {
                        S7commItems.dataItems(tvb, d, datlg, count, s7, true);
                    }
                } else if (rosctr == ACK_DATA && datlg > 0) {
                    S7commItems.dataItems(tvb, d, datlg, count, s7, func == READ_VAR);
                }
            }
            case S7commBlocks.REQUEST_DOWNLOAD, S7commBlocks.DOWNLOAD_BLOCK, S7commBlocks.DOWNLOAD_ENDED,
                    S7commBlocks.START_UPLOAD, S7commBlocks.UPLOAD, S7commBlocks.END_UPLOAD ->
                    S7commBlocks.dissect(tvb, p, parlg, d, datlg, func, rosctr == JOB, s7, param, cols);
            case PLC_STOP -> {
                if (rosctr == JOB) {
                    param.add(PI_UNKNOWN, tvb, p + 1, 5);
                    int len = tvb.u8(p + 6);
                    param.add(PART2_LEN, tvb, p + 6, 1);
                    param.add(PI_SERVICE, tvb, p + 7, len);
                }
            }
            default -> { }
        }
    }
}
