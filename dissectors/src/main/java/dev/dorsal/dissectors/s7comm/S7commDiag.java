package dev.dorsal.dissectors.s7comm;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads S7 CPU diagnostic buffer entries (SZL 0x00a0 lists and diagnostic messages) and the BCD
 * timestamps they and the clock functions carry. Event texts come from {@code diag_events.tsv},
 * read off tshark 4.0.17's output for every event ID.
 *
 * <pre>
 * | event id (2) | priority class (1) | OB number (1) | DatID (2) | info 1 (2) | info 2 (4) | timestamp (8) |
 * </pre>
 */
final class S7commDiag {
    static final int ENTRY_SIZE = 20;

    static final ValueString EVENT_CLASSES = ValueString.of(0x1, "Standard OB events", 0x2, "Synchronous errors",
            0x3, "Asynchronous errors", 0x4, "Mode transitions", 0x5, "Run-time events", 0x6, "Communication events",
            0x7, "Events for fail-safe and fault-tolerant systems", 0x8, "Standardized diagnostic data on modules",
            0x9, "Predefined user events", 0xa, "Freely definable events", 0xb, "Freely definable events",
            0xc, "Reserved", 0xd, "Reserved", 0xe, "Reserved", 0xf, "Events for modules other than CPUs");
    static final ValueString WEEKDAYS = ValueString.of(0, "Undefined", 1, "Sunday", 2, "Monday", 3, "Tuesday",
            4, "Wednesday", 5, "Thursday", 6, "Friday", 7, "Saturday");
    static final ValueString EVENTS = load();

    static final FieldDef DIAG_MSG = FieldDef.none("s7comm.cpu.diag_msg", "CPU diagnostic message");
    static final FieldDef EVENT_ID = FieldDef.uint16("s7comm.cpu.diag_msg.eventid", "Event ID").hex();
    static final FieldDef EVENT_CLASS = FieldDef.uint16("s7comm.cpu.diag_msg.eventid.class", "Event class").hex()
            .mask(0xf000).vals(EVENT_CLASSES);
    static final FieldDef ENTLEAVE = FieldDef.bool("s7comm.cpu.diag_msg.eventid.ident.entleave",
            "Event entering state", 16, 0x100).tfs(new TrueFalse("Event entering", "Event leaving"));
    static final FieldDef DIAGBUF = FieldDef.bool("s7comm.cpu.diag_msg.eventid.ident.diagbuf",
            "Entry in diagnostic buffer", 16, 0x200).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef INTERR = FieldDef.bool("s7comm.cpu.diag_msg.eventid.ident.interr", "Internal error", 16,
            0x400).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef EXTERR = FieldDef.bool("s7comm.cpu.diag_msg.eventid.ident.exterr", "External error", 16,
            0x800).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef EVENT_NR = FieldDef.uint16("s7comm.cpu.diag_msg.eventid.nr", "Event number").hex()
            .mask(0xff);
    static final FieldDef PRIOCLASS = FieldDef.uint8("s7comm.cpu.diag_msg.prioclass", "Priority class");
    static final FieldDef OBNUMBER = FieldDef.uint8("s7comm.cpu.diag_msg.obnumber", "OB number");
    static final FieldDef DATID = FieldDef.uint16("s7comm.cpu.diag_msg.datid", "DatID").hex();
    static final FieldDef INFO1 = FieldDef.uint16("s7comm.cpu.diag_msg.info1", "INFO1 Additional information 1").hex();
    static final FieldDef INFO2 = FieldDef.uint32("s7comm.cpu.diag_msg.info2", "INFO2 Additional information 2").hex();
    static final FieldDef TS = FieldDef.absoluteTime("s7comm.data.ts", "S7 Timestamp").blurb("S7 Timestamp, BCD coded");
    static final FieldDef TS_RESERVED = FieldDef.uint8("s7comm.data.ts_reserved", "S7 Timestamp - Reserved").hex();
    static final FieldDef TS_YEAR1 = FieldDef.uint8("s7comm.data.ts_year1", "S7 Timestamp - Year 1");
    static final FieldDef TS_YEAR2 = FieldDef.uint8("s7comm.data.ts_year2", "S7 Timestamp - Year 2");
    static final FieldDef TS_MONTH = FieldDef.uint8("s7comm.data.ts_month", "S7 Timestamp - Month");
    static final FieldDef TS_DAY = FieldDef.uint8("s7comm.data.ts_day", "S7 Timestamp - Day");
    static final FieldDef TS_HOUR = FieldDef.uint8("s7comm.data.ts_hour", "S7 Timestamp - Hour");
    static final FieldDef TS_MINUTE = FieldDef.uint8("s7comm.data.ts_minute", "S7 Timestamp - Minute");
    static final FieldDef TS_SECOND = FieldDef.uint8("s7comm.data.ts_second", "S7 Timestamp - Second");
    static final FieldDef TS_MS = FieldDef.uint16("s7comm.data.ts_millisecond", "S7 Timestamp - Milliseconds");
    static final FieldDef TS_WEEKDAY = FieldDef.uint16("s7comm.data.ts_weekday", "S7 Timestamp - Weekday").mask(0xf)
            .vals(WEEKDAYS);

