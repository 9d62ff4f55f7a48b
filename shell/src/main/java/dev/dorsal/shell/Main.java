package dev.dorsal.shell;

import dev.dorsal.shell.cli.BatchCommand;
import dev.dorsal.shell.cli.SharedRegistry;
import dev.dorsal.shell.query.BatchQuery;
import dev.dorsal.shell.repl.Repl;
import dev.dorsal.shell.cli.Interrupts;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code dorsal} command. With tshark's options ({@code -r FILE ...}) it is the tshark-compatible
 * batch CLI; {@code dorsal run SCRIPT.js FILE...} runs a JavaScript query in batch; without arguments,
 * or with only file names, it is the interactive shell.
 */
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

    /** Runs the command with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("run")) {
            return BatchQuery.run(Arrays.asList(args).subList(1, args.length), out, err);
        }
        if (isShell(args)) {
            try {
                return Repl.run(List.of(args), System.in, out, err, SharedRegistry.get());
            } catch (RuntimeException e) {
                err.println("dorsal: internal error: cannot load the dissectors: " + e.getMessage());
                return 3;
            }
        }
        return BatchCommand.run(args, out, err);
    }

    /** No arguments, or only file names (no option): the shell. Anything with an option is tshark's CLI. */
    static boolean isShell(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                return false;
            }
        }
        return true;
    }
}
