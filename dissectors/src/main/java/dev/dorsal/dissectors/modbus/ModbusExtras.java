package dev.dorsal.dissectors.modbus;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the less common Modbus functions as tshark shows them: the diagnostics sub-functions' data,
 * the comm event log with its receive and send events, and file record reads and writes group by
 * group (a read response's group data runs to the end of the PDU, as in tshark).
 */
final class ModbusExtras {
    static final ValueString RESTART_OPTIONS = ValueString.of(0x0, "Leave Log", 0xff, "Clear Log");

    static final FieldDef RESTART_OPTION = FieldDef.uint16("modbus.diagnostic.restart_communication_option",
            "Restart Communication Option").hex().vals(RESTART_OPTIONS);
    static final FieldDef DIAG_REGISTER = FieldDef.uint16("modbus.diagnostic.return_diag_register",
            "Diagnostic Register Contents").hex();
    static final FieldDef DELIMITER = FieldDef.uint8("modbus.diagnostic.ascii_input_delimiter", "CHAR").hex();
    static final FieldDef CLEAR_ECHO = FieldDef.uint16("modbus.diagnostic.clear_ctr_diag_reg",
            "Clear Counters & Diag Register Echo");
    static final FieldDef[] COUNTS = {
        FieldDef.uint16("modbus.diagnostic.bus_message_count", "Total Message Count"),
        FieldDef.uint16("modbus.diagnostic.bus_comm_error_count", "CRC Error Count"),
        FieldDef.uint16("modbus.diagnostic.bus_exception_error_count", "Exception Error Count"),
        FieldDef.uint16("modbus.diagnostic.slave_message_count", "Slave Message Count"),
        FieldDef.uint16("modbus.diagnostic.no_slave_response_count", "Slave No Response Count"),
        FieldDef.uint16("modbus.diagnostic.slave_nak_count", "Slave NAK Count"),
        FieldDef.uint16("modbus.diagnostic.slave_busy_count", "Slave Device Busy Count"),
        FieldDef.uint16("modbus.diagnostic.bus_char_overrun_count", "Slave Character Overrun Count")};
    static final FieldDef EV_MSG_COUNT = FieldDef.uint16("modbus.ev_msg_count", "Message Count");
    static final FieldDef EVENT = FieldDef.uint8("modbus.event", "Event");
    static final FieldDef[] RECV = {
        FieldDef.uint8("modbus.ev_recv_comm_err", "Communication Error").mask(0x02),
        FieldDef.uint8("modbus.ev_recv_char_over", "Character Overrun").mask(0x10),
        FieldDef.uint8("modbus.ev_recv_lo_mode", "Currently in Listen Only Mode").mask(0x20),
        FieldDef.uint8("modbus.ev_recv_broadcast", "Broadcast Received").mask(0x40)};
    static final FieldDef[] SEND = {
        FieldDef.uint8("modbus.ev_send_read_ex", "Read Exception Sent").mask(0x01),
        FieldDef.uint8("modbus.ev_send_slave_abort_ex", "Slave Abort Exception Sent").mask(0x02),
        FieldDef.uint8("modbus.ev_send_slave_busy_ex", "Slave Busy Exception Sent").mask(0x04),
        FieldDef.uint8("modbus.ev_send_slave_nak_ex", "Slave Program NAK Exception Sent").mask(0x08),
        FieldDef.uint8("modbus.ev_send_write_timeout", "Write Timeout Error Occurred").mask(0x10),
        FieldDef.uint8("modbus.ev_send_lo_mode", "Currently in Listen Only Mode").mask(0x20)};
    static final FieldDef REFERENCE_TYPE = FieldDef.uint8("modbus.reference_type", "Reference Type");
    static final FieldDef REFERENCE_32 = FieldDef.uint32("modbus.reference_num_32", "Reference Number (32 bit)");

    static final List<FieldDef> FIELDS = List.of(RESTART_OPTION, DIAG_REGISTER, DELIMITER, CLEAR_ECHO, COUNTS[0],
            COUNTS[1], COUNTS[2], COUNTS[3], COUNTS[4], COUNTS[5], COUNTS[6], COUNTS[7], EV_MSG_COUNT, EVENT, RECV[0],
            RECV[1], RECV[2], RECV[3], SEND[0], SEND[1], SEND[2], SEND[3], SEND[4], SEND[5], REFERENCE_TYPE,
            REFERENCE_32);

    private static final int RESTART = 1;
    private static final int DIAG_REG = 2;
    private static final int ASCII_DELIMITER = 3;
    private static final int CLEAR = 10;
    private static final int FIRST_COUNT = 11;
    private static final int LAST_COUNT = 18;

    private ModbusExtras() {}

    /** The data of a diagnostics sub-function other than Return Query Data, from offset 3. */
    static void diagnosticData(Tvb tvb, int code, boolean request, ProtoItem mb) {
        if (code == RESTART) {
            mb.add(RESTART_OPTION, tvb, 3, 2);
        } else if (code == ASCII_DELIMITER) {
            mb.add(DELIMITER, tvb, 3, 1);
        } else if (!request && code == DIAG_REG) {
            mb.add(DIAG_REGISTER, tvb, 3, 2);
        } else if (!request && code == CLEAR) {
            mb.add(CLEAR_ECHO, tvb, 3, 2);
        } else if (!request && code >= FIRST_COUNT && code <= LAST_COUNT) {
            mb.add(COUNTS[code - FIRST_COUNT], tvb, 3, 2);
        } else if (tvb.length() > 3) {
            mb.add(ModbusPdu.DATA, tvb, 3, tvb.length() - 3);
        }
    }

    /** A Get Comm. Event Log response: counters, then each event byte named and its bits shown. */
    static void eventLog(Tvb tvb, ProtoItem mb) {
        int count = tvb.u8(1);
        mb.add(ModbusPdu.BYTE_CNT, tvb, 1, 1);
        mb.add(ModbusPdu.EV_STATUS, tvb, 2, 2);
        mb.add(ModbusPdu.EV_COUNT, tvb, 4, 2);
        mb.add(EV_MSG_COUNT, tvb, 6, 2);
        int n = count - 6;
        if (n <= 0) {
            return;
        }
        ProtoItem events = mb.addText(tvb, 8, n, "Events");
        for (int off = 8; off < 8 + n; off++) {
            int ev = tvb.u8(off);
            ProtoItem e = events.add(EVENT, tvb, off, 1);
            if ((ev & 0x80) != 0) {
                e.setText(String.format("Receive Event: 0x%02X", ev));
                for (FieldDef f : RECV) {
                    e.add(f, tvb, off, 1);
                }
            } else if ((ev & 0x40) != 0) {
                e.setText(String.format("Send Event: 0x%02X", ev));
                for (FieldDef f : SEND) {
                    e.add(f, tvb, off, 1);
                }
            } else if (ev == 0x04) {
                e.setText("Entered Listen Only Mode");
            } else if (ev == 0x00) {
                e.setText("Initiated Communication Restart");
            } else {
                e.setText("Unknown Event");
            }
        }
    }

    /** Read File Record (20) and Write File Record (21), requests and responses. */
    static void fileRecords(Tvb tvb, int func, boolean request, ProtoItem mb) {
        int count = tvb.u8(1);
        mb.add(ModbusPdu.BYTE_CNT, tvb, 1, 1);
        int end = Math.min(2 + count, tvb.length());
        int off = 2;
        int group = 0;
        while (off < end) {
            if (func == 20 && !request) {
                int len = tvb.u8(off);
                ProtoItem g = mb.addText(tvb, off, len + 1, "Group " + group);
                g.add(ModbusPdu.BYTE_CNT, tvb, off, 1);
                g.add(REFERENCE_TYPE, tvb, off + 1, 1);
                g.add(ModbusPdu.DATA, tvb, off + 2, tvb.length() - off - 2);
                off += len + 1;
            } else {
                int words = tvb.u16(off + 5);
                boolean data = func == 21;
                ProtoItem g = mb.addText(tvb, off, 7 + (data ? words * 2 : 0), "Group " + group);
                g.add(REFERENCE_TYPE, tvb, off, 1);
                g.add(REFERENCE_32, tvb, off + 1, 4);
                g.add(ModbusPdu.WORD_CNT, tvb, off + 5, 2);
                if (data) {
                    g.add(ModbusPdu.DATA, tvb, off + 7, words * 2);
                    off += words * 2;
                }
                off += 7;
            }
            group++;
        }
    }
}
