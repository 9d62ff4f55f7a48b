package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code decode-as TABLE==VALUE,PROTOCOL}, as tshark's {@code -d}; {@code decode-as} lists, {@code clear} undoes. */
public final class DecodeAsCommand implements Command {
    @Override public String name() { return "decode-as"; }
    @Override public String usage() { return "decode-as [TABLE==VALUE,PROTOCOL | clear | tables | protocols]"; }
    @Override public String summary() { return "decode a port (or other table value) as a protocol, like tshark -d"; }
    @Override public ArgKind argKind() { return ArgKind.WORDS; }
    @Override public List<String> words() { return List.of("clear", "tables", "protocols"); }

    @Override
    public String help() {
        return """
                decode-as tcp.port==8888,http makes port 8888 go to the HTTP dissector, as tshark -d does; the
                filter of the current capture is applied again. Without arguments, lists the entries made in
                this session; clear undoes them all; tables lists the dissector tables, protocols the dissectors
                that can be named.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        Registry registry = shell.session().registry();
        Map<String, String> made = shell.session().decodeAs();
        if (args.isEmpty()) {
            if (made.isEmpty()) {
                shell.console().note("no Decode-As entries (decode-as tcp.port==8888,http makes one)");
            }
            StringBuilder sb = new StringBuilder();
            made.forEach((k, v) -> sb.append(k).append(',').append(v).append('\n'));
            shell.console().print(sb);
            return;
        }
        String a = args.raw();
        switch (a) {
            case "clear" -> {
                for (String key : List.copyOf(made.keySet())) {
                    int eq = key.indexOf("==");
                    registry.findTable(key.substring(0, eq)).decodeAs(Long.parseLong(key.substring(eq + 2)), null);
                }
                made.clear();
                changed(shell, "Decode-As entries cleared");
                return;
            }
            case "tables" -> {
                StringBuilder sb = new StringBuilder();
                new TreeMap<>(registry.tables()).forEach((n, t) -> sb.append(n).append("  ").append(t.uiName()).append('\n'));
                shell.console().print(sb);
                return;
            }
            case "protocols" -> {
                shell.console().print(String.join("\n", new TreeMap<>(registry.handles()).keySet()));
                return;
            }
            default -> { }
        }
        int eq = a.indexOf("==");
        int comma = a.lastIndexOf(',');
        if (eq <= 0 || comma < eq) {
            throw new CommandException("usage: " + usage() + " (e.g. decode-as tcp.port==8888,http)");
        }
        String tableName = a.substring(0, eq).strip();
        String valueText = a.substring(eq + 2, comma).strip();
        String protocol = a.substring(comma + 1).strip();
        DissectorTable table = registry.findTable(tableName);
        if (table == null) {
            throw new CommandException("no dissector table " + tableName + " (decode-as tables lists them)");
        }
        long value;
        try {
            value = Long.decode(valueText);
        } catch (NumberFormatException e) {
            throw new CommandException("decode-as: " + valueText + " is not a number for " + tableName);
        }
        DissectorHandle handle = registry.handle(protocol);
        if (handle == null) {
            throw new CommandException("no dissector " + protocol + " (decode-as protocols lists them)");
        }
        table.decodeAs(value, handle);
        made.put(tableName + "==" + value, protocol);
        changed(shell, tableName + " " + value + " decoded as " + protocol);
    }

    /** Dissection changed: drop cached results and apply the current filter again. */
    static void changed(Shell shell, String what) throws Exception {
        shell.session().dissectionChanged();
        shell.console().note(what);
        var c = shell.session().current();
        if (c != null && c.filter() != null) {
            var r = dev.dorsal.shell.session.Filtering.apply(c, c.filter(), shell.session(), shell.progress(), shell.cancel());
            shell.console().note("filter applied again: " + FilterCommand.report(r));
        }
    }
}
