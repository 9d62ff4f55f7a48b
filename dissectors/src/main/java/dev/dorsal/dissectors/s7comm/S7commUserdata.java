package dev.dorsal.dissectors.s7comm;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads S7comm userdata PDUs (ROSCTR 7): the parameter (method, type, function group, subfunction,
 * sequence number and, in responses, the data unit reference, last-unit flag and error code), the
 * data header, and the data of the CPU functions Read SZL (the SZL-ID with its parts, each partial
 * list as bytes, and the diagnostic buffer 0x00a0 entry by entry, {@link S7commDiag}) and Diagnostic
 * message, and of the time functions' clock. Data of other functions is not decoded.
 */
final class S7commUserdata {
    static final ValueString METHODS = ValueString.of(0x00, "Undef", 0x11, "Req", 0x12, "Res");
    static final ValueString TYPES = ValueString.of(0, "Push", 4, "Request", 8, "Response", 3, "NC Push",
            7, "NC Request", 11, "NC Response");
    static final ValueString GROUPS = ValueString.of(0, "Mode-transition", 1, "Programmer commands",
            2, "Cyclic services", 3, "Block functions", 4, "CPU functions", 5, "Security", 6, "PBC BSEND/BRECV",
            7, "Time functions", 15, "NC programming");
    static final ValueString LAST_UNIT = ValueString.of(0x00, "Yes", 0x01, "No");
    static final ValueString DIAG_TYPES = ValueString.of(0x0, "CPU", 0x100, "IM", 0xc000, "CP", 0x8000, "FM");

    private static final ValueString[] SUBFUNCS = new ValueString[16];

    static {
        SUBFUNCS[1] = ValueString.of(1, "Block status", 2, "Variable status", 3, "Output ISTACK", 4, "Output BSTACK",
                5, "Output LSTACK", 6, "Time measurement from to", 7, "Force selection", 8, "Modify variable",
                9, "Force", 10, "Breakpoint", 11, "Exit HOLD", 12, "Memory reset", 13, "Disable job",
                14, "Enable job", 15, "Delete job", 16, "Read job list", 17, "Read job", 18, "Replace job",
                19, "Block status v2", 22, "Flash LED");
        SUBFUNCS[2] = ValueString.of(1, "Cyclic transfer", 4, "Unsubscribe", 5, "Change driven transfer",
                7, "Change driven transfer modify", 8, "RDREC");
        SUBFUNCS[3] = ValueString.of(1, "List blocks", 2, "List blocks of type", 3, "Get block info");
        SUBFUNCS[4] = ValueString.of(1, "Read SZL", 2, "Message service", 3, "Diagnostic message",
                5, "ALARM_8 indication", 6, "NOTIFY indication", 7, "ALARM_8 lock", 8, "ALARM_8 unlock",
                9, "SCAN indication", 18, "ALARM_S indication", 17, "ALARM_SQ indication", 19, "ALARM query",
                11, "ALARM ack", 12, "ALARM ack indication", 13, "ALARM lock indication",
                14, "ALARM unlock indication", 22, "NOTIFY_8 indication");
        SUBFUNCS[5] = ValueString.of(1, "PLC password");
        SUBFUNCS[7] = ValueString.of(1, "Read clock", 2, "Set clock", 3, "Read clock (following)", 4, "Set clock");
        SUBFUNCS[15] = ValueString.of(1, "Request download", 2, "Download block", 3, "Continue download",
                4, "Download ended", 6, "Start upload", 7, "Upload", 8, "Continue upload");
    }

