package dev.dorsal.dissectors.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.registry.Registry;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against tshark 4.0.17 without key logs, on every TLS capture of the corpus and on
 * the synthetic probes: the TLS subtrees of {@code -V} line by line, the TLS columns of the corpus
 * field table and of the {@code tls_extra} table value by value, and the Protocol and Info columns of
 * frames tshark shows as TLS.
 */
class TlsOracleTest {
    private static Registry registry;

    @BeforeAll
    static void load() {
        registry = TlsOracle.registry();
    }

    static List<String> captures() {
        return TlsOracle.captures();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void tlsTreesEqualTshark(String capture) {
        TlsTrees.Result r = TlsTrees.compare(registry, capture, 10);
        System.out.println("-V " + capture + ": " + r.equal() + " of " + r.lines() + " TLS lines equal");
        assertTrue(r.lines() > 0, capture + " has TLS in tshark's output");
        assertEquals(List.of(), r.differences(), capture);
        assertEquals(r.lines(), r.equal(), capture);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void fieldTablesEqualTshark(String capture) {
        for (String table : List.of("fields.tsv", "tls_extra.tsv")) {
            TlsFieldTables.Result r = TlsFieldTables.compare(registry, capture, table, Integer.MAX_VALUE);
            List<String> unexpected = r.differences();
            System.out.println("fields " + capture + " " + table + ": " + r.equal() + " of " + r.compared()
                    + " values equal" + r.columns().entrySet().stream()
                            .map(e -> " " + e.getKey() + "=" + e.getValue()[1] + "/" + e.getValue()[0])
                            .collect(Collectors.joining(",")));
            assertEquals(List.of(), unexpected, capture + " " + table);
        }
    }
}
