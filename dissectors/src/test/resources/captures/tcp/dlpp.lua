-- Length-prefixed probe protocol on tcp.port 60000: u16 length, then that many bytes.
local p = Proto("dlpp", "Dorsal Length Prefix Probe")
local f_len = ProtoField.uint16("dlpp.len", "Length")
local f_data = ProtoField.bytes("dlpp.data", "Data")
p.fields = { f_len, f_data }
function p.dissector(tvb, pinfo, tree)
  local off = 0
  local n = tvb:len()
  local first = true
  while off < n do
    local rem = n - off
    if rem < 2 then
      pinfo.desegment_offset = off
      pinfo.desegment_len = DESEGMENT_ONE_MORE_SEGMENT
      return n
    end
    local plen = tvb(off, 2):uint() + 2
    if rem < plen then
      pinfo.desegment_offset = off
      pinfo.desegment_len = plen - rem
      return n
    end
    pinfo.cols.protocol = "DLPP"
    if first then
      pinfo.cols.info:set("DLPP len=" .. (plen - 2))
      first = false
    else
      pinfo.cols.info:append(", DLPP len=" .. (plen - 2))
    end
    local t = tree:add(p, tvb(off, plen))
    t:add(f_len, tvb(off, 2))
    if plen > 2 then t:add(f_data, tvb(off + 2, plen - 2)) end
    off = off + plen
  end
  return n
end
DissectorTable.get("tcp.port"):add(60000, p)

-- The same framing on tcp.port 60001, cut into PDUs by dissect_tcp_pdus (TCP then shows "PDU Size").
local q = Proto("dlpq", "Dorsal Length Prefix PDUs")
local q_len = ProtoField.uint16("dlpq.len", "Length")
q.fields = { q_len }
local function q_pdu_len(tvb, pinfo, offset)
  return tvb(offset, 2):uint() + 2
end
local function q_pdu(tvb, pinfo, tree)
  pinfo.cols.protocol = "DLPQ"
  pinfo.cols.info:append(" DLPQ len=" .. (tvb:len() - 2))
  local t = tree:add(q, tvb())
  t:add(q_len, tvb(0, 2))
  return tvb:len()
end
function q.dissector(tvb, pinfo, tree)
  dissect_tcp_pdus(tvb, tree, 2, q_pdu_len, q_pdu)
  return tvb:len()
end
DissectorTable.get("tcp.port"):add(60001, q)
