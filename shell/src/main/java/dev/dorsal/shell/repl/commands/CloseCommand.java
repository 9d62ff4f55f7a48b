package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;
import java.util.List;

/** {@code close [N|all]}. */
public final class CloseCommand implements Command {
    @Override public String name() { return "close"; }
    @Override public String usage() { return "close [N|all]"; }
    @Override public String summary() { return "close the current capture, capture N, or all of them"; }
    @Override public ArgKind argKind() { return ArgKind.WORDS; }
    @Override public List<String> words() { return List.of("all"); }

    @Override
    public String help() {
        return "Closes the current capture (or capture N, or all), stopping its indexing if it still runs.";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (!args.isEmpty() && args.get(0).equals("all")) {
            for (LoadedCapture c : shell.session().captures()) {
                shell.session().close(c);
            }
            shell.console().note("closed every capture");
            return;
        }
        LoadedCapture c = args.isEmpty() ? shell.capture() : CapturesCommand.byNumber(shell, args.get(0));
        shell.session().close(c);
        LoadedCapture now = shell.session().current();
        shell.console().note("closed [" + c.id() + "] " + c.name()
                + (now == null ? "" : "; current: [" + now.id() + "] " + now.name()));
    }

    static void requireNoArgs(Args args, String usage) throws CommandException {
        if (!args.isEmpty()) {
            throw new CommandException("usage: " + usage);
        }
    }
}