    static final FieldDef HEAD = FieldDef.uint24("s7comm.param.userdata.head", "Parameter head").hex();
    static final FieldDef LENGTH = FieldDef.uint8("s7comm.param.userdata.length", "Parameter length");
    static final FieldDef METHOD = FieldDef.uint8("s7comm.param.userdata.reqres1", "Method (Request/Response)").hex()
            .vals(METHODS);
    static final FieldDef TYPE = FieldDef.uint8("s7comm.param.userdata.type", "Type").mask(0xf0).vals(TYPES);
    static final FieldDef GROUP = FieldDef.uint8("s7comm.param.userdata.funcgroup", "Function group").mask(0x0f)
            .vals(GROUPS);
    static final FieldDef SUBFUNC = FieldDef.uint8("s7comm.param.userdata.subfunc", "Subfunction");
    static final FieldDef SEQ_NUM = FieldDef.uint8("s7comm.param.userdata.seq_num", "Sequence number");
    static final FieldDef DATA_UNIT_REF = FieldDef.uint8("s7comm.param.userdata.dataunitref",
            "Data unit reference number");
    static final FieldDef LAST_DATA_UNIT = FieldDef.uint8("s7comm.param.userdata.lastdataunit", "Last data unit").hex()
            .vals(LAST_UNIT);
    static final FieldDef SZL_ID = FieldDef.uint16("s7comm.data.userdata.szl_id", "SZL-ID").hex();
    static final FieldDef SZL_DIAG_TYPE = FieldDef.uint16("s7comm.data.userdata.szl_id.diag_type", "Diagnostic type")
            .hex().mask(0xf000).vals(DIAG_TYPES);
    static final FieldDef SZL_PARTLIST_EX = FieldDef.uint16("s7comm.data.userdata.szl_id.partlist_ex",
            "Number of the partial list extract").hex().mask(0xffff).vals(S7commSzlNames.PARTLIST_EX);
    static final FieldDef SZL_PARTLIST_NUM = FieldDef.uint16("s7comm.data.userdata.szl_id.partlist_num",
            "Number of the partial list").hex().mask(0xff).vals(S7commSzlNames.PARTLIST_NUM);
    static final FieldDef SZL_INDEX = FieldDef.uint16("s7comm.data.userdata.szl_index", "SZL-Index").hex();
    static final FieldDef SZL_LIST_LEN = FieldDef.uint16("s7comm.data.userdata.szl_id.partlist_len",
            "SZL partial list length in bytes");
    static final FieldDef SZL_LIST_CNT = FieldDef.uint16("s7comm.data.userdata.szl_id.partlist_cnt",
            "SZL partial list count");
    static final FieldDef SZL_DATA_TREE = FieldDef.none("s7comm.data.userdata.szl_data_tree", "SZL data tree");
    static final FieldDef SZL_PART_LIST = FieldDef.bytes("s7comm.param.userdata.szl_part_list",
            "SZL partial list data");

    static final List<FieldDef> FIELDS = List.of(HEAD, LENGTH, METHOD, TYPE, GROUP, SUBFUNC, SEQ_NUM, DATA_UNIT_REF,
            LAST_DATA_UNIT, SZL_ID, SZL_DIAG_TYPE, SZL_PARTLIST_EX, SZL_PARTLIST_NUM, SZL_INDEX, SZL_LIST_LEN,
            SZL_LIST_CNT, SZL_DATA_TREE, SZL_PART_LIST);

    private static final int GROUP_CPU = 4;
    private static final int GROUP_TIME = 7;
    private static final int READ_SZL = 1;
    private static final int DIAG_MESSAGE = 3;
    private static final int READ_CLOCK = 1;
    private static final int SET_CLOCK = 2;
    private static final int TYPE_RESPONSE = 8;
    private static final int TYPE_PUSH = 0;
    private static final int TYPE_NC_PUSH = 3;
    private static final int TYPE_REQUEST = 4;
    private static final int SUCCESS = 0xff;
    private static final int DIAG_BUFFER = 0xa0;

    private S7commUserdata() {}

    /** The parameter at {@code p} ({@code parlg} bytes) and the data after it. */
    static void dissect(Tvb tvb, int p, int parlg, int datlg, ProtoItem s7, Columns cols) {
        int plen = tvb.u8(p + 3);
        int tg = tvb.u8(p + 5);
        int type = tg >> 4;
        int group = tg & 0x0f;
        int subfunc = tvb.u8(p + 6);
        int method = tvb.u8(p + 4);
        String typeName = TYPES.name(type);
        if (typeName == null) {
            typeName = String.format("Unknown type: 0x%02x", type);
        }
        String infoType = typeName;
        if (type == TYPE_PUSH || type == TYPE_NC_PUSH) {
            String m = METHODS.name(method);
            infoType = typeName + "-" + (m != null ? m : String.format("Unknown method: 0x%02x", method));
        }
        String groupName = GROUPS.nameOr(group, "Unknown");
        ValueString subs = SUBFUNCS[group];
        String subName = subs == null ? "Unknown" : subs.nameOr(subfunc, "Unknown");
        cols.appendInfo(" Function:[" + infoType + "] -> [" + groupName + "] -> [" + subName + "]");
        ProtoItem param = Items.add(s7, S7commDissector.PARAM, tvb, p, parlg)
                .setText("Parameter: (" + typeName + ") ->(" + groupName + ") ->(" + subName + ")");
        param.add(HEAD, tvb, p, 3);
        param.add(LENGTH, tvb, p + 3, 1);
        param.add(METHOD, tvb, p + 4, 1);
        param.add(TYPE, tvb, p + 5, 1);
        param.add(GROUP, tvb, p + 5, 1);
        param.addUint(SUBFUNC, tvb, p + 6, 1, subfunc).setText("Subfunction: " + subName + " (" + subfunc + ")");
        param.add(SEQ_NUM, tvb, p + 7, 1);
        if (plen == 8) {
            param.add(DATA_UNIT_REF, tvb, p + 8, 1);
            param.add(LAST_DATA_UNIT, tvb, p + 9, 1);
            param.add(S7commDissector.PARAM_ERRCOD, tvb, p + 10, 2);
            int err = tvb.u16(p + 10);
            if (err != 0) {
                cols.appendInfo(String.format(" -> Errorcode:[0x%04x]", err));
            }
        }
        if (datlg == 0) {
            return;
        }
        data(tvb, p + parlg, datlg, type, group, subfunc, s7, cols);
    }

