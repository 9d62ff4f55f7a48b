package dev.dorsal.dissectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.dissectors.tcp.OracleComparisons.Transport;
import dev.dorsal.engine.registry.Registry;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Differential test of every TCP field against tshark 4.0.17: for each capture of the corpus and
 * each synthetic probe, the {@code -T fields} values Dorsal prints equal the oracle's, field by field
 * and frame by frame; so do Info and Protocol of the frames whose top layer is TCP.
 */
class TcpFieldsTest {
    /** Official columns that depend on TCP only (the others in *.fields.tsv belong to other layers). */
    private static final Set<String> OFFICIAL = Set.of("tcp.srcport", "tcp.dstport", "tcp.stream", "tcp.seq",
            "tcp.ack", "tcp.len", "tcp.flags");
    private static final Predicate<String> TCP_FIELDS = f -> f.startsWith("tcp.");

    /** The "lower" profile: only the layers under TCP/UDP enabled, so TCP writes Info and Protocol. */
    @Test
    void everyTcpFieldEqualsTsharkWithUpperLayersDisabled() {
        Registry registry = OracleCaptures.lower();
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.corpus()) {
            OracleComparisons.fields(registry, "corpus/" + capture, OracleCaptures.lines("lower/" + capture + ".tsv.gz"),
                    TCP_FIELDS, Transport.TCP, agreement, capture);
        }
        for (String probe : OracleCaptures.probes(false)) {
            OracleComparisons.fields(registry, "probes/" + probe,
                    OracleCaptures.lines("probes/lower/" + probe + ".tsv.gz"), TCP_FIELDS, Transport.TCP, agreement,
                    probe);
        }
        System.out.println(agreement.report("TCP fields, upper layers disabled (equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }

    /**
     * The official oracle, every dissector on the class path: the TCP columns of *.fields.tsv and
     * every column of *.tcp_extra.tsv (analysis flags, SACK blocks, nxtseq…).
     */
    @Test
    void officialOracleTcpColumnsEqual() {
        Registry registry = OracleCaptures.full();
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        OracleCaptures.Agreement unreachable = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.corpus()) {
            OracleCaptures.Agreement a = OracleComparisons.UNREACHABLE.containsKey(capture) ? unreachable : agreement;
            OracleComparisons.fields(registry, "corpus/" + capture,
                    OracleCaptures.lines("oracle/" + capture + ".fields.tsv.gz"), OFFICIAL::contains, null, a, capture);
            List<String> extra = OracleCaptures.lines("oracle/" + capture + ".tcp_extra.tsv.gz");
            if (extra != null) {
                OracleComparisons.fields(registry, "corpus/" + capture, extra, TCP_FIELDS, null, a, capture);
            }
        }
        System.out.println(agreement.report("Official oracle TCP columns (equal / total):"));
        System.out.println(unreachable.report("Official oracle TCP columns of captures whose lower layers Dorsal lacks"
                + " (not asserted; equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }
}
