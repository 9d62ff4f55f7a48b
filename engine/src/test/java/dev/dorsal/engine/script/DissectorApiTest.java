package dev.dorsal.engine.script;

import static dev.dorsal.engine.script.Toy.ascii;
import static dev.dorsal.engine.script.Toy.bytes;
import static dev.dorsal.engine.script.Toy.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The dissector-facing API on the toy stack: tree, columns, pinfo, tvb readers, experts, bounds. */
class DissectorApiTest {

    @Test
    void treeItemsColumnsAndExperts() {
        try (Toy toy = new Toy().load("tree.js", """
                const p = new Proto("tr", "Tree Probe");
                const f = { a: ProtoField.uint8("tr.a", "A"), b: ProtoField.uint16("tr.b", "B") };
                p.fields = f;
                const big = ProtoExpert.new("tr.big", "Big value", expert.group.PROTOCOL, expert.severity.WARN);
                p.experts = [big];
                p.dissector = (tvb, pinfo, tree) => {
                  pinfo.cols.protocol = "TR";
                  pinfo.cols.info.clear();
                  pinfo.cols.info.append("a=" + tvb.range(0, 1).uint());
                  pinfo.cols.info.append(" b=" + tvb.range(1, 2).le_uint());
                  pinfo.cols.info.prepend("[p] ");
                  const t = tree.add(p, tvb.range(0, 3), "Tree Probe, custom label");
                  t.add(f.a, tvb.range(0, 1)).append_text(" (first)");
                  const b = t.add_le(f.b, tvb.range(1, 2));
                  b.set_generated();
                  b.prepend_text("-> ");
                  t.add(f.a, tvb.range(0, 1)).set_hidden();
                  t.add(tvb.range(0, 1), "a text line");
                  if (tvb.range(0, 1).uint() > 100) b.add_proto_expert_info(big, "value " + tvb.range(0, 1).uint());
                  return 3;
                };
                DissectorTable.get("toy.port").add(7002, p);
                """)) {
            DissectedPacket p = toy.frame(40000, 7002, bytes(200, 1, 2, 9));
            assertEquals("TR", p.columns().protocol());
            assertEquals("[p] a=200 b=513", p.columns().info(), Toy.value(p, "_ws.expert.message"));
            assertEquals("200,200", value(p, "tr.a"));
            assertEquals("513", value(p, "tr.b"));
            assertEquals("value 200", value(p, "_ws.expert.message"));
            String labels = Toy.labels(p);
            assertTrue(labels.contains("Tree Probe, custom label"), labels);
            assertTrue(labels.contains("A: 200 (first)"), labels);
            assertTrue(labels.contains("[-> B: 513]"), labels);
            assertTrue(labels.contains("a text line"), labels);
            // The rest of the frame (1 byte) went to data: the script consumed 3 of 4.
            assertEquals("", value(p, "data.data"));
        }
    }

    @Test
    void fieldsNobodyWantsAreSkippedWithoutChangingColumns() {
        try (Toy toy = new Toy().load("skip.js", """
                const p = new Proto("sk", "Skip Probe");
                const f = { a: ProtoField.uint8("sk.a", "A"), b: ProtoField.uint8("sk.b", "B") };
                p.fields = f;
                p.dissector = (tvb, pinfo, tree) => {
                  pinfo.cols.protocol = "SK";
                  const t = tree.add(p, tvb.range(0));
                  t.add(f.a, tvb.range(0, 1)).set_generated().append_text("x");
                  const b = t.add(f.b, tvb.range(1, 1));
                  pinfo.cols.info.set("referenced a=" + t.referenced(f.a) + " b=" + t.referenced(f.b));
                };
                DissectorTable.get("toy.port").add(7003, p);
                """)) {
            BitSet interest = new BitSet();
            interest.set(ToyStack.registry().fields().first("sk.b").id());
            DissectedPacket p = toy.frame(new DissectionOptions(false, interest, true), 1, 7003, bytes(1, 2));
            assertEquals("", value(p, "sk.a"));
            assertEquals("2", value(p, "sk.b"));
            assertEquals("referenced a=false b=true", p.columns().info());
            assertFalse(p.tree().root().firstChild().generated());
            // The protocol item is always there (filters test for "sk"), as for Java dissectors.
            assertEquals(1, Toy.values(p, "sk").size());
        }
    }

    @Test
    void tvbRangeReaders() {
        try (Toy toy = new Toy().load("tvb.js", """
                const p = new Proto("tv", "Tvb Probe");
                p.dissector = (tvb, pinfo, tree) => {
                  const r = tvb.range(0, 8);
                  const out = [
                    r.range(0, 2).uint(), r.range(0, 2).le_uint(), r.range(0, 1).int(), r.range(0, 4).le_int(),
                    r.uint64(), r.le_uint64(), r.range(0, 4).ipv4(), r.range(0, 6).ether(),
                    r.range(0, 1).bitfield(0, 3), r.range(4, 4).float(), tvb.range(8, 5).string(),
                    tvb.range(8).stringz(), tvb.range(8).strsize(), r.range(0, 3).bytes().tohex(),
                    tvb.len(), tvb.reported_len(), tvb.range(8).tvb().len(), tvb.range(2, 2).tvb().range(1, 1).uint(),
                    String(tvb.range(0, 2)), tvb.range(0, 0).toString(), tvb.range(-2).raw(),
                  ];
                  pinfo.cols.info.set(out.join("|"));
                };
                DissectorTable.get("toy.port").add(7004, p);
                """)) {
            DissectedPacket p = toy.frame(1, 7004, bytes(0xfe, 0x01, 0x02, 0x03, 0x3f, 0x80, 0, 0, 'a', 'b', 'c', 0, 'z'));
            assertEquals("65025|510|-2|50463230|18302912573583917056|141008121758206|254.1.2.3|fe:01:02:03:3f:80|7|1|"
                    + "abc|abc|4|FE0102|13|13|5|3|fe01|<EMPTY>|\0z", p.columns().info());
        }
    }

