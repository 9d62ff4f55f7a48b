package dev.dorsal.engine.filter;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.filter.check.Checker;
import dev.dorsal.engine.filter.check.Typed;
import dev.dorsal.engine.filter.eval.Compiler;
import dev.dorsal.engine.filter.eval.PacketView;
import dev.dorsal.engine.filter.lex.Lexer;
import dev.dorsal.engine.filter.lex.MacroExpander;
import dev.dorsal.engine.filter.lex.Token;
import dev.dorsal.engine.filter.parse.Node;
import dev.dorsal.engine.filter.parse.Parser;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketTree;
import java.util.List;
import java.util.Set;

/**
 * A compiled Wireshark display filter ({@code tcp.port == 443 && !tls}), checked against the field
 * registry with tshark 4.0.17's rules and messages, ready to test dissected packets.
 *
 * <pre>{@code
 * DisplayFilter f = DisplayFilter.compile("ip.addr == 10.0.0.0/8 and tcp.flags.syn == 1", registry);
 * BitSet ids = new BitSet();
 * f.fieldsUsed().forEach(d -> ids.set(d.id()));     // dissect only what the filter reads
 * DissectedPacket p = dissection.dissect(frame, new DissectionOptions(false, ids, false));
 * if (f.matches(p)) { ... }
 * }</pre>
 *
 * <p>Pipeline: macro pass, {@link Lexer}, {@link Parser} (syntax tree), {@link Checker} (types,
 * literal conversion, errors), {@link Compiler} (evaluator objects). Matching walks the packet tree
 * once to collect the nodes of the fields used, then runs the evaluators. An empty filter matches
 * every packet. Instances are immutable and safe to share between threads.
 */
public final class DisplayFilter {
    private final String text;
    private final Compiler.Program program;
    private final ThreadLocal<PacketView> views;

    private DisplayFilter(String text, Compiler.Program program) {
        this.text = text;
        this.program = program;
        this.views = ThreadLocal.withInitial(program::newView);
    }

    /** Compiles {@code text}; throws with tshark's message when it is not a valid filter. */
    public static DisplayFilter compile(String text, FieldRegistry registry) throws FilterException {
        String macroError = MacroExpander.check(text, name -> referenceable(registry, name));
        if (macroError != null) {
            throw new FilterException(text, macroError, -1, 0);
        }
        List<Token> tokens = Lexer.tokenize(text);
        Node root = Parser.parse(text, tokens, registry::exists);
        Typed.Test checked = root == null ? null : Checker.check(text, root, registry);
        return new DisplayFilter(text, Compiler.compile(checked));
    }

    /** {@code ${name}} is a field reference (not a macro) when {@code name} is a field with a value. */
    private static boolean referenceable(FieldRegistry registry, String name) {
        FieldDef f = registry.first(name);
        return f != null && f.type() != FieldType.PROTOCOL && f.type() != FieldType.NONE;
    }

    /**
     * "OK" when {@code text} compiles, else the error as tshark prints it (message, then the filter and
     * a caret line when tshark shows a location), for {@code dorsal --check-filter}.
     */
    public static String check(String text, FieldRegistry registry) {
        try {
            compile(text, registry);
            return "OK";
        } catch (FilterException e) {
            return e.getMessage();
        }
    }

    /** Every field the filter reads, with all FieldDefs sharing each name (the dissection interest set). */
    public Set<FieldDef> fieldsUsed() {
        return program.fields();
    }

    /** Whether {@code packet} passes the filter. */
    public boolean matches(DissectedPacket packet) {
        return matches(packet.tree());
    }

    /** Whether the packet with this tree passes the filter. */
    public boolean matches(PacketTree tree) {
        if (program.test() == null) {
            return true;
        }
        PacketView view = views.get();
        view.collect(tree.root());
        return program.test().test(view);
    }

    /** The filter as given. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
