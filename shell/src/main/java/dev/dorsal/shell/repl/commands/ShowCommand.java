package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.TextTreeFormatter;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code show N [PROTO,...]}: the detail tree of one frame, as tshark -V (or -O) prints it. */
public final class ShowCommand implements Command {
    @Override public String name() { return "show"; }
    @Override public String usage() { return "show N [PROTOCOL,...]"; }
    @Override public String summary() { return "the detail tree of frame N (tshark -V; with protocols, -O)"; }

    @Override
    public String help() {
        return """
                Prints frame N's packet details exactly as tshark -V does. With a comma-separated list of
                protocols (show 4 tcp,http) only those are expanded and the others show their top line, as
                tshark -O does. The frame is dissected after every frame before it, so TCP analysis, reassembly
                and TLS state are those of a full pass.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.isEmpty() || args.size() > 2) {
            throw new CommandException("usage: " + usage());
        }
        long n = frameNumber(args.get(0));
        Set<String> only = args.size() == 2 ? new LinkedHashSet<>(List.of(args.get(1).split(","))) : null;
        LoadedCapture c = shell.capture();
        DissectedPacket p = dissect(shell, c, n, DissectionOptions.FULL);
        StringBuilder sb = new StringBuilder();
        new TextTreeFormatter(only, true, shell.session().settings().resolveMac()).tree(p, sb);
        shell.console().print(sb);
    }

    static long frameNumber(String word) throws CommandException {
        try {
            long n = Long.parseLong(word);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // message below
        }
        throw new CommandException("not a frame number: " + word);
    }

    /** Frame {@code n} of {@code c}, checked against the capture's size. */
    static DissectedPacket dissect(Shell shell, LoadedCapture c, long n, DissectionOptions options) throws Exception {
        int size = c.index(shell.progress(), shell.cancel()).size();
        if (n > size) {
            throw new CommandException("no frame " + n + ": " + c.name() + " has " + size);
        }
        return c.replay(shell.session().registry()).dissect(n, options, shell.progress(), shell.cancel());
    }
}
