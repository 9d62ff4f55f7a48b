package dev.dorsal.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.script.ScriptHost;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dissectors shipped in this module load together into the default registry, as `dorsal` loads them. */
class BundledScriptsTest {
    @Test
    void everyBundledScriptLoads() {
        Map<String, String> bundled = ScriptHost.bundledScripts();
        assertTrue(bundled.keySet().containsAll(java.util.List.of("mqtt.js", "resp.js", "syslog.js", "tutorial.js", "udp.js")),
                bundled.keySet().toString());
        Registry registry = ScriptRun.registry();
        try (ScriptHost host = new ScriptHost(registry)) {
            assertEquals(java.util.List.of(), host.loadBundled());
            assertEquals(bundled.size(), host.scripts().size());
            assertNotNull(registry.handle("resp"));
            assertNotNull(registry.handle("udp_js"));
            // Scripts bind their ports beside the Java dissectors; the Java UDP stays in place.
            assertEquals("resp", registry.findTable("tcp.port").lookup(6379).name());
            assertEquals("mqtt", registry.findTable("tcp.port").lookup(1883).name());
            // syslog.js takes over the Java Syslog dissector's name and its port ({reuse: true}).
            assertEquals("syslog_js", registry.findTable("udp.port").lookup(514).name());
            assertNotNull(registry.handle("syslog"));
            assertEquals("udp", registry.findTable("ip.proto").lookup(17).name());
        }
    }
}
