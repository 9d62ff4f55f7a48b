package dev.dorsal.scripts;

import dev.dorsal.engine.script.ScriptHost;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tutorial dissector, bound to NTP's port with Decode-As, reads the same values as tshark's NTP. */
class TutorialTest {
    private static final Map<String, String> NAMES = Map.of("ntp.flags.li", "tutorial.li", "ntp.flags.vn", "tutorial.vn",
            "ntp.flags.mode", "tutorial.mode", "ntp.stratum", "tutorial.stratum");

    @Test
    void tutorialReadsTheNtpHeaderStartAsTsharkDoes() throws Exception {
        Tsv full = Tsv.resource("ntp.ntp.tsv");
        List<String> keep = List.of("frame.number", "_ws.col.Protocol", "ntp.flags.li", "ntp.flags.vn", "ntp.flags.mode", "ntp.stratum");
        List<Integer> idx = keep.stream().map(full.fields()::indexOf).toList();
        Tsv expected = new Tsv(keep, full.rows().stream().map(r -> idx.stream().map(r::get).toList()).toList());
        try (ScriptRun run = new ScriptRun().load("tutorial.js")) {
            run.decodeAs("udp.port", 123, "tutorial");
            var rows = run.rows("ntp.pcap", keep.stream().map(f -> NAMES.getOrDefault(f, f)).toList());
            FieldComparison.assertSame("tutorial.js on ntp.pcap", expected, rows, Set.of(), f -> NAMES.getOrDefault(f, f));
        }
        ScriptHost.class.getName();
    }
}
