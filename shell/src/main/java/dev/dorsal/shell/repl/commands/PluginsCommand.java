package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.script.ScriptException;
import dev.dorsal.engine.script.ScriptHost;
import dev.dorsal.engine.script.ScriptStats;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.util.List;

/** {@code plugins [load]}: the JavaScript dissectors loaded, with their call and error counts. */
public final class PluginsCommand implements Command {
    @Override public String name() { return "plugins"; }
    @Override public String usage() { return "plugins [load]"; }
    @Override public String summary() { return "list loaded JavaScript dissectors; plugins load loads bundled ones and ~/.config/dorsal/plugins"; }
    @Override public ArgKind argKind() { return ArgKind.WORDS; }
    @Override public List<String> words() { return List.of("load"); }

    @Override
    public String help() {
        return """
                Lists the JavaScript dissectors loaded, with calls, errors and timeouts. plugins load loads the
                bundled example dissectors and every script in the plugin folder (""" + ScriptHost.pluginDirectory() + ").";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (!args.isEmpty()) {
            if (args.size() != 1 || !args.get(0).equals("load")) {
                throw new CommandException("usage: " + usage());
            }
            List<ScriptException> errors = shell.session().scripts().loadStandard();
            errors.forEach(e -> shell.console().error(e.getMessage()));
            DecodeAsCommand.changed(shell, "plugins loaded: " + shell.session().scripts().scripts().size() + " script(s)");
            return;
        }
        ScriptHost scripts = shell.session().scriptsIfLoaded();
        if (scripts == null || scripts.scripts().isEmpty()) {
            shell.console().note("no script loaded (load FILE.js, or plugins load); plugin folder: "
                    + ScriptHost.pluginDirectory());
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (ScriptStats s : scripts.stats()) {
            sb.append(s).append('\n');
        }
        sb.append("JavaScript runtime: ").append(ScriptHost.runtimeName()).append('\n');
        shell.console().print(sb);
    }
}
