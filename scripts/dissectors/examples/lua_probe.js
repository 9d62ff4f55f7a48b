// Probe of the wslua API, translated line by line from Wireshark Lua to JavaScript
// (shared/reference/tshark-4.0.17/lua_probe.lua): a toy "header block" protocol on tcp.port 18080.
// Each Lua line maps to the JS line at the same place; docs/js-api.md lists the mapping rules.
const p = Proto("hdrblk", "Header Block Probe");
const f_first = ProtoField.string("hdrblk.first", "First line");
const f_len   = ProtoField.uint16("hdrblk.len", "Block length", base.DEC);
const f_kind  = ProtoField.uint8("hdrblk.kind", "Kind", base.HEX, {[1]: "Request", [2]: "Response"});
p.fields = [f_first, f_len, f_kind];
const e_big = ProtoExpert.new("hdrblk.big", "Large block", expert.group.PROTOCOL, expert.severity.NOTE);
p.experts = [e_big];
const f_tcp_stream = Field.new("tcp.stream");
let calls = 0;
p.init = function () { calls = 0; };
p.dissector = function (tvb, pinfo, tree) {
  calls = calls + 1;
  const s = tvb.raw();
  const e = s.indexOf("\r\n\r\n") + 1;                // Lua's find is 1-based; 0 here means "not found"
  if (e === 0) {
    pinfo.desegment_offset = 0;
    pinfo.desegment_len = DESEGMENT_ONE_MORE_SEGMENT;
    return tvb.len();
  }
  const blk = e + 3;
  pinfo.cols.protocol = "HDRBLK";
  const first = s.match(/^([^\r\n]*)/)[1];
  pinfo.cols.info.set(first + " [stream " + String(f_tcp_stream().value) + "]");
  const t = tree.add(p, tvb.range(0, blk));
  t.add(f_first, tvb.range(0, first.length));
  t.add(f_len, tvb.range(0, 0), blk).set_generated();
  t.add(f_kind, tvb.range(0, 1), first.substring(0, 4) === "HTTP" ? 2 : 1);
  if (blk > 150) { t.add_proto_expert_info(e_big); }
  return blk;
};
DissectorTable.get("tcp.port").add(18080, p);
const tap = Listener.new("frame", "hdrblk");
const seen = [];
tap.packet = function (pinfo, tvb) { seen.push(`${pinfo.number}:${pinfo.visited}:${pinfo.src}->${pinfo.dst}:${pinfo.dst_port}`); };
tap.draw = function () { print("TAP " + seen.join(" ") + " calls=" + calls); };
