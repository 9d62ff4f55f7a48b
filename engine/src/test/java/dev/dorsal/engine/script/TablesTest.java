package dev.dorsal.engine.script;

import static dev.dorsal.engine.script.Toy.bytes;
import static dev.dorsal.engine.script.Toy.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripts and Java dissectors in one registry: tables, Decode-As, heuristics, calls both ways. */
class TablesTest {

    @Test
    void aScriptTakesAPortFromJavaAndDecodeAsGivesItBack() {
        Registry r = ToyStack.registry();
        ProtocolDef javaProto = new ProtocolDef("Java Echo", "JECHO", "jecho");
        DissectorHandle java = javaHandle(r, javaProto);
        r.findTable("toy.port").add(7100, java);
        try (Toy toy = new Toy().load("takeover.js", """
                const p = new Proto("jsecho", "JS Echo");
                p.dissector = (tvb, pinfo, tree) => { pinfo.cols.protocol = "JSECHO"; tree.add(p, tvb.range(0)); };
                DissectorTable.get("toy.port").add(7100, p);
                """)) {
            assertEquals("JSECHO", toy.frame(1, 7100, bytes(1)).columns().protocol());
            DissectorHandle js = r.findTable("toy.port").lookup(7100);
            r.findTable("toy.port").decodeAs(7100, java);
            assertEquals("JECHO", toy.frame(1, 7100, bytes(1)).columns().protocol());
            r.findTable("toy.port").decodeAs(7100, null);
            assertEquals("JSECHO", toy.frame(1, 7100, bytes(1)).columns().protocol());
            assertEquals("jsecho", js.name());
        }
        assertEquals(java, r.findTable("toy.port").lookup(7100), "closing the host gives the port back to Java");
    }

    private static DissectorHandle javaHandle(Registry r, ProtocolDef proto) {
        if (r.handle("jecho") == null) {
            r.install(List.of(new DissectorProvider() {
                @Override public String name() { return "jecho"; }

                @Override
                public void register(Registrar reg) {
                    reg.protocol(proto);
                    reg.handle("jecho", proto, (tvb, pinfo, tree) -> {
                        pinfo.columns().setProtocol("JECHO");
                        // Java calls a script by handle name, as it would call a Java dissector.
                        DissectorHandle js = pinfo.tables().handle("jsinner");
                        if (js != null && tvb.length() > 1) {
                            pinfo.call(js, tvb.slice(1), tree);
                        }
                        return tvb.length();
                    });
                }
            }));
        }
        return r.handle("jecho");
    }

    @Test
    void scriptsAndJavaCallEachOther() {
        Registry r = ToyStack.registry();
        DissectorHandle java = javaHandle(r, new ProtocolDef("Java Echo", "JECHO", "jecho"));
        try (Toy toy = new Toy().load("calls.js", """
                const outer = new Proto("jsouter", "JS Outer");
                const inner = new Proto("jsinner", "JS Inner");
                const f = { v: ProtoField.uint8("jsinner.v", "V") };
                inner.fields = f;
                inner.dissector = (tvb, pinfo, tree) => { tree.add(inner, tvb.range(0)).add(f.v, tvb.range(0, 1)); pinfo.cols.info.append(" inner"); };
                outer.dissector = (tvb, pinfo, tree) => {
                  pinfo.cols.info.set("outer");
                  return Dissector.get("jecho").call(tvb, pinfo, tree);      // script -> Java -> script
                };
                DissectorTable.get("toy.port").add(7101, outer);
                """)) {
            DissectedPacket p = toy.frame(1, 7101, bytes(9, 42));
            assertEquals("outer inner", p.columns().info());
            assertEquals("42", value(p, "jsinner.v"));
            assertEquals("toy:jsouter:jecho:jsinner", p.protocolsInFrame());
        }
        assertTrue(java != null);
    }

    @Test
    void tableMethodsRangesStringTablesAndHeuristics() {
        try (Toy toy = new Toy().load("tables.js", """
                const p = new Proto("tb", "Table Probe");
                const sub = DissectorTable.new("tb.kind", "Table Probe kind", ftypes.STRING);
                const leaf = new Proto("tbleaf", "Table Leaf");
                leaf.dissector = (tvb, pinfo, tree) => { pinfo.cols.info.append(" leaf:" + tvb.range(0).string()); };
                sub.add("hello", leaf);
                p.dissector = (tvb, pinfo, tree) => {
                  pinfo.cols.protocol = "TB";
                  pinfo.cols.info.set("tb");
                  const n = sub.try(tvb.range(0).string(), tvb, pinfo, tree);
                  pinfo.cols.info.append(" n=" + n + " get=" + (sub.get_dissector("hello") !== null) + "/" + sub.get_dissector("nope"));
                };
                const ports = DissectorTable.get("toy.port");
                ports.add("7110-7112,7115", p);
                ports.remove(7111, p);
                const heur = new Proto("hr", "Heuristic Probe");
                heur.register_heuristic("toy", (tvb, pinfo, tree) => {
                  if (tvb.len() < 2 || tvb.range(0, 2).string() !== "HR") return false;
                  pinfo.cols.protocol = "HR";
                  tree.add(heur, tvb.range(0));
                  return true;
                });
                """)) {
            assertEquals("tb leaf:hello n=5 get=true/null", toy.frame(1, 7110, Toy.ascii("hello")).columns().info());
            assertEquals("TB", toy.frame(1, 7112, Toy.ascii("x")).columns().protocol());
            assertEquals("TB", toy.frame(1, 7115, Toy.ascii("x")).columns().protocol());
            assertEquals("TOY", toy.frame(1, 7111, Toy.ascii("x")).columns().protocol());
            assertEquals("HR", toy.frame(1, 9999, Toy.ascii("HR!")).columns().protocol());
            assertEquals("TOY", toy.frame(1, 9999, Toy.ascii("no")).columns().protocol());
        }
        assertNull(ToyStack.registry().findTable("toy.port").lookup(7110), "unloaded with the host");
        assertEquals("TOY", new Toy().frame(1, 9999, Toy.ascii("HR!")).columns().protocol(), "heuristic switched off");
    }
}
