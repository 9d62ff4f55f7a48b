// The smallest useful dissector: the first two bytes of an NTP header, as a tutorial.
// Not bound to any port: try it with Decode-As, e.g. DissectorTable.get("udp.port").decode_as(123, "tutorial").
//
//   byte 0: LI (2 bits) | VN (3 bits) | Mode (3 bits)     byte 1: stratum
const tutorial = new Proto("tutorial", "Tutorial: NTP header start");   // filter name, tree label

const MODES = { 1: "symmetric active", 2: "symmetric passive", 3: "client", 4: "server", 5: "broadcast" };
const f = {
  li: ProtoField.uint8("tutorial.li", "Leap Indicator", base.DEC, null, 0xc0),
  vn: ProtoField.uint8("tutorial.vn", "Version", base.DEC, null, 0x38),
  mode: ProtoField.uint8("tutorial.mode", "Mode", base.DEC, MODES, 0x07),
  stratum: ProtoField.uint8("tutorial.stratum", "Stratum"),
};
tutorial.fields = f;                     // register the fields with the protocol

tutorial.dissector = (tvb, pinfo, tree) => {
  if (tvb.len() < 2) return 0;           // not ours: let another dissector try
  pinfo.cols.protocol = "TUTORIAL";
  const mode = tvb.range(0, 1).bitfield(5, 3);
  pinfo.cols.info.set("NTP " + (MODES[mode] || "mode " + mode));
  const t = tree.add(tutorial, tvb.range(0, 2));
  t.add(f.li, tvb.range(0, 1));          // masked fields read the same byte
  t.add(f.vn, tvb.range(0, 1));
  t.add(f.mode, tvb.range(0, 1));
  t.add(f.stratum, tvb.range(1, 1));
  return 2;                              // bytes consumed
};
