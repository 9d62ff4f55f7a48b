package dev.dorsal.engine.script;

import static dev.dorsal.engine.script.Toy.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script that reaches for files, sockets, processes or Java classes gets nothing; one that spins
 * forever is interrupted and switched off; one that throws on every packet is contained per packet.
 * In every case the other packets and dissectors go on, and the host counts and reports it.
 */
class SandboxTest {
    private static String probe(String proto, int port, String body) {
        return "const p = new Proto(\"" + proto + "\", \"Sandbox probe\");\n"
                + "p.dissector = (tvb, pinfo, tree) => {\n"
                + "  let r;\n  try { r = (() => { " + body + " })(); r = 'allowed: ' + r; } catch (e) { r = 'denied: ' + e; }\n"
                + "  pinfo.cols.info.set(r);\n};\n"
                + "DissectorTable.get(\"toy.port\").add(" + port + ", p);\n";
    }

    private static String run(String proto, int port, String body) {
        try (Toy toy = new Toy().load(proto + ".js", probe(proto, port, body))) {
            return toy.frame(1, port, bytes(1)).columns().info();
        }
    }

    @Test
    void noFilesNetworkProcessesOrJavaClasses(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.js");
        Files.writeString(secret, "'the secret'");
        String path = secret.toString().replace("\\", "\\\\");
        assertTrue(run("sbload", 7400, "return load('" + path + "');").startsWith("denied"), "load() of a file");
        assertTrue(run("sbjava", 7401, "return Java.type('java.io.File');").startsWith("denied"), "Java.type");
        assertTrue(run("sbsock", 7402, "return Java.type('java.net.Socket');").startsWith("denied"), "sockets via Java");
        assertTrue(run("sbproc", 7403, "return Java.type('java.lang.ProcessBuilder');").startsWith("denied"), "processes");
        assertTrue(run("sbpoly", 7404, "return Polyglot.eval('js', '1');").startsWith("denied"), "other languages");
        assertTrue(run("sbreq", 7405, "return require('fs');").startsWith("denied"), "node modules");
        assertTrue(run("sbhost", 7406, "return typeof __host + typeof R + typeof P;").equals("allowed: undefinedundefinedundefined"),
                "the host façade is not reachable from the script");
    }

    @Test
    void readingFilesCanBeGranted(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.js");
        Files.writeString(secret, "'the secret'");
        String path = secret.toString().replace("\\", "\\\\");
        try (Toy toy = new Toy(ScriptOptions.defaults().withPermissions(Set.of(ScriptPermission.READ_FILES)))
                .load("sbgrant.js", probe("sbgrant", 7410, "return load('" + path + "');"))) {
            assertEquals("allowed: the secret", toy.frame(1, 7410, bytes(1)).columns().info());
        }
    }

    @Test
    void aScriptThatSpinsForeverIsInterruptedCountedAndSwitchedOff() {
        try (Toy toy = Toy.withLimit(Duration.ofMillis(200)).load("spin.js", """
                const p = new Proto("spin", "Spinner");
                p.dissector = (tvb, pinfo, tree) => { pinfo.cols.protocol = "SPIN"; for (;;) {} };
                DissectorTable.get("toy.port").add(7420, p);
                """).load("fine.js", """
                const q = new Proto("fine", "Fine");
                q.dissector = (tvb, pinfo, tree) => { pinfo.cols.protocol = "FINE"; };
                DissectorTable.get("toy.port").add(7421, q);
                """)) {
            for (int i = 0; i < 3; i++) {
                DissectedPacket p = toy.frame(1, 7420, bytes(1));
                assertTrue(p.malformed(), "an interrupted call marks its packet");
                assertTrue(p.columns().info().contains("[Dissector bug]"), p.columns().info());
                assertEquals("FINE", toy.frame(1, 7421, bytes(1)).columns().protocol(), "the others go on");
            }
            // After three timeouts the spinner is switched off: its port falls through to data.
            DissectedPacket after = toy.frame(1, 7420, bytes(1));
            assertEquals("TOY", after.columns().protocol());
            assertEquals("01", Toy.value(after, "data.data"));
            assertTrue(!after.malformed());
            ScriptStats s = toy.host.stats().get(0);
            assertEquals(3, s.timeouts());
            assertTrue(s.disabled(), s.toString());
            assertTrue(toy.host.report().contains("spin.js: 3 calls, 0 errors, 3 timeouts, disabled"), toy.host.report());
        }
    }

    @Test
    void aScriptThatThrowsOnEveryPacketIsContainedPerPacket() {
        try (Toy toy = new Toy().load("throws.js", """
                const p = new Proto("thr", "Thrower");
                const f = { a: ProtoField.uint8("thr.a", "A") };
                p.fields = f;
                p.dissector = (tvb, pinfo, tree) => {
                  pinfo.cols.protocol = "THR";
                  tree.add(p, tvb.range(0)).add(f.a, tvb.range(0, 1));
                  null.boom();
                };
                DissectorTable.get("toy.port").add(7430, p);
                """)) {
            for (int i = 0; i < 50; i++) {
                DissectedPacket p = toy.frame(1, 7430, bytes(i));
                assertTrue(p.malformed());
                assertEquals(Integer.toString(i), Toy.value(p, "thr.a"), "the tree so far is kept");
                assertTrue(Toy.value(p, "_ws.expert.message").contains("throws.js:7:"),
                        "the error names the script's line: " + Toy.value(p, "_ws.expert.message"));
            }
            ScriptStats s = toy.host.stats().get(0);
            assertEquals(50, s.errors());
            assertEquals(50, s.calls());
            assertTrue(s.lastError().startsWith("throws.js:7:"), s.lastError());
            assertTrue(toy.host.report().contains("50 errors"), toy.host.report());
        }
    }

    @Test
    void aScriptThatSpinsWhileLoadingFailsToLoad() {
        try (Toy toy = new Toy(ScriptOptions.defaults().withCallTimeLimit(Duration.ofMillis(200)))) {
            ScriptOptions slow = new ScriptOptions(Duration.ofMillis(200), Duration.ofMillis(300), 3, Set.of(), System.err);
            try (ScriptHost host = new ScriptHost(ToyStack.registry(), slow)) {
                ScriptException e = assertThrows(ScriptException.class, () -> host.load("loadspin.js", "for (;;) {}"));
                assertTrue(e.getMessage().contains("loading took longer than 300 ms"), e.getMessage());
                assertEquals(java.util.List.of(), host.scripts());
            }
            assertEquals("TOY", toy.frame(1, 7499, bytes(1)).columns().protocol());
        }
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() {
        try (Toy toy = new Toy()) {
            ScriptException e = assertThrows(ScriptException.class, () -> toy.load("syntax.js", "const p = 1;\nlet x = = 2;\n"));
            assertEquals("syntax.js", e.file());
            assertEquals(2, e.line());
            assertTrue(e.column() > 0);
            assertTrue(e.getMessage().startsWith("syntax.js:2:"), e.getMessage());
        }
    }
}
