// The UDP header (RFC 768) in JavaScript: the same fields, Info and dispatch as the Java
// UdpDissector, to measure what a script costs against Java on the same work (docs/benchmarks.md).
// It takes over the Java protocol's name ({reuse: true}), so filters and -T fields see the same
// "udp.*" fields; its handle is "udp_js" and nothing is bound to it by default: switch it on with
// Decode-As, DissectorTable.get("ip.proto").decode_as(17, "udp_js") (or -d ip.proto==17,udp_js).
//
//  0      7 8     15 16    23 24    31
// +--------+--------+--------+--------+
// |   Source Port   | Destination Port|
// +--------+--------+--------+--------+
// |     Length      |    Checksum     |
// +--------+--------+--------+--------+
const udp = new Proto("udp", "User Datagram Protocol", { reuse: true });

const CHECKSUM_STATUS = { 0: "Bad", 1: "Good", 2: "Unverified", 3: "Not present", 4: "Illegal" };
const f = {
  srcport: ProtoField.uint16("udp.srcport", "Source Port", base.PT_UDP),
  dstport: ProtoField.uint16("udp.dstport", "Destination Port", base.PT_UDP),
  port: ProtoField.uint16("udp.port", "Source or Destination Port", base.PT_UDP),
  stream: ProtoField.uint32("udp.stream", "Stream index"),
  length: ProtoField.uint16("udp.length", "Length"),
  checksum: ProtoField.uint16("udp.checksum", "Checksum", base.HEX),
  checksumStatus: ProtoField.uint8("udp.checksum.status", "Checksum Status", base.NONE, CHECKSUM_STATUS),
  timeRelative: ProtoField.relative_time("udp.time_relative", "Time since first frame"),
  timeDelta: ProtoField.relative_time("udp.time_delta", "Time since previous frame"),
  payload: ProtoField.bytes("udp.payload", "Payload"),
};
udp.fields = f;

const e = {
  traceroute: ProtoExpert.new("udp.possible_traceroute", "Possible traceroute", expert.group.SEQUENCE, expert.severity.CHAT),
  lengthBad: ProtoExpert.new("udp.length.bad", "Bad length value", expert.group.MALFORMED, expert.severity.ERROR),
  checksumZero: ProtoExpert.new("udp.checksum.zero", "Illegal checksum value (0)", expert.group.CHECKSUM, expert.severity.ERROR),
};
udp.experts = e;

const TRACEROUTE_FIRST_PORT = 33435;
const ports = DissectorTable.get("udp.port");
const data = Dissector.get("data");

function status(parent, range, code, detailed) {
  const item = parent.add(f.checksumStatus, range, code).set_generated();
  if (detailed) item.set_text("Checksum Status: " + CHECKSUM_STATUS[code]);
}

udp.dissector = (tvb, pinfo, tree) => {
  const src = tvb.range(0, 2).uint();
  const dst = tvb.range(2, 2).uint();
  // Like the Java dissector, labels are only built when a detailed tree is (tree.visible).
  const detailed = tree.visible;
  pinfo.cols.protocol = "UDP";
  pinfo.cols.info.set(src + " \u2192 " + dst);
  const t = detailed ? tree.add(udp, tvb.range(0, 8), "User Datagram Protocol, Src Port: " + src + ", Dst Port: " + dst)
    : tree.add(udp, tvb.range(0, 8));
  t.add(f.srcport, tvb.range(0, 2));
  const d = t.add(f.dstport, tvb.range(2, 2));
  const hop = dst - TRACEROUTE_FIRST_PORT;
  if (hop >= 0 && hop < 30) {
    d.add_proto_expert_info(e.traceroute, "Possible traceroute: hop #" + (Math.floor(hop / 3) + 1) + ", attempt #" + (hop % 3 + 1));
  }
  t.add(f.port, tvb.range(0, 2)).set_hidden();
  t.add(f.port, tvb.range(2, 2)).set_hidden();

  const inError = pinfo.in_error_pkt;
  const reported = tvb.reported_len();
  const ulen = tvb.range(4, 2).uint();
  const lenItem = t.add(f.length, tvb.range(4, 2));
  if (ulen < 8) {
    lenItem.set_text("Length: " + ulen + " (bogus, must be >= 8)");
    lenItem.add_proto_expert_info(e.lengthBad, "Bad length value " + ulen + " < 8");
    pinfo.cols.info.append(" [BAD UDP LENGTH " + ulen + " < 8]");
    return tvb.len();
  }
  if (ulen > reported && !inError) {
    lenItem.set_text("Length: " + ulen + " (bogus, payload length " + reported + ")");
    lenItem.add_proto_expert_info(e.lengthBad, "Bad length value " + ulen + " > IP payload length");
    pinfo.cols.info.append(" [BAD UDP LENGTH " + ulen + " > IP PAYLOAD LENGTH]");
  }
  pinfo.cols.info.append(" Len=" + (ulen - 8));

  // Checksum: not verified (tshark's default); zero means "none" over IPv4 and is illegal over IPv6.
  const sum = tvb.range(6, 2).uint();
  const sumItem = t.add(f.checksum, tvb.range(6, 2));
  const at = tvb.range(6, 0);
  if (sum !== 0) {
    sumItem.append_text(" [unverified]");
    status(t, at, 2, detailed);
  } else if (inError || pinfo.net_src.type === "IPv4") {
    sumItem.append_text(" [zero-value ignored]");
    status(sumItem, at, 3, detailed);
  } else {
    sumItem.append_text(" [zero-value illegal]");
    sumItem.add_proto_expert_info(e.checksumZero);
    status(sumItem, at, 4, detailed);
    pinfo.cols.info.append(" [ILLEGAL CHECKSUM (0)]");
  }

  pinfo.set_ports("udp", src, dst);
  const conv = pinfo.conversation;
  const now = pinfo.rel_ns;
  if (conv.first === undefined) {
    conv.first = now;
    conv.prev = now;
  }
  t.add(f.stream, tvb.range(8, 0), conv.index).set_generated();
  if (ulen === 8) return tvb.len();

  const delta = now - conv.prev;
  conv.prev = now;
  const ts = t.add(tvb.range(8, 0), "Timestamps").set_generated();
  if (ts.referenced(f.timeRelative)) ts.add(f.timeRelative, tvb.range(8, 0), NSTime.fromNanos(now - conv.first)).set_generated();
  if (ts.referenced(f.timeDelta)) ts.add(f.timeDelta, tvb.range(8, 0), NSTime.fromNanos(delta)).set_generated();

  // An ICMP error quotes only the start of the datagram: nothing to hand on when no payload is there.
  if (inError && tvb.len() <= 8) return tvb.len();
  const captured = Math.max(0, tvb.len() - 8);
  let rep = Math.max(0, reported - 8);
  if (ulen - 8 < rep) rep = ulen - 8;
  const len = Math.min(captured, rep);
  const payload = t.add(f.payload, tvb.range(8, captured));
  if (detailed) payload.set_text("UDP payload (" + len + (len === 1 ? " byte)" : " bytes)"));
  const next = tvb.range(8, rep).tvb();
  const lo = Math.min(src, dst);
  const hi = Math.max(src, dst);
  if (lo !== 0 && ports.try(lo, next, pinfo, tree) > 0) return tvb.len();
  if (hi !== 0 && ports.try(hi, next, pinfo, tree) > 0) return tvb.len();
  if (DissectorTable.try_heuristics("udp", next, pinfo, tree)) return tvb.len();
  data.call(next, pinfo, tree);
  return tvb.len();
};
