package dev.dorsal.shell.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every known difference names a row that exists, so no entry outlives its row unnoticed. */
class KnownDifferencesTest {
    @Test
    void everyEntryNamesARow() {
        Set<String> rows = new HashSet<>();
        for (Row r : Row.load(null)) {
            rows.add(r.capture() + "\t" + r.filter());
        }
        for (String key : KnownDifferences.keys()) {
            assertTrue(rows.contains(key), "known_differences.tsv names no row of expected.tsv: " + key);
        }
    }
}
