package dev.dorsal.engine.script;

import static dev.dorsal.engine.script.Toy.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import org.junit.jupiter.api.Test;

/** Preferences (-o), init per capture, field extractors and Listener taps. */
class PrefsAndTapsTest {

    @Test
    void preferencesInitAndPrefsChanged() {
        try (Toy toy = new Toy().load("prefs.js", """
                const p = new Proto("pr", "Pref Probe");
                p.prefs.port = Pref.uint("Port", 7200, "The port");
                p.prefs.verbose = Pref.bool("Verbose", false, "More Info");
                p.prefs.name = Pref.string("Name", "x", "A name");
                p.prefs.ports = Pref.range("Ports", "1-3", "More ports", 65535);
                p.prefs.mode = Pref.enum("Mode", 2, "How", [[1, "fast", "Fast", 1], [2, "slow", "Slow", 2]], false);
                let inits = 0, changes = 0;
                p.init = () => { inits++; };
                p.prefs_changed = () => { changes++; };
                p.dissector = (tvb, pinfo, tree) => {
                  pinfo.cols.info.set([p.prefs.port, p.prefs.verbose, p.prefs.name, p.prefs.ports, p.prefs.mode, inits, changes].join(" "));
                };
                DissectorTable.get("toy.port").add(p.prefs.port, p);
                """)) {
            assertEquals("7200 false x 1-3 2 1 0", toy.frame(1, 7200, bytes(1)).columns().info());
            var r = ToyStack.registry();
            assertTrue(r.setPreference("pr.verbose", "TRUE"));
            assertTrue(r.setPreference("pr.mode", "fast"));
            assertTrue(r.setPreference("pr.name", "y"));
            assertEquals("7200 true y 1-3 1 1 0", toy.frame(1, 7200, bytes(1)).columns().info());
            // A new capture: init runs again and prefs_changed sees the new values.
            Dissection next = new Dissection(r);
            assertEquals("7200 true y 1-3 1 2 1",
                    next.dissect(ToyStack.frame(1, 1, 7200, bytes(1)), DissectionOptions.FULL).columns().info());
            r.setPreference("pr.verbose", "FALSE");
            r.setPreference("pr.mode", "slow");
            r.setPreference("pr.name", "x");
        }
    }

    @Test
    void fieldExtractorsAndListeners() {
        try (Toy toy = new Toy().load("tap.js", """
                const p = new Proto("tp", "Tap Probe");
                const f = { v: ProtoField.uint8("tp.v", "V") };
                p.fields = f;
                const srcport = Field.new("toy.srcport");
                const v = Field.new("tp.v");
                p.dissector = (tvb, pinfo, tree) => {
                  tree.add(p, tvb.range(0)).add(f.v, tvb.range(0, 1));
                  pinfo.cols.info.set("src " + srcport().value + " " + srcport().display + " n=" + srcport.all().length);
                };
                DissectorTable.get("toy.port").add(7300, p);
                const tap = new Listener("frame", "tp");
                const seen = [];
                tap.packet = (pinfo, tvb) => { seen.push(pinfo.number + ":" + v().value + ":" + tvb.len() + ":" + pinfo.cols.protocol); };
                tap.draw = () => { print("seen " + seen.join(" ")); };
                tap.reset = () => { seen.length = 0; };
                """)) {
            DissectionOptions summary = DissectionOptions.SUMMARY;
            assertEquals("src 41000 41000 n=1", toy.frame(summary, 41000, 7300, bytes(5)).columns().info());
            toy.frame(summary, 41000, 7301, bytes(6));
            toy.frame(summary, 41000, 7300, bytes(7));
            toy.host.draw();
            assertEquals("seen 1:5:5:TOY 3:7:5:TOY", toy.printed().strip());
            toy.host.resetTaps();
            toy.host.draw();
            assertTrue(toy.printed().strip().endsWith("seen"));
        }
    }
}
