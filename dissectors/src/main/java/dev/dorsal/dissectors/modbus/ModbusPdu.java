package dev.dorsal.dissectors.modbus;

import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import dev.dorsal.dissectors.tcp.TcpPdus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Modbus application PDU (Modbus Application Protocol v1.1b3) carried by Modbus/TCP: the
 * function code, then the request or response fields of the public functions, exceptions, and the
 * request a response answers (matched on the transaction and unit identifiers within the TCP stream,
 * or the client's address and port for Modbus/UDP). Filter
 * prefix {@code modbus.}.
 */
final class ModbusPdu {
    static final ProtocolDef PROTO = new ProtocolDef("Modbus", "Modbus", "modbus");

    static final ValueString FUNCTIONS = ValueString.of(1, "Read Coils", 2, "Read Discrete Inputs",
            3, "Read Holding Registers", 4, "Read Input Registers", 5, "Write Single Coil", 6, "Write Single Register",
            7, "Read Exception Status", 8, "Diagnostics", 11, "Get Comm. Event Counters", 12, "Get Comm. Event Log",
            15, "Write Multiple Coils", 16, "Write Multiple Registers", 17, "Report Slave ID", 20, "Read File Record",
            21, "Write File Record", 22, "Mask Write Register", 23, "Read Write Register", 24, "Read FIFO Queue",
            43, "Encapsulated Interface Transport", 90, "Unity (Schneider)");
    static final ValueString EXCEPTIONS = ValueString.of(1, "Illegal function", 2, "Illegal data address",
            3, "Illegal data value", 4, "Slave device failure", 5, "Acknowledge", 6, "Slave device busy",
            8, "Memory parity error", 10, "Gateway path unavailable", 11, "Gateway target device failed to respond");
    static final ValueString DIAGNOSTICS = ValueString.of(0, "Return Query Data", 1, "Restart Communications Option",
            2, "Return Diagnostic Register", 3, "Change ASCII Input Delimiter", 4, "Force Listen Only Mode",
            10, "Clear Counters and Diagnostic Register", 11, "Return Bus Message Count",
            12, "Return Bus Communication Error Count", 13, "Return Bus Exception Error Count",
            14, "Return Slave Message Count", 15, "Return Slave No Response Count", 16, "Return Slave NAK Count",
            17, "Return Slave Busy Count", 18, "Return Bus Character Overrun Count",
            20, "Clear Overrun Counter and Flag");
    static final ValueString MEI = ValueString.of(13, "CANopen Request/Response ", 14, "Read Device Identification");
    static final ValueString DEVICE_ID = ValueString.of(1, "Basic Device Identification",
            2, "Regular Device Identification", 3, "Extended Device Identification",
            4, "Specific Identification Object");
    static final ValueString OBJECT_ID = ValueString.of(0, "VendorName", 1, "ProductCode", 2, "MajorMinorRevision",
            3, "VendorURL", 4, "ProductName", 5, "ModelName", 6, "UserApplicationName");
    static final ValueString CONFORMITY = ValueString.of(0x01, "Basic Device Identification (stream)",
            0x02, "Regular Device Identification (stream)", 0x03, "Extended Device Identification (stream)",
            0x81, "Basic Device Identification (stream and individual)",
            0x82, "Regular Device Identification (stream and individual)",
            0x83, "Extended Device Identification (stream and individual)");

    static final FieldDef REQUEST_FRAME = FieldDef.framenum("modbus.request_frame", "Request Frame");
    static final FieldDef RESPONSE_TIME = FieldDef.relativeTime("modbus.response_time", "Time from request");
    static final FieldDef FUNC_CODE = FieldDef.uint8("modbus.func_code", "Function Code").mask(0x7f).vals(FUNCTIONS);
    static final FieldDef REFERENCE = FieldDef.uint16("modbus.reference_num", "Reference Number");
    static final FieldDef PADDING = FieldDef.uint8("modbus.padding", "Padding").hex();
    static final FieldDef READ_REF = FieldDef.uint16("modbus.read_reference_num", "Read Reference Number");
    static final FieldDef WRITE_REF = FieldDef.uint16("modbus.write_reference_num", "Write Reference Number");
    static final FieldDef WORD_CNT = FieldDef.uint16("modbus.word_cnt", "Word Count");
    static final FieldDef READ_WORD_CNT = FieldDef.uint16("modbus.read_word_cnt", "Read Word Count");
    static final FieldDef WRITE_WORD_CNT = FieldDef.uint16("modbus.write_word_cnt", "Write Word Count");
    static final FieldDef BIT_CNT = FieldDef.uint16("modbus.bit_cnt", "Bit Count");
    static final FieldDef BYTE_CNT = FieldDef.uint8("modbus.byte_cnt", "Byte Count");
    static final FieldDef BYTE_CNT_16 = FieldDef.uint8("modbus.byte_cnt_16", "Byte Count (16-bit)");
    static final FieldDef EXCEPTION = FieldDef.uint8("modbus.exception_code", "Exception Code").vals(EXCEPTIONS);
    static final FieldDef DIAG_CODE = FieldDef.uint16("modbus.diagnostic_code", "Diagnostic Code").vals(DIAGNOSTICS);
    static final FieldDef QUERY_REQUEST = FieldDef.bytes("modbus.diagnostic.return_query_data.request",
            "Request Data");
    static final FieldDef QUERY_ECHO = FieldDef.bytes("modbus.diagnostic.return_query_data.echo", "Echo Data");
    static final FieldDef EV_STATUS = FieldDef.uint16("modbus.ev_status", "Status").hex();
    static final FieldDef EV_COUNT = FieldDef.uint16("modbus.ev_count", "Event Count");
    static final FieldDef AND_MASK = FieldDef.uint16("modbus.and_mask", "AND mask").hex();
    static final FieldDef OR_MASK = FieldDef.uint16("modbus.or_mask", "OR mask").hex();
    static final FieldDef DATA = FieldDef.bytes("modbus.data", "Data");
    static final FieldDef MEI_TYPE = FieldDef.uint8("modbus.mei", "MEI type").vals(MEI);
    static final FieldDef READ_DEVICE_ID = FieldDef.uint8("modbus.read_device_id", "Read Device ID").vals(DEVICE_ID);
    static final FieldDef OBJECT = FieldDef.uint8("modbus.object_id", "Object ID").vals(OBJECT_ID);
    static final FieldDef NUM_OBJECTS = FieldDef.uint8("modbus.num_objects", "Number of Objects");
    static final FieldDef OBJECT_LEN = FieldDef.uint8("modbus.objects_len", "Object length");
    static final FieldDef CONFORMITY_LEVEL = FieldDef.uint8("modbus.conformity_level", "Conformity Level").hex()
            .vals(CONFORMITY);
    static final FieldDef MORE_FOLLOWS = FieldDef.uint8("modbus.more_follows", "More Follows").hex();
    static final FieldDef NEXT_OBJECT = FieldDef.uint8("modbus.next_object_id", "Next Object ID");
    static final FieldDef OBJECT_STRING = FieldDef.string("modbus.object_str_value", "Object String Value");

    static final List<FieldDef> FIELDS = List.of(REQUEST_FRAME, RESPONSE_TIME, FUNC_CODE, REFERENCE, PADDING,
            READ_REF, WRITE_REF, WORD_CNT, READ_WORD_CNT, WRITE_WORD_CNT, BIT_CNT, BYTE_CNT, BYTE_CNT_16, EXCEPTION,
            DIAG_CODE, QUERY_REQUEST, QUERY_ECHO, EV_STATUS, EV_COUNT, AND_MASK, OR_MASK, DATA, MEI_TYPE,
            READ_DEVICE_ID, OBJECT, NUM_OBJECTS, OBJECT_LEN, CONFORMITY_LEVEL, MORE_FOLLOWS, NEXT_OBJECT,
            OBJECT_STRING);

    /** Requests not yet answered per capture, oldest dropped first past this many. */
    static final int MAX_PENDING = 4096;

    private record Request(long frame, long nanos, int function, int reference, int count) {}

    private static final class Pending extends LinkedHashMap<String, Request> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Request> eldest) {
            return size() > MAX_PENDING;
        }
    }

    private static final Key<Pending> PENDING = Key.of("modbus.pending");

    private ModbusPdu() {}

    /** What the MBAP header says about the PDU it carries. */
    record Header(boolean query, int trans, int unit) {}

    /** Set by Modbus/TCP and Modbus/UDP before they call this dissector. */
    static final Key<Header> HEADER = Key.of("modbus.header");

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Header h = pinfo.get(HEADER);
        boolean query = h.query();
        int trans = h.trans();
        int unit = h.unit();
        int raw = tvb.u8(0);
        int func = raw & 0x7f;
        boolean exception = !query && (raw & 0x80) != 0;
        String name = FUNCTIONS.name(func);
        String sub = "";
        if (func == 8 || func == 43) {
            int code = func == 8 ? tvb.u16(1) : tvb.u8(1);
            sub = String.format("/%3d", 1);
            String subName = func == 8 ? DIAGNOSTICS.name(code) : MEI.name(code);
            if (subName != null) {
                name = subName;
            }
        }
        if (name == null) {
            name = "Unknown function (" + func + ")";
        }
        pinfo.columns().setInfo(info(query, trans, unit, func, sub, name, exception));
        Pending pending = pinfo.state(PENDING, Pending::new);
        String key = conversation(pinfo, query) + "/" + trans + "/" + unit;
        if (exception) {
            int code = tvb.u8(1);
            ProtoItem mb = tree.addProtocol(PROTO, tvb, 0, tvb.length(), "Function " + func + ":  "
                    + FUNCTIONS.nameOr(func, "Unknown function") + ".  Exception: " + EXCEPTIONS.nameOr(code,
                            "Unknown Exception Code"));
            mb.add(FUNC_CODE, tvb, 0, 1);
            mb.add(EXCEPTION, tvb, 1, 1);
            pending.remove(key);
            return tvb.length();
        }
        ProtoItem mb = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        mb.add(FUNC_CODE, tvb, 0, 1);
        if (query) {
            int ref = tvb.length() >= 3 ? tvb.u16(1) : 0;
            int count = tvb.length() >= 5 ? tvb.u16(3) : 0;
            pending.put(key, new Request(pinfo.number(), pinfo.frame().timestampNanos(), func, ref, count));
            request(tvb, func, mb);
        } else {
            Request req = pending.get(key);
            if (req != null && req.function == func) {
                mb.addUint(REQUEST_FRAME, tvb, 0, 0, req.frame).setGenerated();
                mb.addTime(RESPONSE_TIME, tvb, 0, 0, pinfo.frame().timestampNanos() - req.nanos).setGenerated();
            } else {
                req = null;
            }
            response(tvb, func, req, mb);
        }
        return tvb.length();
    }

    /**
     * tshark's Info text: "   Query: Trans:    17; Unit: 255, Func:   4: Read Input Registers", with
     * "/  1" after the function code of diagnostics and encapsulated transport (a constant 1 in tshark
     * 4.0.17, whatever the sub-function), and ". Exception returned " after an exception response.
     */
    static String info(boolean query, int trans, int unit, int func, String sub, String name, boolean exception) {
        String info = String.format("%8s: Trans: %5d; Unit: %3d, Func: %3d%s: %s", query ? "Query" : "Response",
                trans, unit, func, sub, name);
        return exception ? info + ". Exception returned " : info;
    }

    /** The TCP stream, or for Modbus/UDP the client's address and port (the server's side is 502). */
    private static String conversation(PacketInfo pinfo, boolean query) {
        long stream = TcpPdus.stream(pinfo);
        if (stream >= 0) {
            return Long.toString(stream);
        }
        var client = query ? pinfo.src() : pinfo.dst();
        var server = query ? pinfo.dst() : pinfo.src();
        return java.util.HexFormat.of().formatHex(client.bytes()) + ":" + (query ? pinfo.srcPort() : pinfo.dstPort())
                + ">" + java.util.HexFormat.of().formatHex(server.bytes());
    }

    private static void request(Tvb tvb, int func, ProtoItem mb) {
        switch (func) {
            case 1, 2 -> {
                mb.add(REFERENCE, tvb, 1, 2);
                mb.add(BIT_CNT, tvb, 3, 2);
            }
            case 3, 4 -> {
                mb.add(REFERENCE, tvb, 1, 2);
                mb.add(WORD_CNT, tvb, 3, 2);
            }
            case 5, 6 -> single(tvb, func, mb);
            case 8 -> diagnostics(tvb, mb, true);
            case 15 -> {
                mb.add(REFERENCE, tvb, 1, 2);
                mb.add(BIT_CNT, tvb, 3, 2);
                mb.add(BYTE_CNT, tvb, 5, 1);
                mb.add(DATA, tvb, 6, tvb.u8(5));
            }
            case 16 -> {
                mb.add(REFERENCE, tvb, 1, 2);
                mb.add(WORD_CNT, tvb, 3, 2);
                mb.add(BYTE_CNT, tvb, 5, 1);
                ModbusData.registers(tvb, 6, tvb.u8(5), tvb.u16(1), mb);
            }
            case 22 -> mask(tvb, mb);
            case 23 -> {
                mb.add(READ_REF, tvb, 1, 2);
                mb.add(READ_WORD_CNT, tvb, 3, 2);
                mb.add(WRITE_REF, tvb, 5, 2);
                mb.add(WRITE_WORD_CNT, tvb, 7, 2);
                mb.add(BYTE_CNT, tvb, 9, 1);
                mb.add(DATA, tvb, 10, tvb.u8(9));
            }
            case 24 -> mb.add(REFERENCE, tvb, 1, 2);
            case 43 -> {
                mb.add(MEI_TYPE, tvb, 1, 1);
                if (tvb.u8(1) == 14) {
                    mb.add(READ_DEVICE_ID, tvb, 2, 1);
                    mb.add(OBJECT, tvb, 3, 1);
                } else {
                    rest(tvb, 1, mb);
                }
            }
            case 20, 21 -> ModbusExtras.fileRecords(tvb, func, true, mb);
            case 7, 11, 12, 17 -> { }
            default -> rest(tvb, 1, mb);
        }
    }

    private static void response(Tvb tvb, int func, Request req, ProtoItem mb) {
        int ref = req == null ? 0 : req.reference;
        switch (func) {
            case 1, 2 -> {
                mb.add(BYTE_CNT, tvb, 1, 1);
                ModbusData.bits(tvb, 2, tvb.u8(1), ref, req == null ? -1 : req.count, mb);
            }
            case 3, 4 -> {
                mb.add(BYTE_CNT, tvb, 1, 1);
                ModbusData.registers(tvb, 2, tvb.u8(1), ref, mb);
            }
            case 5, 6 -> single(tvb, func, mb);
            case 7 -> mb.add(DATA, tvb, 1, 1);
            case 8 -> diagnostics(tvb, mb, false);
            case 11 -> {
                mb.add(EV_STATUS, tvb, 1, 2);
                mb.add(EV_COUNT, tvb, 3, 2);
            }
            case 15 -> {
                mb.add(REFERENCE, tvb, 1, 2);
                mb.add(BIT_CNT, tvb, 3, 2);
            }
            case 16 -> {
                mb.add(REFERENCE, tvb, 1, 2);
                mb.add(WORD_CNT, tvb, 3, 2);
            }
            case 12 -> ModbusExtras.eventLog(tvb, mb);
            case 17 -> rest(tvb, 1, mb);
            case 20, 21 -> ModbusExtras.fileRecords(tvb, func, false, mb);
            case 22 -> mask(tvb, mb);
            case 23 -> {
                mb.add(BYTE_CNT, tvb, 1, 1);
                mb.add(DATA, tvb, 2, tvb.u8(1));
            }
            case 24 -> {
                mb.add(BYTE_CNT_16, tvb, 1, 2);
                mb.add(WORD_CNT, tvb, 3, 2);
                mb.add(DATA, tvb, 5, tvb.length() - 5);
            }
            case 43 -> deviceId(tvb, mb);
            default -> rest(tvb, 1, mb);
        }
    }

    private static void single(Tvb tvb, int func, ProtoItem mb) {
        mb.add(REFERENCE, tvb, 1, 2);
        if (func == 5) {
            mb.add(DATA, tvb, 3, 2);
            mb.add(PADDING, tvb, 4, 1);
        } else {
            mb.add(DATA, tvb, 3, 2);
        }
    }

    private static void mask(Tvb tvb, ProtoItem mb) {
        mb.add(REFERENCE, tvb, 1, 2);
        mb.add(AND_MASK, tvb, 3, 2);
        mb.add(OR_MASK, tvb, 5, 2);
    }

    private static void diagnostics(Tvb tvb, ProtoItem mb, boolean request) {
        mb.add(DIAG_CODE, tvb, 1, 2);
        int code = tvb.u16(1);
        if (code == 0) {
            mb.add(request ? QUERY_REQUEST : QUERY_ECHO, tvb, 3, tvb.length() - 3);
        } else {
            ModbusExtras.diagnosticData(tvb, code, request, mb);
        }
    }

    private static void deviceId(Tvb tvb, ProtoItem mb) {
        mb.add(MEI_TYPE, tvb, 1, 1);
        if (tvb.u8(1) != 14) {
            rest(tvb, 1, mb);
            return;
        }
        mb.add(READ_DEVICE_ID, tvb, 2, 1);
        mb.add(CONFORMITY_LEVEL, tvb, 3, 1);
        mb.add(MORE_FOLLOWS, tvb, 4, 1);
        mb.add(NEXT_OBJECT, tvb, 5, 1);
        mb.add(NUM_OBJECTS, tvb, 6, 1);
        int n = tvb.u8(6);
        ProtoItem objects = mb.addText(tvb, 7, tvb.length() - 7, "Objects");
        int off = 7;
        for (int i = 1; i <= n; i++) {
            int len = tvb.u8(off + 1);
            ProtoItem o = objects.addText(tvb, off, 2 + len, "Object #" + i);
            o.add(OBJECT, tvb, off, 1);
            o.add(OBJECT_LEN, tvb, off + 1, 1);
            o.addString(OBJECT_STRING, tvb, off + 2, len, tvb.ascii(off + 2, len));
            off += 2 + len;
        }
    }

    private static void rest(Tvb tvb, int off, ProtoItem mb) {
        if (tvb.length() > off) {
            mb.add(DATA, tvb, off, tvb.length() - off);
        }
    }
}
