package dev.dorsal.engine.script;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.ProtoItem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A script host on the toy stack for one test: load a script, dissect toy frames, read fields back. */
final class Toy implements AutoCloseable {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ScriptHost host;
    final Dissection dissection = new Dissection(ToyStack.registry());
    private long number;

    Toy() {
        this(ScriptOptions.defaults());
    }

    Toy(ScriptOptions options) {
        host = new ScriptHost(ToyStack.registry(), options.withOut(out));
    }

    static Toy withLimit(Duration limit) {
        return new Toy(ScriptOptions.defaults().withCallTimeLimit(limit));
    }

    Toy load(String name, String script) {
        host.load(name, script);
        return this;
    }

    /** Dissects one toy frame (ports, then payload) with a full tree. */
    DissectedPacket frame(int src, int dst, byte... payload) {
        return frame(DissectionOptions.FULL, src, dst, payload);
    }

    /** As the CLI must: fields the scripts read (extractors, listener filters) are added to the interest set. */
    DissectedPacket frame(DissectionOptions options, int src, int dst, byte... payload) {
        if (options.interest() != null && !options.detailed()) {
            java.util.BitSet interest = (java.util.BitSet) options.interest().clone();
            interest.or(host.interest());
            options = new DissectionOptions(false, interest, options.columns());
        }
        DissectedPacket p = dissection.dissect(ToyStack.frame(++number, src, dst, payload), options);
        host.tap(p);
        return p;
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The -T fields text of every occurrence of {@code abbrev}, in tree order. */
    static List<String> values(DissectedPacket p, String abbrev) {
        List<String> out = new ArrayList<>();
        for (ProtoItem i : FieldValues.find(p.tree(), abbrev)) {
            out.add(FieldFormat.fieldsText(i));
        }
        return out;
    }

    static String value(DissectedPacket p, String abbrev) {
        return String.join(",", values(p, abbrev));
    }

    /** Every label of the tree, one per line, indented by depth (for label assertions). */
    static String labels(DissectedPacket p) {
        StringBuilder sb = new StringBuilder();
        FieldValues.forEach(p.tree().root(), i -> {
            int depth = 0;
            for (ProtoItem x = i.parent(); x != null && x.parent() != null; x = x.parent()) {
                depth++;
            }
            sb.append("  ".repeat(depth)).append(FieldFormat.label(i)).append('\n');
        });
        return sb.toString();
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        host.close();
    }
}
