package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.Shell;
import java.util.List;

/** {@code reload}: loads again the scripts whose file changed. */
public final class ReloadCommand implements Command {
    @Override public String name() { return "reload"; }
    @Override public String usage() { return "reload"; }
    @Override public String summary() { return "reload the JavaScript dissectors whose file changed"; }

    @Override
    public String help() {
        return "Reads every script loaded from a file again and re-registers those that changed; tables and "
                + "Decode-As entries that point at their dissectors follow. The current filter is applied again.";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        CloseCommand.requireNoArgs(args, usage());
        var scripts = shell.session().scriptsIfLoaded();
        if (scripts == null) {
            shell.console().note("no script loaded (load FILE.js)");
            return;
        }
        List<String> done = scripts.reload();
        if (done.isEmpty()) {
            shell.console().note("no script changed");
            return;
        }
        DecodeAsCommand.changed(shell, "reloaded " + String.join(", ", done));
    }
}
