package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** {@code fields [PATTERN]}: search field names, with type and description. */
public final class FieldsCommand implements Command {
    @Override public String name() { return "fields"; }
    @Override public String usage() { return "fields [PATTERN]"; }
    @Override public String summary() { return "search field names (Java and JavaScript dissectors) with type and description"; }
    @Override public ArgKind argKind() { return ArgKind.FIELDS; }

    @Override
    public String help() {
        return """
                Lists the fields filters and scripts can use: name, type, description. PATTERN matches names and
                descriptions: a plain word matches anywhere (fields server_name), * and ? are wildcards on the name
                (fields tls.handshake.*). Fields of loaded JavaScript dissectors are included.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() > 1) {
            throw new CommandException("usage: " + usage());
        }
        String pattern = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        Pattern glob = pattern.contains("*") || pattern.contains("?") ? glob(pattern) : null;
        TreeMap<String, Set<String>> rows = new TreeMap<>();
        for (FieldDef f : shell.session().registry().fields().all()) {
            String name = f.abbrev();
            String desc = f.name() == null ? "" : f.name();
            boolean match = glob != null ? glob.matcher(name.toLowerCase(Locale.ROOT)).matches()
                    : pattern.isEmpty() || name.toLowerCase(Locale.ROOT).contains(pattern)
                            || desc.toLowerCase(Locale.ROOT).contains(pattern);
            if (match) {
                rows.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(typeName(f.type()) + "\t" + desc);
            }
        }
        if (rows.isEmpty()) {
            shell.console().note("no field matches " + pattern);
            return;
        }
        int width = Math.min(48, rows.keySet().stream().mapToInt(String::length).max().orElse(10));
        StringBuilder sb = new StringBuilder();
        rows.forEach((name, kinds) -> {
            for (String k : kinds) {
                String[] parts = k.split("\t", 2);
                sb.append(String.format(Locale.ROOT, "%-" + width + "s  %-14s %s%n", name, parts[0], parts[1]));
            }
        });
        shell.console().print(sb);
        shell.console().note(rows.size() + " fields");
    }

    /** tshark's type names (-G fields): FT_UINT16 is "Unsigned integer, 2 bytes" there; here the short form. */
    static String typeName(FieldType t) {
        return t == FieldType.PROTOCOL ? "protocol" : t.name().toLowerCase(Locale.ROOT);
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char ch : g.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
