package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.Filtering;
import dev.dorsal.shell.session.LoadedCapture;
import java.util.Locale;

/** {@code filter EXPR}, {@code filter} to clear. */
public final class FilterCommand implements Command {
    @Override public String name() { return "filter"; }
    @Override public String usage() { return "filter [EXPR]"; }
    @Override public String summary() { return "narrow the view with a display filter; no EXPR clears it"; }
    @Override public ArgKind argKind() { return ArgKind.FILTER; }

    @Override
    public String help() {
        return """
                Applies a Wireshark display filter (tshark -Y syntax) to the whole current capture; list, show,
                save, export and the statistics then work on the frames it keeps. Without EXPR the filter is
                cleared. A bad filter is refused with tshark's message and a caret under the mistake.
                The values of the fields a filter reads are kept (set cache.mb, 256 MiB by default), so a later
                filter on the same fields needs no dissection: "filter tcp.port == 443" then
                "filter tcp.port == 80" answers the second from the kept values.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        LoadedCapture c = shell.capture();
        if (args.raw().isEmpty()) {
            c.setView(null, null);
            shell.console().note("filter cleared");
            return;
        }
        DisplayFilter f = shell.compile(args.raw());
        Filtering.Result r = Filtering.apply(c, f, shell.session(), shell.progress(), shell.cancel());
        shell.console().note(report(r));
    }

    /** "12 of 40 frames (0.031 s, from cached values)". */
    static String report(Filtering.Result r) {
        String how = r.fromCache() ? ", from cached values" : ", dissected";
        String s = String.format(Locale.ROOT, "%d of %d frames (%.3f s%s)", r.matched(), r.total(), r.nanos() / 1e9, how);
        return r.cacheNote() == null ? s : s + "; " + r.cacheNote();
    }
}
