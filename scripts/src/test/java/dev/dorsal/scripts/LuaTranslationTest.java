package dev.dorsal.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Lua probe Wireshark itself ran (shared/reference/tshark-4.0.17/lua_probe.lua), translated line by
 * line into JavaScript (dissectors/examples/lua_probe.js), gives what tshark -X lua_script gave: Protocol,
 * Info, fields, the expert info, the tap's output and the call count.
 */
class LuaTranslationTest {
    @Test
    void translatedLuaProbeBehavesAsTsharkRanTheLua() throws Exception {
        Tsv expected = Tsv.resource("http2.hdrblk.tsv");
        try (ScriptRun run = new ScriptRun().load("examples/lua_probe.js")) {
            var rows = run.rows("http2.pcap", expected.fields());
            FieldComparison.assertSame("lua_probe.js on http2.pcap", expected, rows, Set.of("HDRBLK"), UnaryOperator.identity());
            String tap;
            try (InputStream in = getClass().getResourceAsStream("/captures/http2.hdrblk.tap.txt")) {
                tap = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            assertEquals(tap, run.printed.toString(StandardCharsets.UTF_8).strip(), "the Listener's draw() output");
        }
    }
}
