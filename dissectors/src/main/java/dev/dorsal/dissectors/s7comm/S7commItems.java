package dev.dorsal.dissectors.s7comm;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the items of Read Var and Write Var: the S7ANY address items of a job's parameter, and the
 * data items (return code, transport size, length, value) of a write job or an ack-data. Lengths in
 * bits (transport sizes BYTE/WORD/DWORD, INTEGER, DINTEGER) are shown in bytes, as tshark does; an
 * odd-sized value is followed by a fill byte unless it is the last item.
 */
final class S7commItems {
    static final ValueString SYNTAX_IDS = ValueString.of(0x10, "S7ANY", 0x13, "PBC-R_ID", 0x15, "ALARM_LOCKFREE",
            0x16, "ALARM_IND", 0x19, "ALARM_ACK", 0x1a, "ALARM_QUERYREQ", 0x1c, "NOTIFY_IND", 0x82, "NCK",
            0x83, "NCK_M", 0x84, "NCK_I", 0xa2, "DRIVEESANY", 0xb2, "1200SYM", 0xb0, "DBREAD");
    static final ValueString TRANSPORT_SIZES = ValueString.of(1, "BIT", 2, "BYTE", 3, "CHAR", 4, "WORD", 5, "INT",
            6, "DWORD", 7, "DINT", 8, "REAL", 10, "TOD", 11, "TIME", 12, "S5TIME", 15, "DATE_AND_TIME", 28, "COUNTER",
            29, "TIMER", 30, "IEC TIMER", 31, "IEC COUNTER", 32, "HS COUNTER");
    static final ValueString AREAS = ValueString.of(0x01, "Data record", 0x03, "System info of 200 family",
            0x05, "System flags of 200 family", 0x06, "Analog inputs of 200 family",
            0x07, "Analog outputs of 200 family", 0x80, "Direct peripheral access (P)", 0x81, "Inputs (I)",
            0x82, "Outputs (Q)", 0x83, "Flags (M)", 0x84, "Data blocks (DB)", 0x85, "Instance data blocks (DI)",
            0x86, "Local data (L)", 0x87, "Unknown yet (V)", 0x1c, "S7 counters (C)", 0x1d, "S7 timers (T)",
            0x1e, "IEC counters (200 family)", 0x1f, "IEC timers (200 family)");
    static final ValueString RETURN_CODES = ValueString.of(0x00, "Reserved", 0x01, "Hardware error",
            0x03, "Accessing the object not allowed", 0x05, "Invalid address", 0x06, "Data type not supported",
            0x07, "Data type inconsistent", 0x0a, "Object does not exist", 0xff, "Success");
    static final ValueString DATA_SIZES = ValueString.of(0x00, "NULL", 0x03, "BIT", 0x04, "BYTE/WORD/DWORD",
            0x05, "INTEGER", 0x06, "DINTEGER", 0x07, "REAL", 0x09, "OCTET STRING", 0x11, "NCK ADDRESS1",
            0x12, "NCK ADDRESS2");

    static final FieldDef ITEM = FieldDef.none("s7comm.param.item", "Item");
    static final FieldDef VARSPEC = FieldDef.uint8("s7comm.param.item.varspec", "Variable specification").hex();
    static final FieldDef VARSPEC_LENGTH = FieldDef.uint8("s7comm.param.item.varspec_length",
            "Length of following address specification");
    static final FieldDef SYNTAX_ID = FieldDef.uint8("s7comm.param.item.syntaxid", "Syntax Id").hex()
            .vals(SYNTAX_IDS);
    static final FieldDef TRANSP_SIZE = FieldDef.uint8("s7comm.param.item.transp_size", "Transport size")
            .vals(TRANSPORT_SIZES);
    static final FieldDef LENGTH = FieldDef.uint16("s7comm.param.item.length", "Length");
    static final FieldDef DB = FieldDef.uint16("s7comm.param.item.db", "DB number");
    static final FieldDef AREA = FieldDef.uint8("s7comm.param.item.area", "Area").hex().vals(AREAS);
    static final FieldDef ADDRESS = FieldDef.uint24("s7comm.param.item.address", "Address").hex();
    static final FieldDef ADDRESS_BYTE = FieldDef.uint24("s7comm.param.item.address.byte", "Byte Address")
            .mask(0x7fff8);
    static final FieldDef ADDRESS_BIT = FieldDef.uint24("s7comm.param.item.address.bit", "Bit Address").mask(0x7);
    static final FieldDef DATA = FieldDef.none("s7comm.data", "Data");
    static final FieldDef DATA_ITEM = FieldDef.none("s7comm.data.item", "Item");
    static final FieldDef RETURN_CODE = FieldDef.uint8("s7comm.data.returncode", "Return code").hex()
            .vals(RETURN_CODES);
    static final FieldDef DATA_SIZE = FieldDef.uint8("s7comm.data.transportsize", "Transport size").hex()
            .vals(DATA_SIZES);
    static final FieldDef DATA_LENGTH = FieldDef.uint16("s7comm.data.length", "Length");
    static final FieldDef RESP_DATA = FieldDef.bytes("s7comm.resp.data", "Data");
    static final FieldDef FILL_BYTE = FieldDef.uint8("s7comm.data.fillbyte", "Fill byte").hex();

