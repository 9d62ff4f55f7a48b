package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.capture.FrameIndex;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;

/** {@code captures}: the open captures, the current one marked. */
public final class CapturesCommand implements Command {
    @Override public String name() { return "captures"; }
    @Override public String usage() { return "captures"; }
    @Override public String summary() { return "list the open captures (* marks the current one)"; }

    @Override
    public String help() {
        return "Lists the open captures: number, frames, the filter and how many frames it keeps. use N switches.";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        CloseCommand.requireNoArgs(args, usage());
        if (shell.session().captures().isEmpty()) {
            shell.console().note("no capture open");
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (LoadedCapture c : shell.session().captures()) {
            sb.append(c == shell.session().current() ? "* " : "  ").append('[').append(c.id()).append("] ")
                    .append(c.name()).append("  ").append(describe(c)).append('\n');
        }
        shell.console().print(sb);
    }

    /** "42 frames", "indexing 40%", with the filter and the frames it keeps. */
    static String describe(LoadedCapture c) {
        FrameIndex index = c.indexIfReady();
        if (!c.indexingDone()) {
            return "indexing " + Math.round(c.indexFraction() * 100) + "% (" + c.framesIndexed() + " frames so far)";
        }
        if (index == null) {
            return "unreadable";
        }
        String s = index.size() + " frames";
        if (c.filter() != null) {
            s += ", filter \"" + c.filter().text() + "\" keeps " + c.view().cardinality();
        }
        if (c.cache() != null) {
            s += String.format(java.util.Locale.ROOT, ", cached values: %.1f MiB for %d fields",
                    c.cache().bytesUsed() / 1048576.0, c.cache().fields().cardinality());
        }
        return s;
    }

    /** The capture numbered {@code word}. */
    static LoadedCapture byNumber(Shell shell, String word) throws CommandException {
        try {
            LoadedCapture c = shell.session().capture(Integer.parseInt(word));
            if (c != null) {
                return c;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new CommandException("no capture numbered " + word + " (captures lists them)");
    }
}
