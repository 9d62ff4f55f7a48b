package dev.dorsal.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JavaScript UDP header (dissectors/udp.js, the benchmark's JS side) switched on with Decode-As in
 * place of the Java one: the same values as tshark's UDP, and the same output as the Java dissector on
 * every column and field the two produce.
 */
class JavaScriptUdpTest {
    private static ScriptRun withJsUdp() {
        return new ScriptRun().load("udp.js", "syslog.js").decodeAs("ip.proto", 17, "udp_js");
    }

    @ParameterizedTest
    @ValueSource(strings = {"syslog", "ntp", "dns"})
    void matchesTshark(String name) throws Exception {
        Tsv expected = Tsv.resource(name + ".udp.tsv");
        try (ScriptRun run = withJsUdp()) {
            var rows = run.rows(name + ".pcap", expected.fields());
            // Protocol/Info belong to the protocols above UDP here (tshark dissects NTP and DNS), so only fields count.
            FieldComparison.assertSame("udp.js on " + name + ".pcap", expected, rows, Set.of(), UnaryOperator.identity());
            assertTrue(run.host.stats().stream().anyMatch(s -> s.script().endsWith("udp.js") && s.calls() > 0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"syslog.pcap", "ntp.pcap", "dns.pcap", "redis.pcap"})
    void sameOutputAsTheJavaUdpDissector(String capture) throws Exception {
        List<String> fields = new ArrayList<>(List.of("frame.number", "_ws.col.Protocol", "_ws.col.Info", "frame.protocols",
                "udp.srcport", "udp.dstport", "udp.port", "udp.length", "udp.checksum", "udp.checksum.status", "udp.stream",
                "udp.time_relative", "udp.time_delta", "udp.payload", "syslog.msg", "data.data", "_ws.expert.message",
                "_ws.malformed"));
        List<List<String>> java;
        try (ScriptRun run = new ScriptRun().load("syslog.js")) {
            java = run.rows(capture, fields);
        }
        try (ScriptRun run = withJsUdp()) {
            List<List<String>> js = run.rows(capture, fields);
            assertEquals(java, js, "JS UDP vs Java UDP on " + capture);
            System.out.println("udp.js vs UdpDissector on " + capture + ": " + js.size() * fields.size() + " values equal");
        }
    }
}
