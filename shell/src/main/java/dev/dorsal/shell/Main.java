package dev.dorsal.shell;

import dev.dorsal.shell.cli.BatchCommand;
import dev.dorsal.shell.cli.Interrupts;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The {@code dorsal} command: the tshark-compatible batch CLI. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Interrupts.install(); // Ctrl-C ends a live capture cleanly instead of killing it
        int rc = run(args, out, err);
        out.flush();
        err.flush();
        Interrupts.finished(rc);
        System.exit(rc);
    }

    /** Runs the CLI with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return BatchCommand.run(args, out, err);
    }
}