    private static void data(Tvb tvb, int d, int datlg, int type, int group, int subfunc, ProtoItem s7, Columns cols) {
        int rc = tvb.u8(d);
        int size = tvb.u8(d + 1);
        int len = tvb.u16(d + 2);
        ProtoItem data = Items.add(s7, S7commItems.DATA, tvb, d, datlg);
        data.add(S7commItems.RETURN_CODE, tvb, d, 1);
        data.add(S7commItems.DATA_SIZE, tvb, d + 1, 1);
        data.addUint(S7commItems.DATA_LENGTH, tvb, d + 2, 2, len);
        if (rc != SUCCESS || len == 0) {
            return;
        }
        int v = d + 4;
        if (group == GROUP_CPU && subfunc == READ_SZL) {
            int id = tvb.u16(v);
            int index = tvb.u16(v + 2);
            String hdr = String.format("SZL-ID: 0x%04x, Index: 0x%04x", id, index);
            data.setText("Data (" + hdr + ")");
            cols.appendInfo(String.format(" ID=0x%04x Index=0x%04x", id, index));
            szlId(tvb, v, data);
            data.add(SZL_INDEX, tvb, v + 2, 2);
            if (type == TYPE_RESPONSE) {
                szlLists(tvb, v + 4, id, data);
            }
        } else if (group == GROUP_CPU && subfunc == DIAG_MESSAGE) {
            int event = tvb.u16(v);
            String text = S7commDiag.EVENTS.name(event);
            cols.appendInfo(text != null ? " Event='" + text + "'" : String.format(" EventID=0x%04x", event));
            S7commDiag.entry(tvb, v, data);
        } else if (group == GROUP_TIME && (type == TYPE_RESPONSE && subfunc == READ_CLOCK
                || type == TYPE_REQUEST && subfunc == SET_CLOCK)) {
            String ts = S7commDiag.timestamp(tvb, v, true, data);
            data.setText("Data: (Timestamp: " + ts + ")");
        }
    }

    private static void szlId(Tvb tvb, int v, ProtoItem data) {
        int id = tvb.u16(v);
        String text = String.format("SZL-ID: 0x%04x, Diagnostic type: %s, Number of the partial list extract: %s, "
                + "Number of the partial list: %s", id, DIAG_TYPES.nameOr(id & 0xf000, "Unknown"),
                S7commSzlNames.PARTLIST_EX.nameOr(id, "Unknown"),
                S7commSzlNames.PARTLIST_NUM.nameOr(id & 0xff, "Unknown"));
        ProtoItem item = data.add(SZL_ID, tvb, v, 2).setText(text);
        item.add(SZL_DIAG_TYPE, tvb, v, 2);
        item.add(SZL_PARTLIST_EX, tvb, v, 2);
        item.add(SZL_PARTLIST_NUM, tvb, v, 2);
    }

    /** The partial lists of a Read SZL response: the diagnostic buffer decoded, other lists as bytes. */
    private static void szlLists(Tvb tvb, int off, int id, ProtoItem data) {
        int listLen = tvb.u16(off);
        int count = tvb.u16(off + 2);
        data.add(SZL_LIST_LEN, tvb, off, 2);
        data.add(SZL_LIST_CNT, tvb, off + 2, 2);
        off += 4;
        for (int i = 1; i <= count; i++) {
            ProtoItem tree = Items.add(data, SZL_DATA_TREE, tvb, off, listLen)
                    .setText("SZL data tree (list count no. " + i + ")");
            if ((id & 0xff) == DIAG_BUFFER && listLen == S7commDiag.ENTRY_SIZE) {
                S7commDiag.entry(tvb, off, tree);
            } else {
                tree.add(SZL_PART_LIST, tvb, off, listLen);
            }
            off += listLen;
        }
    }

}
