package dev.dorsal.engine.script;

import static dev.dorsal.engine.script.Toy.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reload() re-registers changed scripts: new code, same handle, table entries of the old version undone. */
class ReloadTest {
    @Test
    void changedScriptsAreReloaded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rl.js");
        Files.writeString(file, """
                const p = new Proto("rl", "Reload Probe");
                p.dissector = (tvb, pinfo, tree) => { pinfo.cols.info.set("version 1"); };
                DissectorTable.get("toy.port").add(7500, p);
                DissectorTable.get("toy.port").add(7501, p);
                """);
        try (Toy toy = new Toy()) {
            toy.host.loadAll(List.of(dir));
            assertEquals("version 1", toy.frame(1, 7500, bytes(1)).columns().info());
            assertEquals(List.of(), toy.host.reload(), "nothing changed");
            var handle = ToyStack.registry().handle("rl");
            Files.writeString(file, """
                    const p = new Proto("rl", "Reload Probe");
                    p.dissector = (tvb, pinfo, tree) => { pinfo.cols.info.set("version 2"); };
                    DissectorTable.get("toy.port").add(7500, p);
                    """);
            assertEquals(List.of(file.toString()), toy.host.reload());
            assertEquals("version 2", toy.frame(1, 7500, bytes(1)).columns().info());
            assertNull(ToyStack.registry().findTable("toy.port").lookup(7501), "the dropped registration is undone");
            assertEquals(handle, ToyStack.registry().handle("rl"), "the handle keeps its identity");
        }
    }
}
