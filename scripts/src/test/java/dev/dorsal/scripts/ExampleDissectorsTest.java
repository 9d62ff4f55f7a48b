package dev.dorsal.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.script.ScriptStats;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each example dissector against tshark's own dissector for its protocol, on a capture recorded from
 * real software (scripts/captures/make_captures.sh; expected values by make_expected.sh).
 */
class ExampleDissectorsTest {

    private static void check(String script, String capture, String tsv, Set<String> protocols) throws Exception {
        Tsv expected = Tsv.resource(tsv);
        try (ScriptRun run = new ScriptRun().load(script)) {
            List<List<String>> rows = run.rows(capture, expected.fields());
            FieldComparison.assertSame(script + " on " + capture, expected, rows, protocols, UnaryOperator.identity());
            for (ScriptStats s : run.host.stats()) {
                assertEquals(0, s.errors(), s.toString());
                assertEquals(0, s.timeouts(), s.toString());
                assertTrue(s.calls() > 0, s + ": never called");
            }
        }
    }

    @Test
    void redisRespAcrossSegmentsMatchesTshark() throws Exception {
        check("resp.js", "redis.pcap", "redis.resp.tsv", Set.of("RESP"));
    }

    @Test
    void mqttMatchesTshark() throws Exception {
        check("mqtt.js", "mqtt.pcap", "mqtt.mqtt.tsv", Set.of("MQTT"));
    }

    @Test
    void syslogMatchesTshark() throws Exception {
        check("syslog.js", "syslog.pcap", "syslog.syslog.tsv", Set.of("Syslog"));
    }
}
