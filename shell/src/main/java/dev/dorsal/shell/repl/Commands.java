package dev.dorsal.shell.repl;

import dev.dorsal.shell.repl.commands.CapturesCommand;
import dev.dorsal.shell.repl.commands.CloseCommand;
import dev.dorsal.shell.repl.commands.DecodeAsCommand;
import dev.dorsal.shell.repl.commands.ExitCommand;
import dev.dorsal.shell.repl.commands.ExportCommand;
import dev.dorsal.shell.repl.commands.FieldsCommand;
import dev.dorsal.shell.repl.commands.FilterCommand;
import dev.dorsal.shell.repl.commands.FollowCommand;
import dev.dorsal.shell.repl.commands.HelpCommand;
import dev.dorsal.shell.repl.commands.HexCommand;
import dev.dorsal.shell.repl.commands.JsCommand;
import dev.dorsal.shell.repl.commands.JsModeCommand;
import dev.dorsal.shell.repl.commands.KeylogCommand;
import dev.dorsal.shell.repl.commands.ListCommand;
import dev.dorsal.shell.repl.commands.LoadCommand;
import dev.dorsal.shell.repl.commands.OpenCommand;
import dev.dorsal.shell.repl.commands.PluginsCommand;
import dev.dorsal.shell.repl.commands.PrefsCommand;
import dev.dorsal.shell.repl.commands.ReloadCommand;
import dev.dorsal.shell.repl.commands.RunCommand;
import dev.dorsal.shell.repl.commands.SaveCommand;
import dev.dorsal.shell.repl.commands.SetCommand;
import dev.dorsal.shell.repl.commands.ShowCommand;
import dev.dorsal.shell.repl.commands.StatsCommand;
import dev.dorsal.shell.repl.commands.TlsCommand;
import dev.dorsal.shell.repl.commands.UseCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every shell command, by name and alias, in the order {@code help} lists them. */
public final class Commands {
    private final List<Command> all = new ArrayList<>();
    private final Map<String, Command> byName = new LinkedHashMap<>();

    Commands() {
        add(new OpenCommand());
        add(new CloseCommand());
        add(new CapturesCommand());
        add(new UseCommand());
        add(new FilterCommand());
        add(new ListCommand());
        add(new ShowCommand());
        add(new HexCommand());
        add(new FieldsCommand());
        add(new FollowCommand());
        add(StatsCommand.conv());
        add(StatsCommand.endpoints());
        add(StatsCommand.phs());
        add(StatsCommand.expert());
        add(new TlsCommand());
        add(new DecodeAsCommand());
        add(new KeylogCommand());
        add(new LoadCommand());
        add(new ReloadCommand());
        add(new PluginsCommand());
        add(new JsCommand());
        add(new JsModeCommand());
        add(new RunCommand());
        add(new SaveCommand());
        add(new ExportCommand());
        add(new SetCommand());
        add(new PrefsCommand());
        add(new HelpCommand());
        add(new ExitCommand());
    }

    private void add(Command c) {
        all.add(c);
        byName.put(c.name(), c);
        for (String a : c.aliases()) {
            byName.put(a, c);
        }
    }

    /** The command with this name or alias, or null. */
    public Command find(String name) {
        return byName.get(name);
    }

    public List<Command> all() {
        return List.copyOf(all);
    }

    /** Every name and alias, for completion. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
