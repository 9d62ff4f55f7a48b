package dev.dorsal.shell.differential;

import dev.dorsal.shell.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the dorsal CLI in-process and captures what it prints. */
final class Cli {
    /** Exit code, standard output and standard error of one run. */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return lines(out);
        }
    }

    private static Boolean keylogKnown;

    static {
        // tshark wrote the oracles with its MAC name tables ("Giga-Byt_b2:de:6e"): these runs use the
        // entries of those tables that the oracles need (corpus/names, from make_names.py). The other
        // tests keep names off (the parent pom's DORSAL_WIRESHARK_DATA=none); each test class has its
        // own JVM (reuseForks=false), and the table loads on the first lookup, after this.
        System.setProperty("dorsal.wiresharkData", Corpus.root().resolve("names").toString());
    }

    private Cli() {}

    static Result run(String... args) {
        return run(Arrays.asList(args));
    }

    static Result run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = Main.run(args.toArray(String[]::new), o, e);
            o.flush();
        }
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The arguments tshark was run with for the oracle: {@code -r FILE} plus the key log when one
     * exists and Dorsal already has the {@code tls.keylog_file} preference (else it is left out).
     */
    static List<String> readArgs(CorpusCase c) {
        List<String> args = new ArrayList<>(List.of("-r", c.capture().toString()));
        if (c.keys() != null && keylogKnown()) {
            args.add("-o");
            args.add("tls.keylog_file:" + c.keys());
        }
        // STEM.args beside a capture: more options (one per line) that its oracle was made with.
        String file = c.capture().getFileName().toString();
        java.nio.file.Path extra = c.capture().resolveSibling(file.substring(0, file.lastIndexOf('.')) + ".args");
        if (java.nio.file.Files.isRegularFile(extra)) {
            try {
                java.nio.file.Files.readAllLines(extra).stream().filter(l -> !l.isBlank()).forEach(args::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return args;
    }

    private static synchronized boolean keylogKnown() {
        if (keylogKnown == null) {
            keylogKnown = dev.dorsal.shell.cli.SharedRegistry.get().preference("tls.keylog_file") != null;
        }
        return keylogKnown;
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
