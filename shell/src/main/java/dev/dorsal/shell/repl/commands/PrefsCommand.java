package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.spi.Preference;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.util.Locale;
import java.util.TreeMap;

/** {@code prefs [PATTERN]}: the dissector preferences with their values. */
public final class PrefsCommand implements Command {
    @Override public String name() { return "prefs"; }
    @Override public String usage() { return "prefs [PATTERN]"; }
    @Override public String summary() { return "list dissector preferences (set NAME VALUE changes one)"; }

    @Override
    public String help() {
        return "Lists the dissector preferences tshark's -o knows, with their values and titles; PATTERN narrows the list.";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() > 1) {
            throw new CommandException("usage: " + usage());
        }
        String pattern = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (var e : new TreeMap<>(shell.session().registry().preferences()).entrySet()) {
            Preference p = e.getValue();
            if (e.getKey().toLowerCase(Locale.ROOT).contains(pattern) || p.title().toLowerCase(Locale.ROOT).contains(pattern)) {
                sb.append(e.getKey()).append(": ").append(p.value()).append("    # ").append(p.title()).append('\n');
            }
        }
        if (sb.isEmpty()) {
            shell.console().note("no preference matches " + pattern);
            return;
        }
        shell.console().print(sb);
    }
}