    static final List<FieldDef> FIELDS = List.of(ITEM, VARSPEC, VARSPEC_LENGTH, SYNTAX_ID, TRANSP_SIZE, LENGTH, DB,
            AREA, ADDRESS, ADDRESS_BYTE, ADDRESS_BIT, DATA, DATA_ITEM, RETURN_CODE, DATA_SIZE, DATA_LENGTH, RESP_DATA,
            FILL_BYTE);

    private static final int S7ANY = 0x10;
    private static final int AREA_DB = 0x84;
    private static final int SIZE_BITS = 0x04;
    private static final int SIZE_INTEGER = 0x05;
    private static final int SIZE_DINTEGER = 0x06;

    private S7commItems() {}

    /** The address items of a Read Var or Write Var job; only S7ANY items are decoded. */
    static void requestItems(Tvb tvb, int off, int count, ProtoItem param) {
        for (int i = 1; i <= count; i++) {
            int len = tvb.u8(off + 1) + 2;
            ProtoItem item = param.add(ITEM, tvb, off, len).setText("Item [" + i + "]: ");
            item.add(VARSPEC, tvb, off, 1);
            item.add(VARSPEC_LENGTH, tvb, off + 1, 1);
            item.add(SYNTAX_ID, tvb, off + 2, 1);
            if (tvb.u8(off + 2) == S7ANY) {
                int size = tvb.u8(off + 3);
                int length = tvb.u16(off + 4);
                int db = tvb.u16(off + 6);
                int area = tvb.u8(off + 8);
                long address = tvb.u24(off + 9);
                item.add(TRANSP_SIZE, tvb, off + 3, 1);
                item.add(LENGTH, tvb, off + 4, 2);
                item.add(DB, tvb, off + 6, 2);
                item.add(AREA, tvb, off + 8, 1);
                ProtoItem a = item.add(ADDRESS, tvb, off + 9, 3);
                a.add(ADDRESS_BYTE, tvb, off + 9, 3);
                a.add(ADDRESS_BIT, tvb, off + 9, 3);
                item.appendText("(" + address(area, db, address) + " " + TRANSPORT_SIZES.nameOr(size, "Unknown") + " "
                        + length + ")");
            }
            off += len;
        }
    }

    /** tshark's short form of an S7ANY address: "DB 1.DBX 0.0" for data blocks, "M 2.0" for flags. */
    static String address(int area, int db, long address) {
        long bytePart = (address >> 3) & 0xffff;
        long bit = address & 0x7;
        String letter = switch (area) {
            case 0x80 -> "P";
            case 0x81 -> "I";
            case 0x82 -> "Q";
            case 0x85 -> "DI";
            case 0x86 -> "L";
            case 0x87 -> "V";
            default -> "M";
        };
        if (area == AREA_DB) {
            return "DB " + db + ".DBX " + bytePart + "." + bit;
        }
        return letter + " " + bytePart + "." + bit;
    }

    /** The data items of a write job or of an ack-data; a Write Var ack-data has return codes only. */
    static void dataItems(Tvb tvb, int off, int datlg, int count, ProtoItem s7, boolean withValues) {
        ProtoItem data = Items.add(s7, DATA, tvb, off, datlg);
        for (int i = 1; i <= count; i++) {
            int rc = tvb.u8(off);
            if (!withValues) {
                ProtoItem item = data.add(DATA_ITEM, tvb, off, 1).setText("Item [" + i + "]: ("
                        + RETURN_CODES.nameOr(rc, "Unknown") + ")");
                item.add(RETURN_CODE, tvb, off, 1);
                off += 1;
                continue;
            }
            int size = tvb.u8(off + 1);
            int len = tvb.u16(off + 2);
            if (size == SIZE_BITS || size == SIZE_INTEGER || size == SIZE_DINTEGER) {
                len /= 8;
            }
            boolean fill = len % 2 == 1 && i < count;
            ProtoItem item = data.add(DATA_ITEM, tvb, off, 4 + len + (fill ? 1 : 0)).setText("Item [" + i + "]: ("
                    + RETURN_CODES.nameOr(rc, "Unknown") + ")");
            item.add(RETURN_CODE, tvb, off, 1);
            item.add(DATA_SIZE, tvb, off + 1, 1);
            item.addUint(DATA_LENGTH, tvb, off + 2, 2, len);
            if (len > 0) {
                item.add(RESP_DATA, tvb, off + 4, len);
            }
            off += 4 + len;
            if (fill) {
                item.add(FILL_BYTE, tvb, off, 1);
                off += 1;
            }
        }
    }
}
