package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.FrameIndex;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;
import java.nio.file.Path;
import java.util.List;

/** {@code open FILE...}: opens captures; big files keep indexing in the background. */
public final class OpenCommand implements Command {
    /** How long open shows the progress bar before leaving a big file to index in the background. */
    private static final long FOREGROUND_MILLIS = 1500;

    @Override public String name() { return "open"; }
    @Override public String usage() { return "open FILE..."; }
    @Override public String summary() { return "open capture files (pcap, pcapng, gzip); the last one becomes current"; }
    @Override public ArgKind argKind() { return ArgKind.FILES; }

    @Override
    public String help() {
        return """
                Opens one or more capture files. Each gets a number (see captures, use N) and the last one
                becomes the current capture that the other commands work on. Frames are indexed in the
                background: open shows a progress bar for a moment, then gives the prompt back while a big
                file goes on indexing (the prompt shows how far it got); commands that need every frame wait
                for it, and Ctrl-C stops the wait.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.isEmpty()) {
            throw new CommandException("usage: " + usage());
        }
        for (String word : args.words()) {
            Path path = Path.of(word.startsWith("~/") ? System.getProperty("user.home") + word.substring(1) : word);
            LoadedCapture c;
            try {
                c = shell.session().open(path);
            } catch (CaptureFileException e) {
                shell.console().error(e.tsharkMessage().replace("tshark: ", ""));
                continue;
            }
            long until = System.currentTimeMillis() + FOREGROUND_MILLIS;
            var progress = shell.progress();
            while (!c.indexingDone() && System.currentTimeMillis() < until && !shell.cancel().requested()) {
                progress.update("indexing " + c.name(), (long) (c.indexFraction() * 1000), 1000);
                Thread.sleep(50);
            }
            progress.done();
            if (!c.indexingDone()) {
                shell.console().note("[" + c.id() + "] " + c.name() + ": indexing in the background ("
                        + Math.round(c.indexFraction() * 100) + "% so far)");
                continue;
            }
            FrameIndex index;
            try {
                index = c.index(progress, shell.cancel());
            } catch (CaptureFileException e) {
                shell.session().close(c);
                shell.console().error(e.tsharkMessage().replace("tshark: ", ""));
                continue;
            }
            String warn = index.error() == null ? "" : " (" + index.error().tsharkMessage().replace("tshark: ", "").strip() + ")";
            shell.console().note("[" + c.id() + "] " + c.name() + ": " + index.size() + " frames" + warn);
        }
    }

    /** For tests and the README: the words of {@code open}. */
    static List<String> example() {
        return List.of("open", "docs/samples/https-walkthrough.pcapng");
    }
}
