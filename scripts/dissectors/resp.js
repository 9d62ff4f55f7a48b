// Redis serialization protocol (RESP 2) over TCP, port 6379. Filter prefix "resp".
//
//   +OK\r\n   -ERR text\r\n   :42\r\n   $5\r\nhello\r\n   $-1\r\n   *2\r\n$3\r\nGET\r\n$1\r\nk\r\n
//
// A message has no length prefix: its end is only known once every nested element is parsed, so
// this dissector walks the bytes itself and, when they run out, shows what it parsed, marks the
// Info "[continuation]" and asks TCP for one more segment (PDUs across segments). Several
// messages in one segment (pipelining) are shown in one RESP item. Field names follow Wireshark's.
const resp = new Proto("resp", "REdis Serialization Protocol");
resp.prefs.port = Pref.uint("TCP port", 6379, "Server port: messages sent to it are requests");

const f = {
  string: ProtoField.string("resp.string", "String"),
  error: ProtoField.string("resp.error", "Error"),
  bulk: ProtoField.none("resp.bulk_string", "Bulk String"),
  bulkValue: ProtoField.bytes("resp.bulk_string.value", "Value"),
  bulkLength: ProtoField.int32("resp.bulk_string.length", "Length", base.DEC),
  integer: ProtoField.int64("resp.integer", "Integer", base.DEC),
  array: ProtoField.none("resp.array", "Array"),
  arrayLength: ProtoField.int64("resp.array.length", "Length", base.DEC),
  fragment: ProtoField.none("resp.fragment", "Fragment"),
};
resp.fields = f;

/** Bulk strings shorter than this, and ASCII, are quoted in Info; longer ones are "BulkString(N)". */
const INFO_TEXT_MAX = 100;
const MAX_DEPTH = 32;

/**
 * Adds the element at {@code off} of {@code s} (the tvb as text) under {@code parent}; returns the
 * offset after it, or -1 when the bytes end first. {@code info} collects Info words, or is null.
 */
function element(tvb, s, off, parent, info, depth, top) {
  const eol = s.indexOf("\r\n", off);
  if (eol < 0) return -1;
  if (eol === off) return off + 2;              // a stray empty line between messages is skipped silently
  const type = s[off];
  const body = s.substring(off + 1, eol);
  const next = eol + 2;
  switch (type) {
    case "+":
      parent.add(f.string, tvb.range(off + 1, eol - off - 1));
      if (info) info.push(body);
      return next;
    case "-":
      parent.add(f.error, tvb.range(off + 1, eol - off - 1));
      if (info) info.push("Error: " + body);
      return next;
    case ":":
      parent.add(f.integer, tvb.range(off, next - off), BigInt(body));
      if (info) info.push(body);
      return next;
    case "$": {
      const n = parseInt(body, 10);
      if (n < 0) {
        const b = parent.add(f.bulk, tvb.range(off, next - off)).set_text("Bulk String: [NULL]");
        b.add(f.bulkLength, tvb.range(off + 1, eol - off - 1), n);
        return next;
      }
      if (next + n + 2 > s.length) {
        // A reply that is one long bulk string says exactly how much is missing; inside an array it is unknown.
        if (top) needExact = next + n + 2 - s.length;
        return -1;
      }
      const value = s.substring(next, next + n);
      const ascii = !/[^\x00-\x7f]/.test(value);
      const b = parent.add(f.bulk, tvb.range(off, next + n + 2 - off));
      b.set_text(ascii ? "Bulk String: " + value.replace(/[\x00-\x1f\x7f]/g, "") : "Bulk String");
      b.add(f.bulkLength, tvb.range(off + 1, eol - off - 1), n);
      if (n > 0) b.add(f.bulkValue, tvb.range(next, n));
      if (info) {
        if (n >= INFO_TEXT_MAX || (top && !ascii)) info.push("BulkString(" + n + ")");
        else if (ascii && n > 0) info.push(value);
      }
      return next + n + 2;
    }
    case "*": {
      const n = parseInt(body, 10);
      const a = parent.add(f.array, tvb.range(off, next - off)).set_text("Array: Length " + n);
      a.add(f.arrayLength, tvb.range(off + 1, eol - off - 1), n);
      // A request lists its words; a reply array is summarised.
      let words = null;
      if (info && top) {
        if (isRequest) words = info;
        else info.push("Array(" + n + ")");
      }
      if (depth >= MAX_DEPTH) return -1;
      let p = next;
      for (let i = 0; i < n; i++) {
        p = element(tvb, s, p, a, words, depth + 1, false);
        if (p < 0) return -1;
      }
      a.set_len(p - off);
      return p;
    }
    default:
      // Not RESP (an inline command): shown line by line.
      parent.add(f.fragment, tvb.range(off, next - off));
      if (info) info.push("[fragment]");
      return next;
  }
}

let isRequest = false;
let needExact = 0;

resp.dissector = (tvb, pinfo, tree) => {
  const s = tvb.raw();
  isRequest = pinfo.dst_port === resp.prefs.port;
  pinfo.cols.protocol = "RESP";
  const t = tree.add(resp, tvb.range(0));
  const info = [];
  let off = 0;
  while (off < s.length) {
    needExact = 0;
    const end = element(tvb, s, off, t, info, 0, true);
    if (end < 0) {
      info.push("[continuation]");
      if (pinfo.can_desegment > 0) {
        pinfo.desegment_offset = off;
        pinfo.desegment_len = needExact > 0 ? needExact : DESEGMENT_ONE_MORE_SEGMENT;
      }
      break;
    }
    off = end;
  }
  pinfo.cols.info.set((isRequest ? "Request:" : "Response:") + info.map((w) => " " + w).join(""));
  return tvb.len();
};

DissectorTable.get("tcp.port").add(resp.prefs.port, resp);
