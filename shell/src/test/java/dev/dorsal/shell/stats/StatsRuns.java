package dev.dorsal.shell.stats;

import dev.dorsal.shell.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the CLI in-process for the statistics tests, and keeps its output on request. */
final class StatsRuns {
    private StatsRuns() {}

    /** Standard output of {@code dorsal ARGS}; on a non-zero exit, with the code and standard error after it. */
    static String run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int rc = Main.run(args.toArray(String[]::new), o, e);
            o.flush();
            String text = out.toString(StandardCharsets.UTF_8);
            return rc == 0 ? text : text + "[exit " + rc + "] " + err.toString(StandardCharsets.UTF_8);
        }
    }

    /** With {@code -Ddorsal.stats.dump=DIR}, keeps Dorsal's output for a closer look. */
    static void dump(String name, String text) throws IOException {
        String dir = System.getProperty("dorsal.stats.dump");
        if (dir != null) {
            Path d = Path.of(dir, name + ".txt");
            Files.createDirectories(d.getParent());
            Files.writeString(d, text, StandardCharsets.UTF_8);
        }
    }
}
