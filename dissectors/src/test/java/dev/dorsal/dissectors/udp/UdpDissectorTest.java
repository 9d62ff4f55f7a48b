package dev.dorsal.dissectors.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.dissectors.tcp.OracleCaptures;
import dev.dorsal.dissectors.tcp.OracleComparisons;
import dev.dorsal.dissectors.tcp.OracleComparisons.Transport;
import dev.dorsal.engine.registry.Registry;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the UDP dissector against tshark 4.0.17 on the corpus and the probes
 * (captures and oracle files in {@code captures/tcp/}, shared with the TCP tests): every udp.* field,
 * Info and Protocol of frames whose top layer is UDP, and the UDP subtree of {@code -V}.
 */
class UdpDissectorTest {
    private static final Predicate<String> UDP_FIELDS = f -> f.startsWith("udp.");
    private static final Set<String> OFFICIAL = Set.of("udp.srcport", "udp.dstport");
    private static final List<String> UDP = List.of("User Datagram Protocol");

    @Test
    void everyUdpFieldEqualsTsharkWithUpperLayersDisabled() {
        Registry registry = OracleCaptures.lower();
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.corpus()) {
            OracleComparisons.fields(registry, "corpus/" + capture, OracleCaptures.lines("lower/" + capture + ".tsv.gz"),
                    UDP_FIELDS, Transport.UDP, agreement, capture);
        }
        for (String probe : OracleCaptures.probes(false)) {
            OracleComparisons.fields(registry, "probes/" + probe,
                    OracleCaptures.lines("probes/lower/" + probe + ".tsv.gz"), UDP_FIELDS, Transport.UDP, agreement,
                    probe);
        }
        System.out.println(agreement.report("UDP fields, upper layers disabled (equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }

    @Test
    void officialOracleUdpPortsEqual() {
        Registry registry = OracleCaptures.full();
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        OracleCaptures.Agreement unreachable = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.corpus()) {
            OracleComparisons.fields(registry, "corpus/" + capture,
                    OracleCaptures.lines("oracle/" + capture + ".fields.tsv.gz"), OFFICIAL::contains, null,
                    OracleComparisons.UNREACHABLE.containsKey(capture) ? unreachable : agreement, capture);
        }
        System.out.println(agreement.report("Official oracle UDP columns (equal / total):"));
        System.out.println(unreachable.report("Official oracle UDP columns of captures whose lower layers Dorsal lacks"
                + " (not asserted; equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }

    @Test
    void subtreesEqualTsharkWithUpperLayersDisabled() {
        Registry registry = OracleCaptures.lower();
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.corpus()) {
            OracleComparisons.verbose(registry, "corpus/" + capture, OracleCaptures.lines("lower/" + capture + ".verbose.gz"),
                    UDP, capture, agreement, null, null);
        }
        for (String probe : OracleCaptures.probes(false)) {
            OracleComparisons.verbose(registry, "probes/" + probe,
                    OracleCaptures.lines("probes/lower/" + probe + ".verbose.gz"), UDP, probe, agreement, null, null);
        }
        System.out.println(agreement.report("UDP -V subtree lines, upper layers disabled (equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }

    @Test
    void subtreesEqualOfficialOracle() {
        Registry registry = OracleCaptures.full();
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        OracleCaptures.Agreement unreachable = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.corpus()) {
            List<String> oracle = OracleCaptures.lines("oracle/" + capture + ".verbose.gz");
            if (oracle != null) {
                OracleComparisons.verbose(registry, "corpus/" + capture, oracle, UDP, capture,
                        OracleComparisons.UNREACHABLE.containsKey(capture) ? unreachable : agreement, null, null);
            }
        }
        System.out.println(agreement.report("UDP -V subtree lines, official oracle (equal / total):"));
        System.out.println(unreachable.report("UDP -V lines of captures whose lower layers Dorsal lacks"
                + " (not asserted; equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }
}
