package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.shell.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -X js_script:FILE}, tshark's {@code -X lua_script:} for JavaScript dissectors. */
class JsScriptOptionTest {
    /** The shell module's tests run in shell/: the example dissectors and their captures are siblings. */
    private static final Path RESP = Path.of("../scripts/dissectors/resp.js");
    private static final Path REDIS = Path.of("../scripts/src/test/resources/captures/redis.pcap");

    @Test
    void aScriptDissectsItsPortForOneRunOnly() {
        CliRun with = CliRun.run("-r", REDIS.toString(), "-X", "js_script:" + RESP, "-T", "fields", "-e", "frame.number",
                "-e", "resp.string", "-Y", "resp.string");
        assertEquals(0, with.exit(), with.err());
        assertTrue(with.out().contains("6\tPONG\n"), with.out());
        // The registry is shared by every run of this JVM: the script's port entry is gone afterwards.
        CliRun without = CliRun.run("-r", REDIS.toString(), "-c", "6");
        assertEquals(0, without.exit(), without.err());
        assertFalse(without.out().contains("RESP"), without.out());
    }

    @Test
    void aBrokenScriptIsReportedWithItsLineAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.js");
        Files.writeString(bad, "const p = new Proto('bad', 'Bad');\nthis is not javascript\n");
        CliRun r = CliRun.run("-r", REDIS.toString(), "-X", "js_script:" + bad, "-c", "2");
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("bad.js") && r.err().contains(":2"), r.err());
        assertEquals(2, r.out().lines().count());
    }

    @Test
    void missingScriptsAndLuaAreClearUsageErrors() {
        CliRun missing = CliRun.run("-r", REDIS.toString(), "-X", "js_script:/no/such.js");
        assertEquals(1, missing.exit());
        assertEquals("dorsal: -X js_script: the script \"/no/such.js\" doesn't exist.\n", missing.err());
        CliRun lua = CliRun.run("-r", REDIS.toString(), "-X", "lua_script:x.lua");
        assertEquals(1, lua.exit());
        assertTrue(lua.err().contains("Dorsal runs JavaScript, not Lua"), lua.err());
    }
}
