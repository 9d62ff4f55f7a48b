package dev.dorsal.shell.session;

import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.filter.lex.Lexer;
import dev.dorsal.engine.filter.parse.Node;
import dev.dorsal.engine.filter.parse.Parser;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;

/**
 * Whether a display filter can be answered from a {@link FieldCache}: the cache keeps every field's
 * value but only the presence of protocols, so a filter that uses a protocol other than as a bare
 * test ({@code tcp contains "x"}, {@code frame[0:4] == …}, {@code len(udp)}) must dissect, and so
 * must a field reference ({@code ${…}}) or a macro.
 */
public final class CacheableFilter {
    private CacheableFilter() {}

    /** True when {@code text} reads nothing the cache leaves out (it is assumed to compile). */
    public static boolean answerableFromCache(String text, FieldRegistry registry) {
        if (text.contains("${") || text.contains("$")) {
            return false;
        }
        Node root;
        try {
            root = Parser.parse(text, Lexer.tokenize(text), registry::exists);
        } catch (FilterException | RuntimeException e) {
            return false;
        }
        return root == null || test(root, registry);
    }

    /** A node in test position: bare names are presence tests, which the cache answers. */
    private static boolean test(Node n, FieldRegistry registry) {
        return switch (n) {
            case Node.Logical l -> test(l.left(), registry) && test(l.right(), registry);
            case Node.Not not -> test(not.inner(), registry);
            case Node.Word w -> true;
            case Node.DotField d -> true;
            case Node.Layer l -> l.field() instanceof Node.Word || l.field() instanceof Node.DotField;
            default -> value(n, registry);
        };
    }

    /** A node whose value is read: no protocol may appear in it. */
    private static boolean value(Node n, FieldRegistry registry) {
        return switch (n) {
            case Node.Logical l -> test(l, registry);
            case Node.Not not -> test(not, registry);
            case Node.Compare c -> value(c.left(), registry) && value(c.right(), registry);
            case Node.Relation r -> value(r.left(), registry) && value(r.right(), registry);
            case Node.Membership m -> value(m.left(), registry) && m.elements().stream()
                    .allMatch(e -> value(e.low(), registry) && (e.high() == null || value(e.high(), registry)));
            case Node.Word w -> !isProtocol(w.token().text(), registry);
            case Node.DotField d -> !isProtocol(d.name(), registry);
            case Node.Layer l -> value(l.field(), registry);
            case Node.Slice s -> value(s.entity(), registry);
            case Node.Call c -> c.args().stream().allMatch(a -> value(a, registry));
            case Node.Arith a -> value(a.left(), registry) && value(a.right(), registry);
            case Node.Negate neg -> value(neg.operand(), registry);
            case Node.Reference r -> false;
            case Node.Str s -> true;
            case Node.CharConst c -> true;
        };
    }

    private static boolean isProtocol(String name, FieldRegistry registry) {
        for (FieldDef f : registry.lookup(name)) {
            if (f.type() == FieldType.PROTOCOL) {
                return true;
            }
        }
        return false;
    }
}
