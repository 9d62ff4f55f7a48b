package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.capture.FrameIndex;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.engine.capture.CaptureFileWriter;
import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.shell.session.LoadedCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code save FILE}: the frames in the view to a new pcap or pcapng file. */
public final class SaveCommand implements Command {
    @Override public String name() { return "save"; }
    @Override public String usage() { return "save FILE.pcap|FILE.pcapng"; }
    @Override public String summary() { return "write the frames in the view to a pcap or pcapng file"; }
    @Override public ArgKind argKind() { return ArgKind.FILES; }

    @Override
    public String help() {
        return """
                Writes the frames the current filter keeps, unchanged, to FILE: pcapng when the name ends in
                .pcapng or the capture mixes link types, else pcap (nanosecond timestamps when the source has
                them). An existing file is not overwritten.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        Path target = Path.of(args.get(0));
        if (Files.exists(target)) {
            throw new CommandException("save: " + target + " exists; choose another name");
        }
        LoadedCapture c = shell.capture();
        FrameIndex index = c.index(shell.progress(), shell.cancel());
        boolean nanos = index.interfaces().stream().anyMatch(i -> i.tsResolutionDigits() > 6);
        // pcap holds one link type: several interfaces of different types need pcapng.
        boolean pcapng = target.toString().endsWith(".pcapng")
                || index.interfaces().stream().map(i -> i.linkType()).distinct().count() > 1;
        CaptureFormat format = pcapng ? CaptureFormat.PCAPNG : nanos ? CaptureFormat.PCAP_NSEC : CaptureFormat.PCAP;
        long written = 0;
        // The engine's writer, the one -w uses: the same file for the same frames.
        try (CaptureFileWriter w = CaptureFileWriter.open(target, format, index.interfaces())) {
            for (long n = 1; n <= index.size(); n++) {
                if (n % 4096 == 0) {
                    shell.cancel().check();
                    shell.progress().update("saving", n, index.size());
                }
                if (c.inView(n)) {
                    RawFrame f = index.read(n);
                    w.write(f);
                    written++;
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw new CommandException("save: cannot write " + target + ": " + e.getMessage());
        } catch (RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        } finally {
            shell.progress().done();
        }
        shell.console().note("saved " + written + " frames to " + target + (pcapng ? " (pcapng)" : " (pcap)"));
    }
}
