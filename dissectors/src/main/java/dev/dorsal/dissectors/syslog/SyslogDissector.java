package dev.dorsal.dissectors.syslog;

import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads Syslog messages on UDP port 514 as tshark 4.0.17 does: the PRI part ({@code <N>}, up to three
 * digits) as facility and level, the message, and under it the header fields tshark finds in an RFC 5424
 * message (version 1) or one that starts with an RFC 3164 timestamp ({@link SyslogHeader}). Info is
 * "FACILITY.LEVEL: message", or the message alone without a PRI part. Filter prefix {@code syslog.}.
 *
 * <pre>
 * &lt;PRI&gt;VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID ...     (RFC 5424)
 * &lt;PRI&gt;Mmm dd hh:mm:ss HOSTNAME TAG[PID]: text                    (RFC 3164)
 * </pre>
 */
public final class SyslogDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Syslog message", "Syslog", "syslog");
    static final int PORT = 514;
    /** tshark reads at most this many PRI digits. */
    private static final int MAX_PRI_DIGITS = 3;

    static final ValueString FACILITIES = ValueString.of(0, "KERN - kernel messages",
            1, "USER - random user-level messages", 2, "MAIL - mail system", 3, "DAEMON - system daemons",
            4, "AUTH - security/authorization messages", 5, "SYSLOG - messages generated internally by syslogd",
            6, "LPR - line printer subsystem", 7, "NEWS - network news subsystem", 8, "UUCP - UUCP subsystem",
            9, "CRON - clock daemon (BSD, Linux)", 10, "AUTHPRIV - security/authorization messages (private)",
            11, "FTP - ftp daemon", 12, "NTP - ntp subsystem", 13, "LOGAUDIT - log audit", 14, "LOGALERT - log alert",
            15, "CRON - clock daemon (Solaris)", 16, "LOCAL0 - reserved for local use",
            17, "LOCAL1 - reserved for local use", 18, "LOCAL2 - reserved for local use",
            19, "LOCAL3 - reserved for local use", 20, "LOCAL4 - reserved for local use",
            21, "LOCAL5 - reserved for local use", 22, "LOCAL6 - reserved for local use",
            23, "LOCAL7 - reserved for local use");
    static final ValueString LEVELS = ValueString.of(0, "EMERG - system is unusable",
            1, "ALERT - action must be taken immediately", 2, "CRIT - critical conditions", 3, "ERR - error conditions",
            4, "WARNING - warning conditions", 5, "NOTICE - normal but significant condition", 6, "INFO - informational",
            7, "DEBUG - debug-level messages");
    /** The short names Info uses. */
    static final ValueString FACILITY_SHORT = ValueString.of(0, "KERN", 1, "USER", 2, "MAIL", 3, "DAEMON", 4, "AUTH",
            5, "SYSLOG", 6, "LPR", 7, "NEWS", 8, "UUCP", 9, "CRON", 10, "AUTHPRIV", 11, "FTP", 12, "NTP",
            13, "LOGAUDIT", 14, "LOGALERT", 15, "CRON", 16, "LOCAL0", 17, "LOCAL1", 18, "LOCAL2", 19, "LOCAL3",
            20, "LOCAL4", 21, "LOCAL5", 22, "LOCAL6", 23, "LOCAL7");
    static final ValueString LEVEL_SHORT = ValueString.of(0, "EMERG", 1, "ALERT", 2, "CRIT", 3, "ERR", 4, "WARNING",
            5, "NOTICE", 6, "INFO", 7, "DEBUG");

    static final FieldDef FACILITY = FieldDef.uint8("syslog.facility", "Facility").mask(0x3f8).vals(FACILITIES);
    static final FieldDef LEVEL = FieldDef.uint8("syslog.level", "Level").mask(0x7).vals(LEVELS);
    static final FieldDef MSG = FieldDef.string("syslog.msg", "Message");

    static final List<FieldDef> FIELDS = List.of(FACILITY, LEVEL, MSG);

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new java.util.ArrayList<>(FIELDS);
        all.addAll(SyslogHeader.FIELDS);
        r.fields(PROTO, all);
        r.handle("syslog", PROTO, SyslogDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("syslog"));
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("Syslog");
        cols.clearInfo();
        int pri = -1;
        int off = 0;
        if (tvb.u8(0) == '<') {
            pri = 0;
            off = 1;
            while (off <= MAX_PRI_DIGITS && tvb.u8(off) >= '0' && tvb.u8(off) <= '9') {
                pri = pri * 10 + tvb.u8(off) - '0';
                off++;
            }
            if (tvb.u8(off) == '>') {
                off++;
            }
        }
        int length = tvb.reportedLength() - off;
        byte[] message = tvb.bytes(off, length);
        if (length == 0) {
            tvb.u8(off); // tshark reads at least one byte of message
        }
        String text = FormatText.format(message, 0, message.length);
        String prefix = pri < 0 ? "(unknown): "
                : FACILITY_SHORT.nameOr(pri >> 3, "UNKNOWN") + "." + LEVEL_SHORT.name(pri & 7) + ": ";
        if (cols.enabled()) {
            cols.setInfo(pri < 0 ? text : prefix + text);
        }
        ProtoItem syslog = tree.addProtocol(PROTO, tvb, 0, tvb.length(), "Syslog message: " + prefix + text);
        if (pri >= 0) {
            syslog.addUint(FACILITY, tvb, 0, off, pri >> 3);
            syslog.addUint(LEVEL, tvb, 0, off, pri & 7);
        }
        ProtoItem msg = string(syslog, MSG, tvb, off, message);
        if (!syslog.tree().treeless()) {
            // tshark reads the header only when it builds a tree: a summary alone never shows its errors.
            SyslogHeader.dissect(tvb, msg == syslog ? syslog : msg, off, message);
        }
        return tvb.length();
    }

    /**
     * Adds a text item as tshark's FT_STRING shows it: the value up to the first NUL, marked with
     * "Trailing stray characters" when other bytes follow that NUL.
     */
    static ProtoItem string(ProtoItem parent, FieldDef field, Tvb tvb, int off, byte[] bytes) {
        int nul = 0;
        while (nul < bytes.length && bytes[nul] != 0) {
            nul++;
        }
        boolean stray = false;
        for (int i = nul; i < bytes.length; i++) {
            stray |= bytes[i] != 0;
        }
        ProtoItem item = parent.addString(field, tvb, off, bytes.length, new String(bytes, 0, nul,
                StandardCharsets.UTF_8));
        if (item != parent) {
            if (item.tree().detailed()) {
                item.setText(field.name() + ": " + FormatText.format(bytes, 0, nul));
            }
            if (stray) {
                item.expert(CoreFields.TRAILING_STRAY);
            }
        }
        return item;
    }
}