    @Test
    void readingPastTheEndMarksThePacketMalformedLikeAJavaDissector() {
        try (Toy toy = new Toy().load("oob.js", """
                const p = new Proto("oob", "Out of bounds");
                const f = { x: ProtoField.uint32("oob.x", "X") };
                p.fields = f;
                p.dissector = (tvb, pinfo, tree) => {
                  pinfo.cols.protocol = "OOB";
                  tree.add(p, tvb.range(0)).add(f.x, tvb.range(0, 4));
                  return tvb.len();
                };
                DissectorTable.get("toy.port").add(7005, p);
                """)) {
            DissectedPacket p = toy.frame(1, 7005, bytes(1, 2));
            assertTrue(p.malformed());
            assertTrue(p.columns().info().endsWith("[Malformed Packet]"), p.columns().info());
            // The visible "[Malformed Packet: OOB]" and, as in tshark, the hidden one its expert adds.
            assertEquals(2, Toy.values(p, "_ws.malformed").size());
            assertEquals(0, toy.host.stats().get(0).errors(), "a bounds error is the packet's fault, not the script's");
        }
    }

    @Test
    void pinfoAttributesAndConversations() {
        try (Toy toy = new Toy().load("pinfo.js", """
                const p = new Proto("pi", "Pinfo Probe");
                p.dissector = (tvb, pinfo, tree) => {
                  const c = pinfo.conversation;
                  c.count = (c.count || 0) + 1;
                  pinfo.cols.info.set([pinfo.number, pinfo.src, pinfo.dst, pinfo.net_src.type, pinfo.src_port,
                    pinfo.dst_port, pinfo.port_type, pinfo.visited, pinfo.len, pinfo.caplen, c.index, c.count,
                    pinfo.curr_proto, pinfo.layers].join(" "));
                };
                DissectorTable.get("toy.port").add(7006, p);
                """)) {
            assertEquals("1 10.0.0.1 10.0.0.2 IPv4 40000 7006 toy false 5 5 0 1 pi frame:toy:pi",
                    toy.frame(40000, 7006, bytes(1)).columns().info());
            assertEquals("2 10.0.0.1 10.0.0.2 IPv4 40000 7006 toy false 5 5 0 2 pi frame:toy:pi",
                    toy.frame(40000, 7006, bytes(1)).columns().info());
            assertTrue(toy.frame(40001, 7006, bytes(1)).columns().info().contains(" 1 1 pi"));
        }
    }

    @Test
    void dissectTcpPdusAsksForTheRestOfACutPdu() {
        ToyStack.canDesegment = true;
        try (Toy toy = new Toy().load("pdus.js", """
                const p = new Proto("pdu", "PDU Probe");
                const f = { len: ProtoField.uint8("pdu.len", "Len"), body: ProtoField.bytes("pdu.body", "Body") };
                p.fields = f;
                p.dissector = (tvb, pinfo, tree) => dissectTcpPdus(tvb, tree, 1,
                    (tvb, pinfo, off) => 1 + tvb.range(off, 1).uint(),
                    (tvb, pinfo, tree) => {
                      const t = tree.add(p, tvb.range(0));
                      t.add(f.len, tvb.range(0, 1));
                      t.add(f.body, tvb.range(1));
                      pinfo.cols.info.append("[" + tvb.len() + "]");
                    });
                DissectorTable.get("toy.port").add(7007, p);
                """)) {
            DissectedPacket p = toy.frame(1, 7007, bytes(2, 0xa, 0xb, 1, 0xc, 3, 0xd));
            assertEquals("2,1", value(p, "pdu.len"));
            assertEquals("0a0b,0c", value(p, "pdu.body"));
            assertEquals(5, ToyStack.lastDesegmentOffset, "the third PDU starts at 5");
            assertEquals(2, ToyStack.lastDesegmentLength, "and needs 2 more bytes");
        } finally {
            ToyStack.canDesegment = false;
        }
    }

    @Test
    void helpersOfTheApi() {
        try (Toy toy = new Toy().load("misc.js", """
                const p = new Proto("misc", "Misc Probe");
                p.dissector = (tvb, pinfo, tree) => {
                  const ba = ByteArray.new("01 02 0a");
                  const sub = ba.tvb("Decoded");
                  pinfo.cols.info.set([ba.len(), ba.tohex(), ba.subset(1, 2).tohex(true), sub.range(2, 1).uint(),
                    new NSTime(1, 5).toString(), Address.ip("1.2.3.4").toString(), typeof get_version(),
                    UInt64(-1).toString(), ENC_LITTLE_ENDIAN, DESEGMENT_ONE_MORE_SEGMENT].join(" "));
                };
                DissectorTable.get("toy.port").add(7008, p);
                """)) {
            DissectedPacket p = toy.frame(1, 7008, bytes(1));
            assertEquals("3 01020A 020a 10 1.000000005 1.2.3.4 string 18446744073709551615 2147483648 268435455",
                    p.columns().info());
            assertEquals(2, p.dataSources().size(), "ByteArray.tvb adds a data source");
        }
    }

    @Test
    void pinfoIsTheJavaPacketInfo() {
        assertTrue(PacketInfo.ONE_MORE_SEGMENT == 0x0fffffff);
    }
}
