package dev.dorsal.dissectors.s7comm;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.Map;

/**
 * Reads the block functions of S7comm jobs and ack-data (request download, download block, download
 * ended, start upload, upload, end upload): the function status, the block file name (identifier,
 * block type, number and destination file system when it has tshark's 9-character form), upload IDs,
 * error codes and the transferred data.
 */
final class S7commBlocks {
    static final Map<String, String> BLOCK_TYPES = Map.of("08", "OB", "09", "CMod", "0A", "DB", "0B", "SDB",
            "0C", "FC", "0D", "SFC", "0E", "FB", "0F", "SFB");
    static final Map<String, String> FILESYSTEMS = Map.of("P", "Passive (copied, but not chained) module",
            "A", "Active embedded module", "B", "Active as well as passive module");

    static final FieldDef FUNCTION_STATUS = FieldDef.uint8("s7comm.param.blockcontrol.functionstatus",
            "Function Status").hex();
    static final FieldDef STATUS_MORE = FieldDef.bool("s7comm.param.blockcontrol.functionstatus.more",
            "More data following", 8, 0x01).tfs(dev.dorsal.engine.spi.TrueFalse.TRUE_FALSE);
    static final FieldDef STATUS_ERROR = FieldDef.bool("s7comm.param.blockcontrol.functionstatus.error", "Error", 8,
            0x02).tfs(dev.dorsal.engine.spi.TrueFalse.TRUE_FALSE);
    static final FieldDef UNKNOWN = FieldDef.bytes("s7comm.data.blockcontrol.unknown1",
            "Unknown byte(s) in blockcontrol");
    static final FieldDef ERRORCODE = FieldDef.uint16("s7comm.data.blockcontrol.errorcode", "Errorcode").hex();
    static final FieldDef UPLOAD_ID = FieldDef.uint32("s7comm.data.blockcontrol.uploadid", "UploadID").hex();
    static final FieldDef FILE_IDENTIFIER = FieldDef.string("s7comm.data.blockcontrol.file_identifier",
            "File identifier");
    static final FieldDef BLOCK_TYPE = FieldDef.string("s7comm.data.blockcontrol.block_type", "Block type");
    static final FieldDef BLOCK_NUMBER = FieldDef.string("s7comm.data.blockcontrol.block_number", "Block number");
    static final FieldDef DEST_FILESYS = FieldDef.string("s7comm.data.blockcontrol.dest_filesys",
            "Destination filesystem");
    static final FieldDef PART2_LEN = FieldDef.uint8("s7comm.data.blockcontrol.part2_len", "Length part 2");
    static final FieldDef PART2_UNKNOWN = FieldDef.string("s7comm.data.blockcontrol.part2_unknown",
            "Unknown char before load mem");
    static final FieldDef LOADMEM_LEN = FieldDef.string("s7comm.data.blockcontrol.loadmem_len",
            "Length of load memory");
    static final FieldDef MC7CODE_LEN = FieldDef.string("s7comm.data.blockcontrol.mc7code_len",
            "Length of MC7 code");
    static final FieldDef FILENAME_LEN = FieldDef.uint8("s7comm.param.blockcontrol.filename_len", "Filename Length");
    static final FieldDef FILENAME = FieldDef.string("s7comm.param.blockcontrol.filename", "Filename");
    static final FieldDef UPL_LENSTRING_LEN = FieldDef.uint8("s7comm.param.blockcontrol.upl_lenstring_len",
            "Blocklengthstring Length");
    static final FieldDef UPL_LENSTRING = FieldDef.string("s7comm.param.blockcontrol.upl_lenstring", "Blocklength");

    static final List<FieldDef> FIELDS = List.of(FUNCTION_STATUS, STATUS_MORE, STATUS_ERROR, UNKNOWN, ERRORCODE,
            UPLOAD_ID, FILE_IDENTIFIER, BLOCK_TYPE, BLOCK_NUMBER, DEST_FILESYS, PART2_LEN, PART2_UNKNOWN, LOADMEM_LEN,
            MC7CODE_LEN, FILENAME_LEN, FILENAME, UPL_LENSTRING_LEN, UPL_LENSTRING);

    static final ExpertDef BLOCK_NUMBER_INVALID = new ExpertDef("s7comm.data.blockcontrol.block_number.invalid",
            "Block number must be a string containing an integer", ExpertDef.Group.MALFORMED,
            ExpertDef.Severity.ERROR);

    static final int REQUEST_DOWNLOAD = 0x1a;
    static final int DOWNLOAD_BLOCK = 0x1b;
    static final int DOWNLOAD_ENDED = 0x1c;
    static final int START_UPLOAD = 0x1d;
    static final int UPLOAD = 0x1e;
    static final int END_UPLOAD = 0x1f;
    private static final int FILENAME_FORM = 9;

    private S7commBlocks() {}

