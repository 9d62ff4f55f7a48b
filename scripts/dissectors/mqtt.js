// MQTT 3.1 / 3.1.1 (OASIS MQTT v3.1.1) over TCP, port 1883. Filter prefix "mqtt".
//
//   | type (4) | flags (4) | remaining length (1-4 bytes, 7 bits each) | variable header | payload |
//
// Length-prefixed, so dissectTcpPdus splits the stream into messages and asks TCP for more when one
// is cut. The protocol level from CONNECT is kept per conversation. MQTT 5 properties are not
// decoded. Field names and values follow Wireshark's MQTT dissector.
const mqtt = new Proto("mqtt", "MQ Telemetry Transport Protocol");

const TYPES = {
  0: "Reserved", 1: "Connect Command", 2: "Connect Ack", 3: "Publish Message", 4: "Publish Ack",
  5: "Publish Received", 6: "Publish Release", 7: "Publish Complete", 8: "Subscribe Request",
  9: "Subscribe Ack", 10: "Unsubscribe Request", 11: "Unsubscribe Ack", 12: "Ping Request",
  13: "Ping Response", 14: "Disconnect Req", 15: "Authentication Exchange",
};
const QOS = {
  0: "At most once delivery (Fire and Forget)", 1: "At least once delivery (Acknowledged deliver)",
  2: "Exactly once delivery (Assured Delivery)", 3: "Reserved",
};
const SUBACK_QOS = Object.assign({ 128: "Failure" }, QOS);
const VERSIONS = { 3: "MQTT v3.1", 4: "MQTT v3.1.1", 5: "MQTT v5.0" };
const CONNACK = {
  0: "Connection Accepted", 1: "Connection Refused: unacceptable protocol version",
  2: "Connection Refused: identifier rejected", 3: "Connection Refused: server unavailable",
  4: "Connection Refused: bad user name or password", 5: "Connection Refused: not authorized",
};
const CONNECT = 1, CONNACK_T = 2, PUBLISH = 3, SUBSCRIBE = 8, SUBACK = 9, UNSUBSCRIBE = 10;

const f = {
  hdrflags: ProtoField.uint8("mqtt.hdrflags", "Header Flags", base.HEX),
  msgtype: ProtoField.uint8("mqtt.msgtype", "Message Type", base.DEC, TYPES, 0xf0),
  reserved: ProtoField.uint8("mqtt.hdr_reserved", "Reserved", base.DEC, null, 0x0f, "Fixed Header Reserved Field"),
  dup: ProtoField.bool("mqtt.dupflag", "DUP Flag", 8, null, 0x08),
  qos: ProtoField.uint8("mqtt.qos", "QoS Level", base.DEC, QOS, 0x06),
  retain: ProtoField.bool("mqtt.retain", "Retain", 8, null, 0x01),
  len: ProtoField.uint64("mqtt.len", "Msg Len", base.DEC),
  protoLen: ProtoField.uint16("mqtt.proto_len", "Protocol Name Length"),
  protoName: ProtoField.string("mqtt.protoname", "Protocol Name"),
  ver: ProtoField.uint8("mqtt.ver", "Version", base.DEC, VERSIONS, 0, "MQTT version"),
  conflags: ProtoField.uint8("mqtt.conflags", "Connect Flags", base.HEX),
  uname: ProtoField.bool("mqtt.conflag.uname", "User Name Flag", 8, null, 0x80),
  passwdFlag: ProtoField.bool("mqtt.conflag.passwd", "Password Flag", 8, null, 0x40),
  willRetain: ProtoField.bool("mqtt.conflag.retain", "Will Retain", 8, null, 0x20),
  willQos: ProtoField.uint8("mqtt.conflag.qos", "QoS Level", base.DEC, QOS, 0x18),
  willFlag: ProtoField.bool("mqtt.conflag.willflag", "Will Flag", 8, null, 0x04),
  clean: ProtoField.bool("mqtt.conflag.cleansess", "Clean Session Flag", 8, null, 0x02),
  conReserved: ProtoField.bool("mqtt.conflag.reserved", "(Reserved)", 8, null, 0x01),
  keepAlive: ProtoField.uint16("mqtt.kalive", "Keep Alive"),
  clientIdLen: ProtoField.uint16("mqtt.clientid_len", "Client ID Length"),
  clientId: ProtoField.string("mqtt.clientid", "Client ID"),
  willTopicLen: ProtoField.uint16("mqtt.willtopic_len", "Will Topic Length"),
  willTopic: ProtoField.string("mqtt.willtopic", "Will Topic"),
  willMsgLen: ProtoField.uint16("mqtt.willmsg_len", "Will Message Length"),
  willMsg: ProtoField.bytes("mqtt.willmsg", "Will Message"),
  usernameLen: ProtoField.uint16("mqtt.username_len", "User Name Length"),
  username: ProtoField.string("mqtt.username", "User Name"),
  passwdLen: ProtoField.uint16("mqtt.passwd_len", "Password Length"),
  passwd: ProtoField.string("mqtt.passwd", "Password"),
  ackFlags: ProtoField.uint8("mqtt.conack.flags", "Acknowledge Flags", base.HEX),
  ackReserved: ProtoField.bool("mqtt.conack.flags.reserved", "Reserved", 8, null, 0xfe),
  sessionPresent: ProtoField.bool("mqtt.conack.flags.sp", "Session Present", 8, null, 0x01, "Session Present (version 3.1.1)"),
  returnCode: ProtoField.uint8("mqtt.conack.val", "Return Code", base.DEC, CONNACK),
  msgId: ProtoField.uint16("mqtt.msgid", "Message Identifier"),
  subQos: ProtoField.uint8("mqtt.sub.qos", "Requested QoS", base.DEC, QOS),
  subackQos: ProtoField.uint8("mqtt.suback.qos", "Granted QoS", base.DEC, SUBACK_QOS),
  topicLen: ProtoField.uint16("mqtt.topic_len", "Topic Length"),
  topic: ProtoField.string("mqtt.topic", "Topic"),
  msg: ProtoField.bytes("mqtt.msg", "Message"),
};
mqtt.fields = f;

