package dev.dorsal.engine.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dorsal.engine.spi.PacketTree;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One group of the display-filter conformance table ({@code filter/expected.tsv}, answers recorded
 * from tshark 4.0.17), checked against tshark's own field registry and tshark's own dissection
 * (PDML replayed into trees): errors must match tshark's text to the character, matching filters
 * must select exactly the frames tshark selected. The same rows run through our dissectors in the
 * shell module.
 */
abstract class ConformanceGroup {
    private final String group;

    ConformanceGroup(String group) {
        this.group = group;
    }

    @TestFactory
    Stream<DynamicTest> rows() {
        List<ExpectedRow> rows = ExpectedRow.load(group);
        assertTrue(!rows.isEmpty(), "no rows for group " + group);
        return rows.stream().map(r -> DynamicTest.dynamicTest(r.label(), () -> check(r)));
    }

    static void check(ExpectedRow r) {
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(r.filter(), TsharkRegistry.fields());
        } catch (FilterException e) {
            assertEquals(r.isError() ? r.error() : "(compiles)", e.getMessage(), "line " + r.line() + ": " + r.filter());
            return;
        }
        if (r.isError()) {
            fail("line " + r.line() + ": " + r.filter() + " compiles, but tshark rejects it with: " + r.error());
        }
        List<PacketTree> trees = ReplayCaptures.trees(r.capture());
        List<Long> got = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            if (f.matches(trees.get(i))) {
                got.add((long) i + 1);
            }
        }
        assertEquals(r.frames(), got, "line " + r.line() + ": frames matching " + r.filter() + " on " + r.capture());
    }
}
