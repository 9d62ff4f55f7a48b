// Syslog over UDP (RFC 3164 "BSD" and RFC 5424 messages), port 514. Filter prefix "syslog".
//
//   <PRI>Mmm dd hh:mm:ss HOST TAG: text              RFC 3164 (PRI = facility * 8 + level)
//   <PRI>1 2026-11-27T06:47:27.021291+00:00 HOST APP PROCID MSGID [SD] text   RFC 5424
//
// Field names and values follow Wireshark's syslog dissector, so -T fields output compares 1:1.
// Dorsal has a Java Syslog dissector too: this one takes over its name and port ({reuse: true}), as a
// Lua plugin may replace a built-in dissector in Wireshark.
const syslog = new Proto("syslog", "Syslog message", { reuse: true });

const FACILITIES = {
  0: "KERN - kernel messages", 1: "USER - random user-level messages", 2: "MAIL - mail system",
  3: "DAEMON - system daemons", 4: "AUTH - security/authorization messages",
  5: "SYSLOG - messages generated internally by syslogd", 6: "LPR - line printer subsystem",
  7: "NEWS - network news subsystem", 8: "UUCP - UUCP subsystem", 9: "CRON - clock daemon (BSD, Linux)",
  10: "AUTHPRIV - security/authorization messages (private)", 11: "FTP - ftp daemon", 12: "NTP - ntp subsystem",
  13: "LOGAUDIT - log audit", 14: "LOGALERT - log alert", 15: "CRON - clock daemon (Solaris)",
  16: "LOCAL0 - reserved for local use", 17: "LOCAL1 - reserved for local use", 18: "LOCAL2 - reserved for local use",
  19: "LOCAL3 - reserved for local use", 20: "LOCAL4 - reserved for local use", 21: "LOCAL5 - reserved for local use",
  22: "LOCAL6 - reserved for local use", 23: "LOCAL7 - reserved for local use",
};
const LEVELS = {
  0: "EMERG - system is unusable", 1: "ALERT - action must be taken immediately", 2: "CRIT - critical conditions",
  3: "ERR - error conditions", 4: "WARNING - warning conditions", 5: "NOTICE - normal but significant condition",
  6: "INFO - informational", 7: "DEBUG - debug-level messages",
};

const f = {
  facility: ProtoField.uint8("syslog.facility", "Facility", base.DEC, FACILITIES, 0x3f8, "Message facility"),
  level: ProtoField.uint8("syslog.level", "Level", base.DEC, LEVELS, 0x7, "Message level"),
  msg: ProtoField.string("syslog.msg", "Message", base.ASCII, "Message Text"),
  version: ProtoField.string("syslog.version", "Syslog version"),
  timestamp: ProtoField.absolute_time("syslog.timestamp", "Syslog timestamp", base.UTC),
  timestamp3164: ProtoField.string("syslog.timestamp_rfc3164", "Syslog timestamp (RFC3164)"),
  hostname: ProtoField.string("syslog.hostname", "Syslog hostname"),
  appname: ProtoField.string("syslog.appname", "Syslog app name", base.ASCII, "The name of the app that generated this message"),
  procid: ProtoField.string("syslog.procid", "Syslog process id"),
  msgid: ProtoField.string("syslog.msgid", "Syslog message id"),
};
syslog.fields = f;

const RFC3164_TIME = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d$/;

/** Parses an RFC 3339 timestamp ("2026-11-27T06:47:27.021291+00:00") into NSTime, or null. */
function rfc3339(text) {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) return null;
  let secs = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000;
  if (m[8] !== "Z") {
    const sign = m[8][0] === "-" ? -1 : 1;
    secs -= sign * (Number(m[8].substring(1, 3)) * 3600 + Number(m[8].substring(4, 6)) * 60);
  }
  const nanos = m[7] ? Number(m[7].padEnd(9, "0")) : 0;
  return new NSTime(secs, nanos);
}

syslog.dissector = (tvb, pinfo, tree) => {
  const text = tvb.raw();
  const pri = /^<(\d{1,3})>/.exec(text);
  if (!pri) return 0;
  const value = Number(pri[1]);
  const start = pri[0].length;
  const msg = text.substring(start);
  const fac = FACILITIES[value >> 3];
  const lvl = LEVELS[value & 7];
  pinfo.cols.protocol = "Syslog";
  pinfo.cols.info.set((fac ? fac.split(" - ")[0] : "UNKNOWN") + "." + (lvl ? lvl.split(" - ")[0] : "UNKNOWN") + ": " + msg);

  const t = tree.add(syslog, tvb.range(0, tvb.len()), "Syslog message: " +
    (fac ? fac.split(" - ")[0] : "UNKNOWN") + "." + lvl.split(" - ")[0] + ": " + msg);
  const priRange = tvb.range(1, start - 2);
  t.add(f.facility, priRange, value);
  t.add(f.level, priRange, value);
  const m = t.add(f.msg, tvb.range(start, tvb.len() - start));

  // Header fields, each covering its own bytes of the message.
  let pos = start;
  const field = (pf, len, value) => {
    if (len >= 0 && pos + len <= tvb.len()) m.add(pf, tvb.range(pos, len), value);
  };
  const v5424 = /^(\d{1,2}) /.exec(msg);
  if (v5424) {
    const parts = msg.split(" ");
    const [version, stamp, host, app, proc] = parts;
    field(f.version, version.length); pos += version.length + 1;
    const ts = rfc3339(stamp);
    if (ts !== null) field(f.timestamp, stamp.length, ts);
    pos += stamp.length + 1;
    if (host !== undefined) { field(f.hostname, host.length); pos += host.length + 1; }
    if (app !== undefined) { field(f.appname, app.length); pos += app.length + 1; }
    if (proc !== undefined) { field(f.procid, proc.length); pos += proc.length + 1; }
    if (pos < tvb.len()) field(f.msgid, tvb.len() - pos);
  } else if (msg.length >= 15 && RFC3164_TIME.test(msg.substring(0, 15))) {
    field(f.timestamp3164, 15); pos += 16;
    const rest = msg.substring(16);
    const sp = rest.indexOf(" ");
    if (sp > 0) {
      field(f.hostname, sp); pos += sp + 1;
      const tag = /^[^:\[ ]+/.exec(rest.substring(sp + 1));
      if (tag) {
        field(f.procid, tag[0].length); pos += tag[0].length;
        if (pos < tvb.len()) field(f.msgid, tvb.len() - pos);
      }
    }
  }
  return tvb.len();
};

DissectorTable.get("udp.port").add(514, syslog);
