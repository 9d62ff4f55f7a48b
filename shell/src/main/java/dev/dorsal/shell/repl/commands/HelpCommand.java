package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.util.List;

/** {@code help [COMMAND]}. */
public final class HelpCommand implements Command {
    @Override public String name() { return "help"; }
    @Override public List<String> aliases() { return List.of("?"); }
    @Override public String usage() { return "help [COMMAND]"; }
    @Override public String summary() { return "list the commands, or explain one"; }
    @Override public ArgKind argKind() { return ArgKind.COMMANDS; }
    @Override public String help() { return "help lists every command; help NAME shows its synopsis and what it does."; }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Command c : shell.commands().all()) {
                if (c.usage().length() > 40) {
                    sb.append("  ").append(c.usage()).append('\n').append(" ".repeat(45));
                } else {
                    sb.append(String.format("  %-42s ", c.usage()));
                }
                sb.append(c.summary()).append('\n');
            }
            sb.append("""

                    Tab completes commands, file names and, in filters, field names and operators; the filter is
                    green while valid, red with the error under the line otherwise. Ctrl-C stops the running
                    command, Ctrl-D (or exit) leaves. History is kept in ~/.dorsal_history.""");
            shell.console().print(sb);
            return;
        }
        Command c = shell.commands().find(args.get(0));
        if (c == null) {
            throw new CommandException("no command " + args.get(0) + " (help lists them)");
        }
        shell.console().print(c.usage() + "\n\n" + c.help().stripIndent() + "\n");
    }
}
