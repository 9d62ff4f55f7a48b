package dev.dorsal.dissectors.cotp;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the variable part of a TPDU header (ISO 8073 13.2.3): code, length and value of each
 * parameter, each value decoded with tshark's labels (TPDU sizes as powers of two, TSAPs as text when
 * printable, error rates as powers, throughput and delay pairs, the ISO checksum verified).
 */
final class CotpParameters {
    static final ValueString CODES = ValueString.of(0x09, "ATN extended checksum - 16 bit",
            0x08, "ATN extended checksum - 32 bit", 0x85, "ack time", 0x86, "res error", 0x87, "priority",
            0x88, "transit delay", 0x89, "throughput", 0x8a, "seq number", 0x8b, "reassignment", 0x8c, "flow control",
            0xc0, "tpdu-size", 0xc1, "src-tsap", 0xc2, "dst-tsap", 0xc3, "checksum", 0xc4, "version",
            0xc5, "protection", 0xc6, "options", 0xc7, "proto class", 0xe0, "additional connection clearing info",
            0xf0, "preferred max TPDU size", 0xf2, "inactivity timer");
    static final ValueString STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified", 3, "Not present",
            4, "Illegal");

    static final FieldDef CODE = FieldDef.uint8("cotp.parameter_code", "Parameter code").hex().vals(CODES);
    static final FieldDef LENGTH = FieldDef.uint8("cotp.parameter_length", "Parameter length");
    static final FieldDef VALUE = FieldDef.bytes("cotp.parameter_value", "Parameter value");
    static final FieldDef SRC_TSAP = FieldDef.string("cotp.src-tsap", "Source TSAP").blurb("Calling TSAP");
    static final FieldDef SRC_TSAP_BYTES = FieldDef.bytes("cotp.src-tsap-bytes", "Source TSAP")
            .blurb("Calling TSAP (bytes representation)");
    static final FieldDef DST_TSAP = FieldDef.string("cotp.dst-tsap", "Destination TSAP").blurb("Called TSAP");
    static final FieldDef DST_TSAP_BYTES = FieldDef.bytes("cotp.dst-tsap-bytes", "Destination TSAP")
            .blurb("Called TSAP (bytes representation)");
    static final FieldDef ACK_TIME = FieldDef.uint16("cotp.ack_time", "Ack time (ms)");
    static final FieldDef RES_TARGET = FieldDef.uint8("cotp.res_error_rate.target_value",
            "Residual error rate, target value");
    static final FieldDef RES_MIN = FieldDef.uint8("cotp.res_error_rate.min_accept",
            "Residual error rate, minimum acceptable");
    static final FieldDef RES_TSDU = FieldDef.uint8("cotp.res_error_rate.tdsu",
            "Residual error rate, TSDU size of interest");
    static final FieldDef PRIORITY = FieldDef.uint16("cotp.vp_priority", "Priority");
    static final FieldDef[] TRANSIT = {
        FieldDef.uint16("cotp.transit_delay.targ_calling_called", "Transit delay, target value, calling-called (ms)"),
        FieldDef.uint16("cotp.transit_delay.max_accept_calling_called",
                "Transit delay, maximum acceptable, calling-called (ms)"),
        FieldDef.uint16("cotp.transit_delay.targ_called_calling", "Transit delay, target value, called-calling (ms)"),
        FieldDef.uint16("cotp.transit_delay.max_accept_called_calling",
                "Transit delay, maximum acceptable, called-calling (ms)")};
    static final FieldDef[] THROUGHPUT = {
        FieldDef.uint24("cotp.max_throughput.targ_calling_called",
                "Maximum throughput, target value, calling-called (o/s)"),
        FieldDef.uint24("cotp.max_throughput.min_accept_calling_called",
                "Maximum throughput, minimum acceptable, calling-called (o/s)"),
        FieldDef.uint24("cotp.max_throughput.targ_called_calling",
                "Maximum throughput, target value, called-calling (o/s)"),
        FieldDef.uint24("cotp.max_throughput.min_accept_called_calling",
                "Maximum throughput, minimum acceptable, called-calling (o/s)"),
        FieldDef.uint24("cotp.avg_throughput.targ_calling_called",
                "Average throughput, target value, calling-called (o/s)"),
        FieldDef.uint24("cotp.avg_throughput.min_accept_calling_called",
                "Average throughput, minimum acceptable, calling-called (o/s)"),
        FieldDef.uint24("cotp.avg_throughput.targ_called_calling",
                "Average throughput, target value, called-calling (o/s)"),
        FieldDef.uint24("cotp.avg_throughput.min_accept_called_calling",
                "Average throughput, minimum acceptable, called-calling (o/s)")};
    static final FieldDef SEQUENCE = FieldDef.uint16("cotp.sequence_number", "Sequence number").hex();
    static final FieldDef REASSIGNMENT = FieldDef.uint16("cotp.reassignment_time", "Reassignment time (secs)");
    static final FieldDef LOWER_EDGE = FieldDef.uint32("cotp.lower_window_edge", "Lower window edge").hex();
    static final FieldDef TPDU_SIZE = FieldDef.uint8("cotp.tpdu_size", "TPDU size");
    static final FieldDef CHECKSUM = FieldDef.uint16("cotp.checksum", "Checksum").hex();
    static final FieldDef CHECKSUM_STATUS = FieldDef.uint8("cotp.checksum.status", "Checksum Status").base(
            dev.dorsal.engine.spi.Base.NONE).vals(STATUS);
    static final FieldDef VERSION = FieldDef.uint8("cotp.vp_version_nr", "Version");
    static final FieldDef EXPEDITED = FieldDef.bool("cotp.transport_expedited_data_transfer",
            "Transport expedited data transfer", 8, 0x01).tfs(new TrueFalse("Used", "Not used"));
    static final FieldDef PREFERRED_SIZE = FieldDef.uint32("cotp.preferred_maximum_tpdu_size",
            "Preferred maximum TPDU size");
    static final FieldDef INACTIVITY = FieldDef.uint32("cotp.inactivity_timer", "Inactivity timer (ms)");

    static final List<FieldDef> FIELDS = List.of(CODE, LENGTH, VALUE, SRC_TSAP, SRC_TSAP_BYTES, DST_TSAP,
            DST_TSAP_BYTES, ACK_TIME, RES_TARGET, RES_MIN, RES_TSDU, PRIORITY, TRANSIT[0], TRANSIT[1], TRANSIT[2],
            TRANSIT[3], THROUGHPUT[0], THROUGHPUT[1], THROUGHPUT[2], THROUGHPUT[3], THROUGHPUT[4], THROUGHPUT[5],
            THROUGHPUT[6], THROUGHPUT[7], SEQUENCE, REASSIGNMENT, LOWER_EDGE, TPDU_SIZE, CHECKSUM, CHECKSUM_STATUS,
            VERSION, EXPEDITED, PREFERRED_SIZE, INACTIVITY);

    static final ExpertDef BAD_CHECKSUM = new ExpertDef("cotp.bad_checksum", "Bad checksum",
            ExpertDef.Group.CHECKSUM, ExpertDef.Severity.ERROR);

    private static final int TSAP_SRC = 0xc1;
    private static final int TSAP_DST = 0xc2;

    private CotpParameters() {}

    /**
     * Shows the parameters from {@code off} up to {@code end} (the header's end). {@code tpdu} spans
     * the whole TPDU, for the checksum.
     */
    static void dissect(Tvb tvb, int off, int end, ProtoItem cotp, Tvb tpdu) {
        while (off < end) {
            int code = tvb.u8(off);
            int len = tvb.u8(off + 1);
            cotp.add(CODE, tvb, off, 1);
            cotp.add(LENGTH, tvb, off + 1, 1);
            int v = off + 2;
            value(tvb, v, code, len, cotp, tpdu);
            off = v + len;
        }
    }

    private static void value(Tvb tvb, int v, int code, int len, ProtoItem cotp, Tvb tpdu) {
        switch (code) {
            case 0xc0 -> cotp.addUint(TPDU_SIZE, tvb, v, len, 1L << tvb.u8(v));
            case TSAP_SRC, TSAP_DST -> tsap(tvb, v, len, cotp, code == TSAP_SRC);
            case 0xc3 -> checksum(tvb, v, cotp, tpdu);
            case 0xc4 -> cotp.add(VERSION, tvb, v, len);
            case 0xc6 -> cotp.add(EXPEDITED, tvb, v, 1);
            case 0x85 -> cotp.add(ACK_TIME, tvb, v, 2);
            case 0x86 -> {
                cotp.addUint(RES_TARGET, tvb, v, 1, tvb.u8(v)).setText(RES_TARGET.name() + ": 10^" + tvb.u8(v));
                cotp.addUint(RES_MIN, tvb, v + 1, 1, tvb.u8(v + 1)).setText(RES_MIN.name() + ": 10^" + tvb.u8(v + 1));
                cotp.addUint(RES_TSDU, tvb, v + 2, 1, tvb.u8(v + 2)).setText(RES_TSDU.name() + ": 2^" + tvb.u8(v + 2));
            }
            case 0x87 -> cotp.add(PRIORITY, tvb, v, 2);
            case 0x88 -> {
                for (int i = 0; i < 4; i++) {
                    cotp.add(TRANSIT[i], tvb, v + 2 * i, 2);
                }
            }
            case 0x89 -> {
                int n = len >= 24 ? 8 : 4;
                for (int i = 0; i < n; i++) {
                    cotp.add(THROUGHPUT[i], tvb, v + 3 * i, 3);
                }
            }
            case 0x8a -> cotp.add(SEQUENCE, tvb, v, 2);
            case 0x8b -> cotp.add(REASSIGNMENT, tvb, v, 2);
            case 0x8c -> {
                cotp.add(LOWER_EDGE, tvb, v, 4);
                cotp.add(SEQUENCE, tvb, v + 4, 2);
                cotp.add(CotpDissector.CREDIT, tvb, v + 6, 2);
            }
            case 0xf0 -> cotp.addUint(PREFERRED_SIZE, tvb, v, len, tvb.uint(v, len) * 128);
            case 0xf2 -> cotp.add(INACTIVITY, tvb, v, len);
            default -> cotp.addBytes(VALUE, tvb, v, len, tvb.bytes(v, len)).setText(VALUE.name() + ": <not shown>");
        }
    }

    /** A TSAP: shown as text when every byte is printable, else as hex digits (tshark's value "0x..."). */
    private static void tsap(Tvb tvb, int v, int len, ProtoItem cotp, boolean src) {
        byte[] b = tvb.bytes(v, len);
        FieldDef f = src ? SRC_TSAP : DST_TSAP;
        String value = tsapValue(b);
        String shown = value.startsWith("0x") && !isPrintable(b) ? value.substring(2) : value;
        cotp.addString(f, tvb, v, len, value).setText(f.name() + ": " + shown);
        cotp.addBytes(src ? SRC_TSAP_BYTES : DST_TSAP_BYTES, tvb, v, len, b).setHidden();
    }

    /** The string value tshark gives a TSAP: its text when all printable, else "0x" and its hex digits. */
    static String tsapValue(byte[] b) {
        if (isPrintable(b)) {
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return "0x" + java.util.HexFormat.of().formatHex(b);
    }

    private static boolean isPrintable(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The ISO 8073 checksum (annex B): both running sums over the whole TPDU are zero when it is right. */
    static boolean checksumValid(Tvb tpdu) {
        int c0 = 0;
        int c1 = 0;
        for (int i = 0; i < tpdu.length(); i++) {
            c0 = (c0 + tpdu.u8(i)) % 255;
            c1 = (c1 + c0) % 255;
        }
        return c0 == 0 && c1 == 0;
    }

    /** Shows the checksum parameter, verified over the TPDU. */
    private static void checksum(Tvb tvb, int v, ProtoItem cotp, Tvb tpdu) {
        boolean good = checksumValid(tpdu);
        int sum = tvb.u16(v);
        ProtoItem item = cotp.add(CHECKSUM, tvb, v, 2);
        if (good) {
            item.appendText(" [correct]");
        } else {
            item.appendText(" [incorrect]");
            item.expert(BAD_CHECKSUM);
        }
        cotp.addUint(CHECKSUM_STATUS, tvb, v, 2, good ? 1 : 0).setGenerated();
    }
}
