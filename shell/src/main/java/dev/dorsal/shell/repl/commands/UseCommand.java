package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;

/** {@code use N}: makes capture N current. */
public final class UseCommand implements Command {
    @Override public String name() { return "use"; }
    @Override public String usage() { return "use N"; }
    @Override public String summary() { return "make capture N the current one"; }
    @Override public String help() { return "Makes capture N (see captures) the one the other commands work on."; }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        LoadedCapture c = CapturesCommand.byNumber(shell, args.get(0));
        shell.session().select(c);
        shell.console().note("current: [" + c.id() + "] " + c.name());
    }
}
