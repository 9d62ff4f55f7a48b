package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.query.QueryHost;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code run SCRIPT.js [ARG...]}: a query script over the open captures, in a fresh context. */
public final class RunCommand implements Command {
    @Override public String name() { return "run"; }
    @Override public String usage() { return "run SCRIPT.js [ARG...]"; }
    @Override public String summary() { return "run a JavaScript query script (scripts/queries/*.js) over the open captures"; }
    @Override public ArgKind argKind() { return ArgKind.FILES; }

    @Override
    public String help() {
        return """
                Runs a query script in a fresh JavaScript context: capture is the current capture, captures every
                open one (current first), args the words after the script's name; on("dns.query", q => ...)
                callbacks run after the script's top level, over each capture. The same scripts run in batch:
                dorsal run SCRIPT.js FILE... (see scripts/queries).""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.isEmpty()) {
            throw new CommandException("usage: " + usage());
        }
        Path script = Path.of(args.get(0));
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new CommandException("run: cannot read " + script + ": " + e.getMessage());
        }
        try (QueryHost host = new QueryHost(shell.session(), shell.console()::print, args.words().subList(1, args.size()))) {
            host.bind(JsCommand.currentFirst(shell));
            int code = host.runScript(text, script.toString(), shell.cancel(), shell.progress());
            if (code != 0) {
                throw new CommandException(script + " exited with " + code);
            }
        }
    }
}
