package dev.dorsal.engine.script;

import static dev.dorsal.engine.script.Toy.bytes;
import static dev.dorsal.engine.script.Toy.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import org.junit.jupiter.api.Test;

/** ProtoField constructors, bases, value strings and masks, read back as -T fields and labels show them. */
class ProtoFieldTest {
    private static final String FIELDS = """
            const p = new Proto("pf", "Field Probe");
            const f = {
              u8: ProtoField.uint8("pf.u8", "U8", base.HEX, {1: "one", 2: "two"}),
              u16: ProtoField.uint16("pf.u16", "U16"),
              u24: ProtoField.uint24("pf.u24", "U24", base.DEC_HEX),
              u32: ProtoField.uint32("pf.u32", "U32", base.HEX),
              u64: ProtoField.uint64("pf.u64", "U64"),
              i8: ProtoField.int8("pf.i8", "I8"),
              i32: ProtoField.int32("pf.i32", "I32", base.DEC),
              hi: ProtoField.uint8("pf.hi", "High nibble", base.DEC, [[0, 7, "low"], [8, 15, "high"]], 0xf0),
              flag: ProtoField.bool("pf.flag", "Flag", 8, ["on", "off"], 0x01),
              str: ProtoField.string("pf.str", "Str"),
              strz: ProtoField.stringz("pf.strz", "StrZ"),
              raw: ProtoField.bytes("pf.raw", "Raw"),
              ip: ProtoField.ipv4("pf.ip", "IP"),
              mac: ProtoField.ether("pf.mac", "MAC"),
              rel: ProtoField.relative_time("pf.rel", "Rel"),
              dbl: ProtoField.double("pf.dbl", "Dbl"),
              none: ProtoField.none("pf.none", "None"),
              gen: ProtoField.new("Generic", "pf.gen", ftypes.UINT16, null, base.HEX),
            };
            p.fields = f;
            p.dissector = (tvb, pinfo, tree) => {
              const t = tree.add(p, tvb.range(0));
              t.add(f.u8, tvb.range(0, 1));
              t.add(f.u16, tvb.range(1, 2));
              t.add_le(f.u16, tvb.range(1, 2));
              t.add(f.u24, tvb.range(1, 3));
              t.add(f.u32, tvb.range(0, 4));
              t.add(f.u64, tvb.range(0, 8));
              t.add(f.i8, tvb.range(3, 1));
              t.add(f.i32, tvb.range(0, 4), -5);
              t.add(f.hi, tvb.range(3, 1));
              t.add(f.flag, tvb.range(0, 1));
              t.add(f.str, tvb.range(8, 5));
              t.add(f.strz, tvb.range(8, tvb.range(8).strsize()));
              t.add(f.raw, tvb.range(0, 3));
              t.add(f.ip, tvb.range(0, 4));
              t.add(f.ip, tvb.range(0, 0), "10.1.2.3");
              t.add(f.mac, tvb.range(0, 6));
              t.add(f.rel, tvb.range(0, 0), new NSTime(1, 500000000));
              t.add(f.dbl, tvb.range(0, 0), 2.5);
              t.add(f.none, tvb.range(0, 1));
              t.add(f.gen, tvb.range(1, 2));
              t.add(f.u64, tvb.range(0, 0), 18446744073709551615n);
              return tvb.len();
            };
            DissectorTable.get("toy.port").add(7001, p);
            """;

    @Test
    void fieldsDecodeAsTsharkShowsThem() {
        try (Toy toy = new Toy().load("fields.js", FIELDS)) {
            DissectedPacket p = toy.frame(40000, 7001, bytes(1, 0x02, 0x03, 0xf4, 5, 6, 7, 8, 'h', 'e', 'l', 'l', 'o', 0, 'x'));
            assertEquals("0x01", value(p, "pf.u8"));
            assertEquals("515,770", value(p, "pf.u16"));
            assertEquals("132084", value(p, "pf.u24"));
            assertEquals("0x010203f4", value(p, "pf.u32"));
            assertEquals("72624890582533896,18446744073709551615", value(p, "pf.u64"));
            assertEquals("-12", value(p, "pf.i8"));
            assertEquals("-5", value(p, "pf.i32"));
            assertEquals("15", value(p, "pf.hi"));
            assertEquals("1", value(p, "pf.flag"));
            assertEquals("hello", value(p, "pf.str"));
            assertEquals("hello", value(p, "pf.strz"));
            assertEquals("010203", value(p, "pf.raw"));
            assertEquals("1.2.3.244,10.1.2.3", value(p, "pf.ip"));
            assertEquals("01:02:03:f4:05:06", value(p, "pf.mac"));
            assertEquals("1.500000000", value(p, "pf.rel"));
            assertEquals("2.5", value(p, "pf.dbl"));
            assertEquals("0x0203", value(p, "pf.gen"));
            String labels = Toy.labels(p);
            assertTrue(labels.contains("U8: one (0x01)"), labels);
            assertTrue(labels.contains("High nibble: high (15)"), labels);
            assertTrue(labels.contains("Flag: on"), labels);
        }
    }

    @Test
    void fieldsAreRegisteredWithTheirTypes() {
        try (Toy toy = new Toy().load("fields.js", FIELDS)) {
            var reg = ToyStack.registry().fields();
            FieldDef u24 = reg.first("pf.u24");
            assertEquals(FieldType.UINT24, u24.type());
            assertEquals("pf", u24.protocolFilterName());
            assertEquals(0xf0, reg.first("pf.hi").mask());
            assertEquals("Field Probe", reg.protocol("pf").name());
        }
    }

    @Test
    void badDeclarationsFailAtLoadWithWsluaStyleMessages() {
        try (Toy toy = new Toy()) {
            ScriptException e = assertThrows(ScriptException.class, () -> toy.load("bad1.js", """
                    const p = new Proto("bad1", "Bad");
                    p.fields = [ProtoField.uint8("", "Empty")];
                    """));
            assertTrue(e.getMessage().contains("ProtoField.uint8: bad argument #1 (abbr)"), e.getMessage());
            assertEquals("bad1.js", e.file());
            assertEquals(2, e.line());
            e = assertThrows(ScriptException.class, () -> toy.load("bad2.js", """
                    const p = new Proto("bad2", "Bad");
                    p.fields = [ProtoField.int16("bad2.x", "X", base.HEX)];
                    """));
            assertTrue(e.getMessage().contains("signed fields take base.DEC"), e.getMessage());
            e = assertThrows(ScriptException.class, () -> toy.load("bad3.js", """
                    const p = new Proto("bad3", "Bad");
                    p.fields = [ProtoField.string("toy.srcport", "Clash")];
                    """));
            assertTrue(e.getMessage().contains("incompatible ftype"), e.getMessage());
            e = assertThrows(ScriptException.class, () -> toy.load("bad4.js", "new Proto(\"toy\", \"Toy again\");"));
            assertTrue(e.getMessage().contains("there cannot be two protocols named 'toy'"), e.getMessage());
            e = assertThrows(ScriptException.class, () -> toy.load("bad5.js", """
                    const p = new Proto("bad5", "Bad");
                    p.fields = [ProtoField.bool("bad5.b", "B", base.NONE, null, 0x4)];
                    """));
            assertTrue(e.getMessage().contains("bitmask needs the parent's bit width"), e.getMessage());
        }
    }
}
