package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.Shell;
import java.util.List;

/** {@code exit}: leaves the shell (so does Ctrl-D). */
public final class ExitCommand implements Command {
    @Override public String name() { return "exit"; }
    @Override public List<String> aliases() { return List.of("quit"); }
    @Override public String usage() { return "exit"; }
    @Override public String summary() { return "leave the shell (Ctrl-D too)"; }
    @Override public String help() { return "Closes every capture and leaves; the history is saved."; }

    @Override
    public void run(Shell shell, Args args) {
        shell.requestExit();
    }
}
