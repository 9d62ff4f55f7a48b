package dev.dorsal.scripts;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.script.ScriptHost;
import dev.dorsal.engine.script.ScriptOptions;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Runs Dorsal (the Java dissectors plus scripts) over a capture from the test resources and prints
 * the same columns tshark's {@code -T fields} does, so rows compare value for value.
 */
final class ScriptRun implements AutoCloseable {
    /** One registry per JVM: the Java dissectors' fields are static and bind to the first registry. */
    private static final Registry REGISTRY = Registry.loadDefault();

    final Registry registry = REGISTRY;
    private final List<Runnable> undo = new ArrayList<>();
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final ScriptHost host = new ScriptHost(registry, ScriptOptions.defaults().withOut(printed));

    /** Loads scripts from the module's dissectors/ folder, e.g. "resp.js". */
    ScriptRun load(String... scripts) {
        for (String s : scripts) {
            host.load(Path.of("dissectors", s));
        }
        return this;
    }

    /** Decode-As for the duration of this run: {@code handle} takes {@code key} of {@code table}. */
    ScriptRun decodeAs(String table, long key, String handle) {
        var t = registry.findTable(table);
        t.decodeAs(key, registry.handle(handle));
        undo.add(() -> t.decodeAs(key, null));
        return this;
    }

    static Registry registry() {
        return REGISTRY;
    }

    /** One row per frame: values of {@code fields} ("frame.number", "_ws.col.Protocol", "_ws.col.Info" or field names). */
    List<List<String>> rows(String capture, List<String> fields) throws Exception {
        BitSet interest = new BitSet();
        for (String f : fields) {
            for (FieldDef d : registry.fields().lookup(f)) {
                interest.set(d.id());
            }
        }
        interest.or(host.interest());
        DissectionOptions options = new DissectionOptions(false, interest, true);
        Dissection dissection = new Dissection(registry);
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = ScriptRun.class.getResourceAsStream("/captures/" + capture);
                CaptureReader reader = Captures.open(in, capture)) {
            RawFrame frame;
            while ((frame = reader.next()) != null) {
                DissectedPacket p = dissection.dissect(frame, options);
                List<String> row = new ArrayList<>(fields.size());
                for (String f : fields) {
                    row.add(value(p, f));
                }
                out.add(row);
                host.tap(p);
            }
        }
        host.draw();
        return out;
    }

    private static String value(DissectedPacket p, String field) {
        return switch (field) {
            case "frame.number" -> Long.toString(p.frame().number());
            case "_ws.col.Protocol" -> p.columns().protocol();
            case "_ws.col.Info" -> p.columns().info();
            default -> {
                List<String> values = new ArrayList<>();
                for (ProtoItem item : FieldValues.find(p.tree(), field)) {
                    values.add(FieldFormat.fieldsText(item));
                }
                yield String.join(",", values);
            }
        };
    }

    @Override
    public void close() {
        undo.forEach(Runnable::run);
        host.close();
    }
}
