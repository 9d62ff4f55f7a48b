package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldsFormatter;
import dev.dorsal.engine.output.FieldsOptions;
import dev.dorsal.engine.output.JsonFormatter;
import dev.dorsal.engine.output.PacketFormatter;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** {@code export json|csv FILE [FIELD...]}: the frames in the view as tshark -T json, or fields as CSV. */
public final class ExportCommand implements Command {
    /** The columns of a CSV export without a field list: tshark's summary columns. */
    static final List<String> DEFAULT_CSV = List.of("frame.number", "_ws.col.Time", "_ws.col.Source",
            "_ws.col.Destination", "_ws.col.Protocol", "frame.len", "_ws.col.Info");

    @Override public String name() { return "export"; }
    @Override public String usage() { return "export json|csv FILE [FIELD...]"; }
    @Override public String summary() { return "write the frames in the view as JSON (tshark -T json) or fields as CSV"; }
    @Override public ArgKind argKind() { return ArgKind.WORDS; }
    @Override public List<String> words() { return List.of("json", "csv"); }

    @Override
    public String help() {
        return """
                export json FILE writes the frames in the view as tshark -T json does (with fields, as -T json -e).
                export csv FILE writes one line per frame with a header, comma-separated and double-quoted, as
                tshark -T fields -E header=y -E separator=, -E quote=d: the fields given, or the summary columns.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() < 2 || !words().contains(args.get(0))) {
            throw new CommandException("usage: " + usage());
        }
        boolean json = args.get(0).equals("json");
        Path target = Path.of(args.get(1));
        List<String> fields = new ArrayList<>(args.words().subList(2, args.size()));
        if (!json && fields.isEmpty()) {
            fields.addAll(DEFAULT_CSV);
        }
        var registry = shell.session().registry().fields();
        for (String f : fields) {
            if (!FieldsFormatter.isValidField(f, registry)) {
                throw new CommandException("export: no field " + f);
            }
        }
        var settings = shell.session().settings();
        PacketFormatter formatter;
        DissectionOptions options;
        if (json && fields.isEmpty()) {
            formatter = new JsonFormatter();
            options = DissectionOptions.FULL;
        } else {
            FieldsOptions o = FieldsOptions.DEFAULT;
            if (!json) {
                o = o.with("header=y").with("separator=,").with("quote=d");
            }
            FieldsFormatter ff = new FieldsFormatter(fields, o, settings.time(), settings.resolveMac());
            formatter = json ? new JsonFormatter(ff) : ff;
            BitSet interest = shell.session().scriptInterest();
            boolean detailed = false;
            for (String f : fields) {
                for (FieldDef d : registry.lookup(f)) {
                    interest.set(d.id());
                    detailed |= d.type() == dev.dorsal.engine.spi.FieldType.PROTOCOL;
                }
            }
            options = detailed ? DissectionOptions.FULL : new DissectionOptions(false, interest, true, true);
        }
        LoadedCapture c = shell.capture();
        long[] written = {0};
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            formatter.begin(sb);
            IOException[] failure = {null};
            c.replay(shell.session().registry()).all(options, p -> {
                boolean keep = c.inView(p.frame().number());
                if (keep && failure[0] == null) {
                    formatter.packet(p, sb);
                    written[0]++;
                    if (sb.length() > 1 << 16) {
                        try {
                            w.append(sb);
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                        sb.setLength(0);
                    }
                }
                return keep;
            }, shell.progress(), shell.cancel());
            formatter.end(sb);
            w.append(sb);
            if (failure[0] != null) {
                throw failure[0];
            }
        } catch (IOException e) {
            throw new CommandException("export: cannot write " + target + ": " + e.getMessage());
        }
        shell.console().note("exported " + written[0] + " frames to " + target);
    }
}