    /** The parameter of a block function after its function code at {@code p}, and its data at {@code d}. */
    static void dissect(Tvb tvb, int p, int parlg, int d, int datlg, int func, boolean job, ProtoItem s7,
            ProtoItem param, Columns cols) {
        if (parlg < 2) {
            return;
        }
        int st = tvb.u8(p + 1);
        ProtoItem status = param.add(FUNCTION_STATUS, tvb, p + 1, 1);
        // The set flags follow the value, as tshark's bitmask items show them.
        if ((st & 0x01) != 0) {
            status.appendText(", " + STATUS_MORE.name());
        }
        if ((st & 0x02) != 0) {
            status.appendText(", " + STATUS_ERROR.name());
        }
        status.add(STATUS_MORE, tvb, p + 1, 1);
        status.add(STATUS_ERROR, tvb, p + 1, 1);
        if (job) {
            if (func == DOWNLOAD_ENDED || func == END_UPLOAD) {
                int code = tvb.u16(p + 2);
                param.add(ERRORCODE, tvb, p + 2, 2).setText(String.format("%s: 0x%04x (%s)", ERRORCODE.name(), code,
                        S7commErrors.CODES.nameOr(code, "Unknown")));
                if (code != 0) {
                    cols.appendInfo(String.format(" -> Errorcode:[0x%04x]", code));
                }
            } else {
                param.add(UNKNOWN, tvb, p + 2, 2);
            }
            if (func == START_UPLOAD || func == UPLOAD || func == END_UPLOAD) {
                param.add(UPLOAD_ID, tvb, p + 4, 4);
            } else {
                param.add(UNKNOWN, tvb, p + 4, 4);
            }
            if (func == UPLOAD || func == END_UPLOAD) {
                return;
            }
            int end = filename(tvb, p + 8, param, cols);
            if (func == REQUEST_DOWNLOAD && end < p + parlg) {
                param.add(PART2_LEN, tvb, end, 1);
                param.addString(PART2_UNKNOWN, tvb, end + 1, 1, tvb.ascii(end + 1, 1));
                param.addString(LOADMEM_LEN, tvb, end + 2, 6, tvb.ascii(end + 2, 6));
                param.addString(MC7CODE_LEN, tvb, end + 8, 6, tvb.ascii(end + 8, 6));
            }
        } else if (func == START_UPLOAD) {
            param.add(UNKNOWN, tvb, p + 2, 2);
            param.add(UPLOAD_ID, tvb, p + 4, 4);
            int len = tvb.u8(p + 8);
            param.add(UPL_LENSTRING_LEN, tvb, p + 8, 1);
            param.addString(UPL_LENSTRING, tvb, p + 9, len, tvb.ascii(p + 9, len));
        } else if ((func == DOWNLOAD_BLOCK || func == UPLOAD) && datlg > 0) {
            ProtoItem data = dev.dorsal.dissectors.frame.Items.add(s7, S7commItems.DATA, tvb, d, datlg);
            int len = tvb.u16(d);
            data.add(S7commItems.DATA_LENGTH, tvb, d, 2);
            data.add(UNKNOWN, tvb, d + 2, 2);
            data.add(S7commItems.RESP_DATA, tvb, d + 4, len);
        }
    }

    /**
     * The file name at {@code off} (length byte first); returns where it ends. A name of tshark's form
     * ("_0A00001P": complete module, block type, number, file system) is split and named, and Info gets
     * " -> Block:[DB1]"; any other gets " File:[name]".
     */
    private static int filename(Tvb tvb, int off, ProtoItem param, Columns cols) {
        int len = tvb.u8(off);
        param.add(FILENAME_LEN, tvb, off, 1);
        String name = tvb.ascii(off + 1, len);
        ProtoItem item = param.addString(FILENAME, tvb, off + 1, len, name);
        String type = len == FILENAME_FORM ? BLOCK_TYPES.get(name.substring(1, 3)) : null;
        if (type == null || name.charAt(0) != '_') {
            cols.appendInfo(" File:[" + name + "]");
            return off + 1 + len;
        }
        String number = name.substring(3, 8);
        String shownNumber = number.chars().allMatch(Character::isDigit) ? Integer.toString(Integer.parseInt(number))
                : "NaN";
        cols.appendInfo(" -> Block:[" + type + shownNumber + "]");
        item.appendText(" [" + type + shownNumber + "]");
        int o = off + 1;
        item.addString(FILE_IDENTIFIER, tvb, o, 1, "_").setText("File identifier: _ (Complete Module)");
        item.addString(BLOCK_TYPE, tvb, o + 1, 2, name.substring(1, 3))
                .setText("Block type: " + name.substring(1, 3) + " (" + type + ")");
        item.addString(BLOCK_NUMBER, tvb, o + 3, 5, number);
        if (shownNumber.equals("NaN")) {
            item.expert(BLOCK_NUMBER_INVALID);
        }
        String fs = name.substring(8, 9);
        String fsName = FILESYSTEMS.get(fs);
        item.addString(DEST_FILESYS, tvb, o + 8, 1, fs).setText("Destination filesystem: " + fs + " ("
                + (fsName != null ? fsName : "Unknown filesys: " + fs) + ")");
        return off + 1 + len;
    }
}
