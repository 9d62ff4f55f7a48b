package dev.dorsal.shell.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tshark's command line the way its getopt does: short options alone ({@code -V}), clustered
 * ({@code -qV}), with their value attached ({@code -c100}, {@code -Tfields}) or next ({@code -c 100});
 * long options with {@code --name=value} or {@code --name value}; {@code --} ends the options. Words
 * that are not options are the trailing filter, wherever they stand. A value is taken as given, even
 * one that starts with '-' ({@code -Y -1} filters on "-1"), and a repeated option's last value wins.
 * An option whose value may be left out ({@code -G}) takes only an attached one or a next word that is
 * not an option.
 *
 * <p>Hand-written rather than picocli, which the batch CLI used before: picocli's classes are Java 5
 * class files, which neither the class-data archive nor the AOT cache can hold, and loading, verifying
 * and reflecting over them took 0.14 s of every run's 0.25 s start-up (docs/benchmarks.md, session 8).
 */
final class OptionParser {
    /** What went wrong, in getopt's words (without the program name). */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private static final Map<String, BatchOptions.Spec> BY_NAME = new HashMap<>();

    static {
        for (BatchOptions.Spec spec : BatchOptions.SPECS) {
            for (String name : spec.names()) {
                BY_NAME.put(name, spec);
            }
        }
    }

    private OptionParser() {}

    static BatchOptions parse(String[] args) throws Problem {
        BatchOptions o = new BatchOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                o.trailingFilter.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (a.startsWith("--")) {
                i = longOption(o, args, i);
            } else if (a.startsWith("-") && a.length() > 1) {
                i = shortOptions(o, args, i);
            } else {
                o.trailingFilter.add(a);
            }
        }
        return o;
    }

    /** {@code --name}, {@code --name=value} or {@code --name value}; returns the index of the last word used. */
    private static int longOption(BatchOptions o, String[] args, int i) throws Problem {
        String word = args[i];
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        BatchOptions.Spec spec = BY_NAME.get(name);
        if (spec == null) {
            throw new Problem("unrecognized option '" + word + "'");
        }
        if (!spec.takesValue()) {
            if (eq >= 0) {
                throw new Problem("option '" + name + "' doesn't allow an argument");
            }
            spec.set().accept(o, null);
            return i;
        }
        if (eq >= 0) {
            spec.set().accept(o, word.substring(eq + 1));
            return i;
        }
        if (spec.fallback() != null && (i + 1 >= args.length || args[i + 1].startsWith("-"))) {
            spec.set().accept(o, spec.fallback());
            return i;
        }
        if (i + 1 >= args.length) {
            throw new Problem("option '" + name + "' requires an argument");
        }
        spec.set().accept(o, args[i + 1]);
        return i + 1;
    }

    /** One word of short options ({@code -qV}, {@code -c100}); returns the index of the last word used. */
    private static int shortOptions(BatchOptions o, String[] args, int i) throws Problem {
        String word = args[i];
        for (int c = 1; c < word.length(); c++) {
            String name = "-" + word.charAt(c);
            BatchOptions.Spec spec = BY_NAME.get(name);
            if (spec == null) {
                throw new Problem("invalid option -- '" + word.charAt(c) + "'");
            }
            if (!spec.takesValue()) {
                spec.set().accept(o, null);
                continue;
            }
            if (c + 1 < word.length()) {
                spec.set().accept(o, word.substring(c + 1));
                return i;
            }
            if (spec.fallback() != null && (i + 1 >= args.length || args[i + 1].startsWith("-"))) {
                spec.set().accept(o, spec.fallback());
                return i;
            }
            if (i + 1 >= args.length) {
                throw new Problem("option requires an argument -- '" + word.charAt(c) + "'");
            }
            spec.set().accept(o, args[i + 1]);
            return i + 1;
        }
        return i;
    }

    /** The {@code -h} text: usage line, description, one line per option, the footer. */
    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: dorsal [OPTIONS] [").append(BatchOptions.TRAILING_LABEL).append("...]\n");
        sb.append(BatchOptions.DESCRIPTION).append("\n\n");
        int width = 0;
        for (BatchOptions.Spec spec : BatchOptions.SPECS) {
            width = Math.max(width, synopsis(spec).length());
        }
        for (BatchOptions.Spec spec : BatchOptions.SPECS) {
            String left = synopsis(spec);
            sb.append("  ").append(left).append(" ".repeat(width - left.length() + 2)).append(spec.help()).append('\n');
        }
        String trailing = "[" + BatchOptions.TRAILING_LABEL + "...]";
        sb.append("  ").append(trailing).append(" ".repeat(Math.max(2, width - trailing.length() + 2)))
                .append(BatchOptions.TRAILING_HELP).append("\n\n");
        sb.append(BatchOptions.FOOTER).append('\n');
        return sb.toString();
    }

    /** "-r, --read-file=FILE", "-G[REPORT]", "-V". */
    private static String synopsis(BatchOptions.Spec spec) {
        StringBuilder sb = new StringBuilder(String.join(", ", spec.names()));
        if (spec.takesValue()) {
            boolean longLast = spec.names().getLast().startsWith("--");
            String value = spec.fallback() != null ? "[" + spec.label() + "]" : (longLast ? "=" : " ") + spec.label();
            sb.append(value);
        }
        return sb.toString();
    }
}
