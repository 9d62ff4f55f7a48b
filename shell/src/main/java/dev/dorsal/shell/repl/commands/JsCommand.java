package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.query.QueryHost;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;

/** {@code js EXPR}: evaluates JavaScript with the query API; variables stay for later lines. */
public final class JsCommand implements Command {
    @Override public String name() { return "js"; }
    @Override public String usage() { return "js EXPR"; }
    @Override public String summary() { return "evaluate JavaScript with the query API (capture.packets(...), table, ...)"; }
    @Override public ArgKind argKind() { return ArgKind.JS; }

    @Override
    public String help() {
        return """
                Evaluates one line of JavaScript and prints its value. capture is the current capture, captures
                all open ones; capture.packets("dns").count(), capture.streams("http")[0].data("server"),
                table(capture.conversations("tcp")). Variables and functions stay defined for later lines.
                :js switches to JavaScript mode, where every line is JavaScript (lines continue while brackets
                are open) until :js or :q. The sandbox and time limits of JavaScript dissectors apply, and
                Ctrl-C stops a long query. docs/shell.md describes the API.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.raw().isEmpty()) {
            throw new CommandException("usage: " + usage() + " (or :js for JavaScript mode)");
        }
        QueryHost js = shell.js();
        js.bind(shell.session().current() == null ? java.util.List.of() : currentFirst(shell));
        String shown = js.eval(args.raw(), shell.cancel(), shell.progress());
        if (!shown.isEmpty()) {
            shell.console().print(shown);
        }
    }

    /** The open captures, the current one first (it is {@code capture}). */
    static java.util.List<dev.dorsal.shell.session.LoadedCapture> currentFirst(Shell shell) {
        var list = new java.util.ArrayList<>(shell.session().captures());
        var current = shell.session().current();
        if (current != null) {
            list.remove(current);
            list.addFirst(current);
        }
        return list;
    }
}
