package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.capture.FrameIndex;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.SummaryFormatter;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Replay;
import java.util.List;

/** {@code list [N|N-M|all]}: summary lines of the frames in the view. */
public final class ListCommand implements Command {
    @Override public String name() { return "list"; }
    @Override public List<String> aliases() { return List.of("ls"); }
    @Override public String usage() { return "list [N|N-M|all]"; }
    @Override public String summary() { return "summary lines (tshark's default output) of the frames in the view"; }
    @Override public ArgKind argKind() { return ArgKind.WORDS; }
    @Override public List<String> words() { return List.of("all"); }

    @Override
    public String help() {
        return """
                Prints the one-line summaries (No., Time, Source, Destination, Protocol, Length, Info, exactly as
                tshark prints them) of the frames the filter keeps. Without a range, the next page of
                frames (set page N, 20 by default): run list again to go on. N starts a page at frame N,
                N-M lists frames N to M, all lists every frame in the view. Long output is paged.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        LoadedCapture c = shell.capture();
        FrameIndex index = c.index(shell.progress(), shell.cancel());
        int size = index.size();
        long from;
        long to;
        int limit;
        String a = args.isEmpty() ? "" : args.get(0);
        if (args.size() > 1) {
            throw new CommandException("usage: " + usage());
        }
        if (a.isEmpty()) {
            from = c.listCursor();
            to = size;
            limit = shell.session().settings().pageSize();
        } else if (a.equals("all")) {
            from = 1;
            to = size;
            limit = Integer.MAX_VALUE;
        } else {
            long[] range = range(a, size);
            from = range[0];
            to = range[1];
            limit = range[2] == 1 ? shell.session().settings().pageSize() : Integer.MAX_VALUE;
        }
        if (from > size) {
            shell.console().note(size == 0 ? "no frames" : "end of the capture (list 1 starts over)");
            return;
        }
        SummaryFormatter summary = new SummaryFormatter(shell.session().settings().time(),
                shell.session().settings().resolveMac());
        DissectionOptions options = shell.summaryOptions();
        Replay replay = c.replay(shell.session().registry());
        StringBuilder sb = new StringBuilder();
        int listed = 0;
        long n = from;
        for (; n <= to && listed < limit; n++) {
            if (!c.inView(n)) {
                continue;
            }
            DissectedPacket p = replay.dissect(n, options, shell.progress(), shell.cancel());
            summary.packet(p, sb);
            listed++;
        }
        c.setListCursor(n);
        if (listed == 0) {
            shell.console().note("no frame in the view there");
            return;
        }
        shell.console().print(sb);
    }

    /** {from, to, paged?}: "N" is a page from N, "N-M" a closed range. */
    static long[] range(String a, int size) throws CommandException {
        try {
            int dash = a.indexOf('-');
            if (dash < 0) {
                return new long[] {Long.parseLong(a), size, 1};
            }
            long lo = dash == 0 ? 1 : Long.parseLong(a.substring(0, dash));
            long hi = dash == a.length() - 1 ? size : Long.parseLong(a.substring(dash + 1));
            if (lo < 1 || hi < lo) {
                throw new CommandException("bad range " + a + ": N-M with 1 <= N <= M");
            }
            return new long[] {lo, Math.min(hi, size), 0};
        } catch (NumberFormatException e) {
            throw new CommandException("bad range " + a + ": a frame number N, a range N-M, or all");
        }
    }
}