const eUndecoded = ProtoExpert.new("mqtt.v5_undecoded", "MQTT 5 properties are not decoded by this dissector",
  expert.group.UNDECODED, expert.severity.NOTE);
mqtt.experts = [eUndecoded];

/** The remaining-length varint at offset+1: [value, bytes used], or null when the bytes end first. */
function remainingLength(tvb, offset) {
  let value = 0, mult = 1;
  for (let i = 1; i <= 4; i++) {
    if (offset + i >= tvb.len()) return null;
    const b = tvb.range(offset + i, 1).uint();
    value += (b & 0x7f) * mult;
    if ((b & 0x80) === 0) return [value, i];
    mult *= 128;
  }
  return [value, 4];
}

function pduLength(tvb, pinfo, offset) {
  const rl = remainingLength(tvb, offset);
  return rl === null ? -1 : 1 + rl[1] + rl[0];
}

/** A 2-byte length then that many bytes: adds both fields, returns [text, next offset]. */
function lengthPrefixed(t, tvb, off, lenField, valueField) {
  const n = tvb.range(off, 2).uint();
  t.add(lenField, tvb.range(off, 2));
  const r = tvb.range(off + 2, n);
  t.add(valueField, r);
  return [valueField.type === ftypes.BYTES ? "" : r.string(ENC_UTF_8), off + 2 + n];
}

let infoCount = 0;

