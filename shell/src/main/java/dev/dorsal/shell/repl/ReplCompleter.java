package dev.dorsal.shell.repl;

import dev.dorsal.engine.spi.FieldDef;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.builtins.Completers;

/**
 * Tab completion: command names first; then by the command's argument kind: file names, field names
 * (from the live registry, so fields of loaded JavaScript dissectors too), filter operators after a
 * field, or the command's own words.
 */
final class ReplCompleter implements Completer {
    /** Operators and keywords offered after a field name in a filter. */
    static final List<String> OPERATORS = List.of("==", "!=", ">", "<", ">=", "<=", "contains", "matches", "in",
            "and", "or", "not", "&&", "||", "===", "!==", "~");

    private final Shell shell;
    private final Completer files = new Completers.FileNameCompleter();

    ReplCompleter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (shell.jsMode()) {
            return;
        }
        if (line.wordIndex() == 0) {
            for (Command c : shell.commands().all()) {
                candidates.add(new Candidate(c.name(), c.name(), null, c.summary(), null, null, true));
            }
            return;
        }
        Command c = shell.commands().find(line.words().get(0).toLowerCase(Locale.ROOT));
        if (c == null) {
            return;
        }
        switch (c.argKind()) {
            case FILES -> files.complete(reader, line, candidates);
            case FIELDS -> fields(candidates, line.word());
            case COMMANDS -> shell.commands().all().forEach(x -> candidates.add(new Candidate(x.name())));
            case FILTER -> filter(line, candidates);
            case WORDS -> {
                if (line.wordIndex() == 1) {
                    c.words().forEach(w -> candidates.add(new Candidate(w)));
                } else if (c.name().equals("follow")) {
                    filter(line, candidates);
                }
            }
            default -> { }
        }
    }

    private void filter(ParsedLine line, List<Candidate> candidates) {
        String prev = line.wordIndex() > 1 ? line.words().get(line.wordIndex() - 1) : "";
        if (shell.session().registry().fields().exists(prev) && !line.word().contains(".")) {
            OPERATORS.forEach(o -> candidates.add(new Candidate(o, o, "operators", null, null, null, true)));
        }
        fields(candidates, line.word());
    }

    private void fields(List<Candidate> candidates, String prefix) {
        // Offer the next name segment (tls. → tls.handshake, tls.record …) so lists stay short, then whole names.
        String p = prefix.toLowerCase(Locale.ROOT);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FieldDef f : shell.session().registry().fields().all()) {
            String name = f.abbrev();
            if (!name.startsWith(p)) {
                continue;
            }
            int dot = name.indexOf('.', p.length());
            String offer = dot < 0 ? name : name.substring(0, dot);
            if (seen.add(offer)) {
                boolean whole = dot < 0;
                candidates.add(new Candidate(offer, offer, "fields", whole ? f.name() : null, whole ? null : "", null, whole));
            }
        }
    }
}
