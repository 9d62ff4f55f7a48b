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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * End to end: one group of the display-filter conformance table ({@code filter/expected.tsv},
 * answers recorded from tshark 4.0.17) run through our dissectors and filter engine. Error rows must
 * give tshark's message exactly; other rows must match exactly the frames tshark matched. A row that
 * names a field our registry lacks is skipped as pending (that protocol is not dissected yet).
 */
abstract class FilterConformance {
    /** Per group: rows run, rows pending (a field our registry lacks). */
    private static final Map<String, AtomicInteger[]> COUNTS = new ConcurrentHashMap<>();

    private final String group;

    FilterConformance(String group) {
        this.group = group;
    }

    @TestFactory
    Stream<DynamicTest> rows() {
        List<Row> rows = Row.load(group);
        assertTrue(!rows.isEmpty(), "no rows for group " + group);
        AtomicInteger[] counts = COUNTS.computeIfAbsent(group, g -> new AtomicInteger[] {new AtomicInteger(),
                new AtomicInteger()});
        return rows.stream().map(r -> DynamicTest.dynamicTest(r.label(), () -> {
            if (!missingProtocols(r.filter(), Dissected.registry().fields()).isEmpty()) {
                counts[1].incrementAndGet();
            } else {
                counts[0].incrementAndGet();
            }
            String known = KnownDifferences.reason(r);
            if (known != null) {
                AssertionError stillDiffers = assertThrows(AssertionError.class, () -> check(r),
                        "line " + r.line() + " (" + r.filter() + ") now agrees with tshark: remove it from filter/known_differences.tsv");
                System.out.println("known difference, line " + r.line() + " (" + known + "): " + stillDiffers.getMessage());
                return;
            }
            check(r);
        }));
    }

    @AfterAll
    static void summary() {
        COUNTS.forEach((g, c) -> System.out.println("filter conformance " + g + ": " + c[0] + " rows ran, " + c[1]
                + " pending (protocol not dissected yet)"));
        COUNTS.clear();
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