function dissectMessage(tvb, pinfo, tree) {
  const flags = tvb.range(0, 1).uint();
  const type = flags >> 4;
  const [remaining, lenBytes] = remainingLength(tvb, 0);
  const conv = pinfo.conversation;
  const typeName = TYPES[type];
  let info = typeName;

  const t = tree.add(mqtt, tvb.range(0));
  const h = t.add(f.hdrflags, tvb.range(0, 1));
  h.add(f.msgtype, tvb.range(0, 1));
  let headerText = "Header Flags: 0x" + flags.toString(16).padStart(2, "0") + ", Message Type: " + typeName;
  if (type === PUBLISH) {
    h.add(f.dup, tvb.range(0, 1));
    h.add(f.qos, tvb.range(0, 1));
    h.add(f.retain, tvb.range(0, 1));
    headerText += ", QoS Level: " + QOS[(flags >> 1) & 3];
  } else {
    h.add(f.reserved, tvb.range(0, 1));
  }
  h.set_text(headerText);
  t.add(f.len, tvb.range(1, lenBytes), remaining);

  let off = 1 + lenBytes;
  const end = off + remaining;
  switch (type) {
    case CONNECT: {
      const [, o1] = lengthPrefixed(t, tvb, off, f.protoLen, f.protoName);
      off = o1;
      const version = tvb.range(off, 1).uint();
      conv.version = version;
      t.add(f.ver, tvb.range(off, 1));
      const cf = tvb.range(off + 1, 1);
      const c = cf.uint();
      const ct = t.add(f.conflags, cf);
      for (const bit of [f.uname, f.passwdFlag, f.willRetain, f.willQos, f.willFlag, f.clean, f.conReserved]) ct.add(bit, cf);
      t.add(f.keepAlive, tvb.range(off + 2, 2));
      off += 4;
      if (version === 5) { t.add_proto_expert_info(eUndecoded); break; }
      [, off] = lengthPrefixed(t, tvb, off, f.clientIdLen, f.clientId);
      if (c & 0x04) {
        [, off] = lengthPrefixed(t, tvb, off, f.willTopicLen, f.willTopic);
        [, off] = lengthPrefixed(t, tvb, off, f.willMsgLen, f.willMsg);
      }
      if (c & 0x80 && off < end) [, off] = lengthPrefixed(t, tvb, off, f.usernameLen, f.username);
      if (c & 0x40 && off < end) [, off] = lengthPrefixed(t, tvb, off, f.passwdLen, f.passwd);
      break;
    }
    case CONNACK_T: {
      const af = tvb.range(off, 1);
      const at = t.add(f.ackFlags, af);
      at.add(f.ackReserved, af);
      at.add(f.sessionPresent, af);
      t.add(f.returnCode, tvb.range(off + 1, 1));
      break;
    }
    case PUBLISH: {
      const qos = (flags >> 1) & 3;
      const [topic, o1] = lengthPrefixed(t, tvb, off, f.topicLen, f.topic);
      off = o1;
      if (qos > 0) {
        const id = tvb.range(off, 2).uint();
        t.add(f.msgId, tvb.range(off, 2));
        off += 2;
        info += " (id=" + id + ")";
      }
      info += " [" + topic + "]";
      if (conv.version === 5) { t.add_proto_expert_info(eUndecoded); break; }
      t.add(f.msg, tvb.range(off, end - off));
      break;
    }
    case SUBSCRIBE:
    case UNSUBSCRIBE: {
      const id = tvb.range(off, 2).uint();
      t.add(f.msgId, tvb.range(off, 2));
      off += 2;
      info += " (id=" + id + ")";
      if (conv.version === 5) { t.add_proto_expert_info(eUndecoded); break; }
      while (off < end) {
        const [topic, o1] = lengthPrefixed(t, tvb, off, f.topicLen, f.topic);
        off = o1;
        info += " [" + topic + "]";
        if (type === SUBSCRIBE) { t.add(f.subQos, tvb.range(off, 1)); off += 1; }
      }
      break;
    }
    case SUBACK: {
      const id = tvb.range(off, 2).uint();
      t.add(f.msgId, tvb.range(off, 2));
      off += 2;
      info += " (id=" + id + ")";
      if (conv.version === 5) { t.add_proto_expert_info(eUndecoded); break; }
      for (; off < end; off++) t.add(f.subackQos, tvb.range(off, 1));
      break;
    }
    case 4: case 5: case 6: case 7: case 11: {
      const id = tvb.range(off, 2).uint();
      t.add(f.msgId, tvb.range(off, 2));
      info += " (id=" + id + ")";
      break;
    }
    default:
      break;
  }
  t.append_text(", " + typeName);
  if (infoCount++ === 0) pinfo.cols.info.set(info);
  else pinfo.cols.info.append(", " + info);
}

mqtt.dissector = (tvb, pinfo, tree) => {
  pinfo.cols.protocol = "MQTT";
  infoCount = 0;
  return dissectTcpPdus(tvb, tree, 2, pduLength, dissectMessage);
};

DissectorTable.get("tcp.port").add(1883, mqtt);
