package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.Shell;

/** {@code :js}: every following line is JavaScript, until {@code :js} or {@code :q}. */
public final class JsModeCommand implements Command {
    @Override public String name() { return ":js"; }
    @Override public String usage() { return ":js"; }
    @Override public String summary() { return "JavaScript mode: multi-line JavaScript until :js or :q"; }

    @Override
    public String help() {
        return "Switches to JavaScript mode (prompt js>): each input is JavaScript, continued over several lines while "
                + "brackets or a template string are open. :js, :q or Ctrl-D go back to commands.";
    }

    @Override
    public void run(Shell shell, Args args) {
        shell.setJsMode(true);
        shell.console().note("JavaScript mode: :q to leave");
    }
}