    static final List<FieldDef> FIELDS = List.of(DIAG_MSG, EVENT_ID, EVENT_CLASS, ENTLEAVE, DIAGBUF, INTERR, EXTERR,
            EVENT_NR, PRIOCLASS, OBNUMBER, DATID, INFO1, INFO2, TS, TS_RESERVED, TS_YEAR1, TS_YEAR2, TS_MONTH, TS_DAY,
            TS_HOUR, TS_MINUTE, TS_SECOND, TS_MS, TS_WEEKDAY);

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private S7commDiag() {}

    private static ValueString load() {
        ValueString.Builder b = ValueString.builder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                S7commDiag.class.getResourceAsStream("diag_events.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                b.add(Integer.parseInt(line.substring(0, tab), 16), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /** One diagnostic entry at {@code off}, under {@code parent}. */
    static void entry(Tvb tvb, int off, ProtoItem parent) {
        int id = tvb.u16(off);
        String text = EVENTS.name(id);
        ProtoItem msg = Items.add(parent, DIAG_MSG, tvb, off, ENTRY_SIZE).setText("CPU diagnostic message: "
                + (text != null ? "Event='" + text + "'" : String.format("EventID=0x%04x", id)));
        StringBuilder label = new StringBuilder(String.format("Event ID: 0x%04x, Event class: %s", id,
                EVENT_CLASSES.nameOr(id >> 12, "Unknown")));
        if ((id & 0x100) != 0) {
            label.append(", Event entering state");
        }
        if ((id & 0x200) != 0) {
            label.append(", Entry in diagnostic buffer");
        }
        if ((id & 0x400) != 0) {
            label.append(", Internal error");
        }
        if ((id & 0x800) != 0) {
            label.append(", External error");
        }
        ProtoItem ev = msg.add(EVENT_ID, tvb, off, 2).setText(label.toString());
        ev.add(EVENT_CLASS, tvb, off, 2);
        ev.add(ENTLEAVE, tvb, off, 2);
        ev.add(DIAGBUF, tvb, off, 2);
        ev.add(INTERR, tvb, off, 2);
        ev.add(EXTERR, tvb, off, 2);
        ev.add(EVENT_NR, tvb, off, 2);
        msg.add(PRIOCLASS, tvb, off + 2, 1);
        msg.add(OBNUMBER, tvb, off + 3, 1);
        msg.add(DATID, tvb, off + 4, 2);
        msg.add(INFO1, tvb, off + 6, 2);
        msg.add(INFO2, tvb, off + 8, 4);
        timestamp(tvb, off + 12, false, msg);
    }

    /**
     * The date of decoded BCD fields, out-of-range ones carried over as C's mktime does; a two-digit
     * year from 90 is in the 1900s, below in the 2000s.
     */
    static LocalDateTime normalised(int year2, int month, int day, int hour, int minute, int second) {
        int year = year2 >= 90 ? 1900 + year2 : 2000 + year2;
        return LocalDateTime.of(year, 1, 1, 0, 0).plusMonths(month - 1L).plusDays(day - 1L).plusHours(hour)
                .plusMinutes(minute).plusSeconds(second);
    }

    /** tshark's text of an S7 timestamp: "Sep  8, 2021 15:33:37.656". */
    static String text(LocalDateTime t, int ms) {
        return String.format("%s %2d, %d %02d:%02d:%02d.%03d", MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(),
                t.getYear(), t.getHour(), t.getMinute(), t.getSecond(), ms);
    }

    static int bcd(int b) {
        return (b >> 4) * 10 + (b & 0x0f);
    }

    /**
     * A BCD timestamp of 8 bytes (from year 2), or of 10 with a reserved byte and year 1 first; the
     * date is normalised as C's mktime does (second 65 is a minute and 5 seconds later). Returns the
     * text shown ("Sep  8, 2021 15:33:37.656").
     */
    static String timestamp(Tvb tvb, int off, boolean withYear1, ProtoItem parent) {
        int len = withYear1 ? 10 : 8;
        int o = withYear1 ? off + 2 : off;
        tvb.bytes(off, len);
        int year2 = bcd(tvb.u8(o));
        int month = bcd(tvb.u8(o + 1));
        int day = bcd(tvb.u8(o + 2));
        int hour = bcd(tvb.u8(o + 3));
        int minute = bcd(tvb.u8(o + 4));
        int second = bcd(tvb.u8(o + 5));
        int msRaw = tvb.u16(o + 6);
        int ms = ((msRaw >> 12) & 0xf) * 100 + ((msRaw >> 8) & 0xf) * 10 + ((msRaw >> 4) & 0xf);
        LocalDateTime t = normalised(year2, month, day, hour, minute, second);
        long nanos = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + ms * 1_000_000L;
        String text = text(t, ms);
        ProtoItem ts = parent.addTime(TS, tvb, off, len, nanos).setText("S7 Timestamp: " + text);
        if (withYear1) {
            ts.add(TS_RESERVED, tvb, off, 1);
            ts.addUint(TS_YEAR1, tvb, off + 1, 1, bcd(tvb.u8(off + 1)));
        }
        ts.addUint(TS_YEAR2, tvb, o, 1, year2);
        ts.addUint(TS_MONTH, tvb, o + 1, 1, month);
        ts.addUint(TS_DAY, tvb, o + 2, 1, day);
        ts.addUint(TS_HOUR, tvb, o + 3, 1, hour);
        ts.addUint(TS_MINUTE, tvb, o + 4, 1, minute);
        ts.addUint(TS_SECOND, tvb, o + 5, 1, second);
        ts.addUint(TS_MS, tvb, o + 6, 2, ms);
        ts.add(TS_WEEKDAY, tvb, o + 6, 2);
        return text;
    }
}
