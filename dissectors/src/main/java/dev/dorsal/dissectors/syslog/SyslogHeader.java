package dev.dorsal.dissectors.syslog;

import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header fields tshark 4.0.17 finds in a Syslog message, with its quirks: an RFC 5424 message
 * ("1 " first) gives version, timestamp, hostname, app name and process id, each only when a space
 * and more text follow it, then a "message id" that is the whole rest of the message (marked
 * malformed when no space and text follow its first word); a message with an RFC 3164 timestamp gives
 * the timestamp, the hostname, the tag as "process id" and the rest from the tag's end as "message id"
 * (malformed when nothing ends the tag). Header texts are read as ASCII: each byte above 0x7f becomes
 * U+FFFD. A timestamp that is not ISO 8601 shows as the epoch, without fraction.
 */
final class SyslogHeader {
    /** The timestamp value standing for one that did not parse (tshark prints the epoch without fraction). */
    static final long UNPARSED = Long.MIN_VALUE;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss", Locale.US)
            .withZone(ZoneOffset.UTC);

    static final FieldDef VERSION = FieldDef.string("syslog.version", "Syslog version");
    static final FieldDef TIMESTAMP = FieldDef.absoluteTime("syslog.timestamp", "Syslog timestamp")
            .custom(SyslogHeader::time);
    static final FieldDef TIMESTAMP_RFC3164 = FieldDef.string("syslog.timestamp_rfc3164", "Syslog timestamp (RFC3164)");
    static final FieldDef HOSTNAME = FieldDef.string("syslog.hostname", "Syslog hostname");
    static final FieldDef APPNAME = FieldDef.string("syslog.appname", "Syslog app name");
    static final FieldDef PROCID = FieldDef.string("syslog.procid", "Syslog process id");
    static final FieldDef MSGID = FieldDef.string("syslog.msgid", "Syslog message id");
    static final List<FieldDef> FIELDS = List.of(VERSION, TIMESTAMP, TIMESTAMP_RFC3164, HOSTNAME, APPNAME, PROCID,
            MSGID);

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final int RFC3164_TIMESTAMP = 15;

    private SyslogHeader() {}

    /** Adds the header items of {@code m}, the message at {@code base}, under {@code msg}. */
    static void dissect(Tvb tvb, ProtoItem msg, int base, byte[] m) {
        if (m.length >= 2 && m[0] == '1' && m[1] == ' ') {
            rfc5424(tvb, msg, base, m);
        } else if (m.length > RFC3164_TIMESTAMP && m[3] == ' ' && m[6] == ' ' && m[9] == ':' && m[12] == ':'
                && m[15] == ' ') {
            rfc3164(tvb, msg, base, m);
        }
    }

    private static void rfc5424(Tvb tvb, ProtoItem msg, int base, byte[] m) {
        FieldDef[] order = {VERSION, TIMESTAMP, HOSTNAME, APPNAME, PROCID};
        int at = 0;
        for (FieldDef field : order) {
            int space = indexOf(m, at, ' ');
            if (space < 0 || space + 1 >= m.length) {
                return;
            }
            if (field == TIMESTAMP) {
                if (space > at) { // tshark shows no item for an empty timestamp
                    msg.addTime(TIMESTAMP, tvb, base + at, space - at, parse(ascii(m, at, space)));
                }
            } else {
                text(msg, field, tvb, base, m, at, space);
            }
            at = space + 1;
        }
        int space = indexOf(m, at, ' ');
        if (space < 0 || space + 1 >= m.length) {
            throw new MalformedException("syslog message id without a following field");
        }
        text(msg, MSGID, tvb, base, m, at, m.length);
    }

    private static void rfc3164(Tvb tvb, ProtoItem msg, int base, byte[] m) {
        text(msg, TIMESTAMP_RFC3164, tvb, base, m, 0, RFC3164_TIMESTAMP);
        int host = RFC3164_TIMESTAMP + 1;
        int space = indexOf(m, host, ' ');
        if (space < 0) {
            return;
        }
        text(msg, HOSTNAME, tvb, base, m, host, space);
        int tag = space + 1;
        int end = tag;
        while (end < m.length && m[end] != ' ' && m[end] != '[' && m[end] != ':') {
            end++;
        }
        if (end >= m.length) {
            throw new MalformedException("syslog tag without an end");
        }
        text(msg, PROCID, tvb, base, m, tag, end);
        text(msg, MSGID, tvb, base, m, end, m.length);
    }

    /** A header text from {@code from} to {@code to} of the message: ASCII, its value up to a NUL. */
    private static void text(ProtoItem msg, FieldDef field, Tvb tvb, int base, byte[] m, int from, int to) {
        String all = ascii(m, from, to);
        int nul = all.indexOf('\0');
        String value = nul < 0 ? all : all.substring(0, nul);
        ProtoItem item = msg.addString(field, tvb, base + from, to - from, value);
        if (item != msg && item.tree().detailed()) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            item.setText(field.name() + ": " + FormatText.format(utf8, 0, utf8.length));
        }
    }

    private static String ascii(byte[] m, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int b = m[i] & 0xff;
            sb.append(b < 0x80 ? (char) b : '\uFFFD');
        }
        return sb.toString();
    }

    private static int indexOf(byte[] m, int from, char c) {
        for (int i = from; i < m.length; i++) {
            if (m[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Nanoseconds since 1970 of an RFC 5424 timestamp (a leap second rolls over), or {@link #UNPARSED}. */
    static long parse(String s) {
        Matcher x = ISO.matcher(s);
        if (!x.matches()) {
            return UNPARSED;
        }
        int year = Integer.parseInt(x.group(1));
        int month = Integer.parseInt(x.group(2));
        int day = Integer.parseInt(x.group(3));
        int hour = Integer.parseInt(x.group(4));
        int minute = Integer.parseInt(x.group(5));
        int second = x.group(6) == null ? 0 : Integer.parseInt(x.group(6));
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return UNPARSED;
        }
        long nanos = 0;
        String fraction = x.group(7);
        if (fraction != null && fraction.length() <= 9) {
            nanos = Long.parseLong((fraction + "000000000").substring(0, 9));
        }
        long days = java.time.LocalDate.of(year, month, 1).toEpochDay() + day - 1;
        long seconds = days * 86_400 + hour * 3600L + minute * 60L + second;
        String zone = x.group(8);
        if (!zone.equals("Z")) {
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            int offset = Integer.parseInt(zone.substring(1, 3)) * 3600 + Integer.parseInt(zone.substring(4, 6)) * 60;
            seconds -= sign * offset;
        }
        return seconds * 1_000_000_000L + nanos;
    }

    /** The timestamp as tshark prints it. */
    static String time(long nanos) {
        if (nanos == UNPARSED) {
            return "Jan  1, 1970 00:00:00 UTC";
        }
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        long fraction = Math.floorMod(nanos, 1_000_000_000L);
        return DATE.format(Instant.ofEpochSecond(seconds)) + String.format(".%09d UTC", fraction);
    }
}
