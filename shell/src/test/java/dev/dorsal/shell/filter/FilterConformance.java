package dev.dorsal.shell.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.filter.lex.Lexer;
import dev.dorsal.engine.filter.lex.Token;
import dev.dorsal.engine.filter.lex.TokenKind;
import dev.dorsal.engine.registry.FieldRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * End to end: one group of the display-filter conformance table ({@code filter/expected.tsv},
 * answers recorded from tshark 4.0.17) run through our dissectors and filter engine. Error rows must
 * give tshark's message exactly; other rows must match exactly the frames tshark matched. A row that
 * names a field our registry lacks is skipped as pending (that protocol is not dissected yet).
 */
abstract class FilterConformance {
    private final String group;

    FilterConformance(String group) {
        this.group = group;
    }

    @TestFactory
    Stream<DynamicTest> rows() {
        List<Row> rows = Row.load(group);
        assertTrue(!rows.isEmpty(), "no rows for group " + group);
        return rows.stream().map(r -> DynamicTest.dynamicTest(r.label(), () -> check(r)));
    }

    static void check(Row r) {
        FieldRegistry registry = Dissected.registry().fields();
        Set<String> missing = missingProtocols(r.filter(), registry);
        Assumptions.assumeTrue(missing.isEmpty(), () -> "pending: protocol " + String.join(", ", missing)
                + " not dissected yet");
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(r.filter(), registry);
        } catch (FilterException e) {
            assertEquals(r.isError() ? r.error() : "(compiles)", e.getMessage(), "line " + r.line() + ": " + r.filter());
            return;
        }
        if (r.isError()) {
            fail("line " + r.line() + ": " + r.filter() + " compiles, but tshark rejects it with: " + r.error());
        }
        List<Long> got = new ArrayList<>();
        for (DissectedPacket p : Dissected.packets(r.capture(), f.fieldsUsed())) {
            if (f.matches(p)) {
                got.add(p.frame().number());
            }
        }
        assertEquals(r.frames(), got, "line " + r.line() + ": frames matching " + r.filter() + " on " + r.capture());
    }

    /** Protocols of the tshark field names in {@code filter} that our registry does not have. */
    static Set<String> missingProtocols(String filter, FieldRegistry registry) {
        Set<String> out = new TreeSet<>();
        for (Token t : Lexer.tokenize(filter)) {
            if (t.kind() != TokenKind.UNPARSED && t.kind() != TokenKind.FIELD) {
                continue;
            }
            String name = t.kind() == TokenKind.FIELD ? t.text().substring(1) : t.text();
            String proto = TsharkNames.protocolOf(name);
            if (proto != null && !registry.exists(name)) {
                out.add(proto);
            }
        }
        return out;
    }
}
