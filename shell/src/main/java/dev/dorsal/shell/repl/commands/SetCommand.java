package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.util.List;
import java.util.function.Consumer;

/** {@code set [NAME VALUE]}: shell settings, or a dissector preference (as tshark -o NAME:VALUE). */
public final class SetCommand implements Command {
    /** Set by the interactive loop: switches the line editor between emacs and vi keys. */
    private static volatile Consumer<String> editingMode;

    public static void onEditingMode(Consumer<String> c) {
        editingMode = c;
    }

    @Override public String name() { return "set"; }
    @Override public String usage() { return "set [NAME VALUE]"; }
    @Override public String summary() { return "show or change settings (time, page, cache.mb, editing-mode) or a preference"; }
    @Override public ArgKind argKind() { return ArgKind.WORDS; }
    @Override public List<String> words() { return List.of("time", "resolve-mac", "cache.mb", "page", "editing-mode"); }

    @Override
    public String help() {
        return """
                Without arguments, lists the shell's settings. set NAME VALUE changes one:
                  time r|a|ad|d|dd|e|u|ud...  the Time column, as tshark -t
                  resolve-mac on|off          MAC names in addresses (off = tshark -n)
                  page N                      lines list prints at a time
                  cache.mb N                  memory for field values kept for re-filtering (0: none)
                  editing-mode emacs|vi       key bindings of the line editor
                Any other NAME is a dissector preference (prefs lists them): set tls.desegment_ssl_records FALSE
                is tshark's -o tls.desegment_ssl_records:FALSE; the current filter is applied again.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        var settings = shell.session().settings();
        if (args.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            settings.values().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
            shell.session().preferencesSet().forEach((k, v) -> sb.append(k).append(" = ").append(v).append(" (preference)\n"));
            shell.console().print(sb);
            return;
        }
        if (args.size() < 2) {
            throw new CommandException("usage: " + usage());
        }
        String name = args.get(0);
        String value = args.after(1);
        if (name.equals("editing-mode")) {
            if (!value.equals("vi") && !value.equals("emacs")) {
                throw new CommandException("editing-mode: emacs or vi");
            }
            Consumer<String> c = editingMode;
            if (c != null) {
                c.accept(value);
            }
            shell.console().note("editing mode: " + value);
            return;
        }
        if (settings.has(name)) {
            String error = settings.set(name, value);
            if (error != null) {
                throw new CommandException(error);
            }
            if (name.equals("cache.mb")) {
                shell.session().dissectionChanged();
            }
            shell.console().note(name + " = " + value);
            return;
        }
        if (shell.session().registry().preference(name) == null) {
            throw new CommandException(settings.set(name, value));
        }
        if (!shell.session().setPreference(name, value)) {
            throw new CommandException("preference " + name + " refuses the value " + value);
        }
        DecodeAsCommand.changed(shell, name + " = " + value);
    }
}
