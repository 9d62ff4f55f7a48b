package dev.dorsal.dissectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.registry.Registry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the TCP subtree of {@code -V} against tshark 4.0.17, line by line: labels,
 * order, nesting, generated brackets, expert infos.
 */
class TcpVerboseTest {
    private static final List<String> TCP = List.of("Transmission Control Protocol");
    /**
     * Lines of tshark's TCP subtree written for the layers above TCP when they ask for reassembly or
     * use tcp_dissect_pdus: frames holding them are counted apart in the official comparison.
     */
    private static final List<String> UPPER_LAYER_LINES = List.of("TCP segment data", "Retransmitted TCP segment data",
            "[PDU Size", "[Reassembled PDU in frame", "[This is a continuation", "[Time until the last segment",
            "[Last frame of this PDU");

    static boolean upperLayerLine(String line) {
        String t = line.strip();
        return UPPER_LAYER_LINES.stream().anyMatch(t::startsWith);
    }

    /** Upper layers disabled on both sides: every line of every TCP subtree is equal. */
    @Test
    void subtreesEqualTsharkWithUpperLayersDisabled() {
        Registry registry = OracleCaptures.lower();
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.corpus()) {
            OracleComparisons.verbose(registry, "corpus/" + capture, OracleCaptures.lines("lower/" + capture + ".verbose.gz"),
                    TCP, capture, agreement, null, null);
        }
        for (String probe : OracleCaptures.probes(false)) {
            OracleComparisons.verbose(registry, "probes/" + probe,
                    OracleCaptures.lines("probes/lower/" + probe + ".verbose.gz"), TCP, probe, agreement, null, null);
        }
        System.out.println(agreement.report("TCP -V subtree lines, upper layers disabled (equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }

    /**
     * The official oracle's -V with every dissector on the class path: each TCP line equal, except in
     * frames where tshark wrote reassembly lines for an upper layer (reported, not asserted, until
     * those layers use the desegmentation contract as tshark's do).
     */
    @Test
    void subtreesEqualOfficialOracle() {
        Registry registry = OracleCaptures.full();
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        OracleCaptures.Agreement upper = new OracleCaptures.Agreement();
        OracleCaptures.Agreement unreachable = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.corpus()) {
            List<String> oracle = OracleCaptures.lines("oracle/" + capture + ".verbose.gz");
            if (oracle != null) {
                OracleCaptures.Agreement a = OracleComparisons.UNREACHABLE.containsKey(capture) ? unreachable : agreement;
                OracleComparisons.verbose(registry, "corpus/" + capture, oracle, TCP, capture, a, upper,
                        TcpVerboseTest::upperLayerLine);
            }
        }
        System.out.println(agreement.report("TCP -V subtree lines, official oracle (equal / total):"));
        System.out.println(upper.report("TCP -V subtrees holding reassembly lines written for an upper layer"
                + " (not asserted; equal / total):"));
        System.out.println(unreachable.report("TCP -V lines of captures whose lower layers Dorsal lacks"
                + " (not asserted; equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }
}
