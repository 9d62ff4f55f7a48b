package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.shell.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -X js_script:FILE}, tshark's {@code -X lua_script:} for JavaScript dissectors. */
class JsScriptOptionTest {
    /** The shell module's tests run in shell/: the example dissectors and their captures are siblings. */
    private static final Path RESP = Path.of("../scripts/dissectors/resp.js");
    private static final Path REDIS = Path.of("../scripts/src/test/resources/captures/redis.pcap");

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aScriptDissectsItsPortForOneRunOnly() {
        Result with = run("-r", REDIS.toString(), "-X", "js_script:" + RESP, "-T", "fields", "-e", "frame.number",
                "-e", "resp.string", "-Y", "resp.string");
        assertEquals(0, with.exit(), with.err());
        assertTrue(with.out().contains("6\tPONG\n"), with.out());
        // The registry is shared by every run of this JVM: the script's port entry is gone afterwards.
        Result without = run("-r", REDIS.toString(), "-c", "6");
        assertEquals(0, without.exit(), without.err());
        assertFalse(without.out().contains("RESP"), without.out());
    }

    @Test
    void aBrokenScriptIsReportedWithItsLineAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.js");
        Files.writeString(bad, "const p = new Proto('bad', 'Bad');\nthis is not javascript\n");
        Result r = run("-r", REDIS.toString(), "-X", "js_script:" + bad, "-c", "2");
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("bad.js") && r.err().contains(":2"), r.err());
        assertEquals(2, r.out().lines().count());
    }

    @Test
    void missingScriptsAndLuaAreClearUsageErrors() {
        Result missing = run("-r", REDIS.toString(), "-X", "js_script:/no/such.js");
        assertEquals(1, missing.exit());
        assertEquals("dorsal: -X js_script: the script \"/no/such.js\" doesn't exist.\n", missing.err());
        Result lua = run("-r", REDIS.toString(), "-X", "lua_script:x.lua");
        assertEquals(1, lua.exit());
        assertTrue(lua.err().contains("Dorsal runs JavaScript, not Lua"), lua.err());
    }
}
