package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.script.ScriptException;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code load FILE.js|DIR...}: loads JavaScript dissectors, like tshark's {@code -X lua_script:FILE}. */
public final class LoadCommand implements Command {
    @Override public String name() { return "load"; }
    @Override public String usage() { return "load FILE.js|DIR..."; }
    @Override public String summary() { return "load JavaScript dissectors (docs/js-api.md); reload picks up edits"; }
    @Override public ArgKind argKind() { return ArgKind.FILES; }

    @Override
    public String help() {
        return """
                Loads JavaScript dissectors (a file, or every *.js of a folder) into the registry beside the Java
                ones: their protocols, fields (fields, filters and completion know them), tables and heuristics.
                An error names the script's file, line and column. reload loads again the scripts whose file
                changed; plugins lists what is loaded. The current filter is applied again afterwards.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.isEmpty()) {
            throw new CommandException("usage: " + usage());
        }
        List<Path> paths = new ArrayList<>();
        for (String w : args.words()) {
            Path p = Path.of(w);
            if (!Files.exists(p)) {
                throw new CommandException("load: no file or folder " + p);
            }
            paths.add(p);
        }
        var scripts = shell.session().scripts();
        int before = scripts.scripts().size();
        List<ScriptException> errors = scripts.loadAll(paths);
        for (ScriptException e : errors) {
            shell.console().error(e.getMessage());
        }
        int loaded = scripts.scripts().size() - before;
        DecodeAsCommand.changed(shell, "loaded " + Math.max(0, loaded) + " script(s)"
                + (errors.isEmpty() ? "" : ", " + errors.size() + " failed"));
        if (!errors.isEmpty()) {
            throw new CommandException(errors.size() + " script(s) failed to load");
        }
    }
}
