package dev.dorsal.shell;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The training run the build records Dorsal's ahead-of-time cache from (JDK 25's
 * {@code -XX:AOTCacheOutput}; see the shell module's pom and the launcher). The cache holds the
 * classes a run loaded and linked and the method profiles it gathered, so later runs start without
 * parsing and linking them again and compile their hot paths sooner.
 *
 * <p>It runs the batch commands the benchmarks time (summary, fields, display filters, conversation
 * and follow statistics, detail trees) on one capture, several times so the profiles are those of
 * warm code, and prints nothing. Usage: {@code AotTraining CAPTURE [ROUNDS]}.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) {
        String capture = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String[][] commands = {
            {"-r", capture},
            {"-r", capture, "-V"},
            {"-r", capture, "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "tcp.srcport"},
            {"-r", capture, "-Y", "tcp.srcport == 443"},
            {"-r", capture, "-Y", "tls.handshake.type == 1", "-T", "fields", "-e",
                "tls.handshake.extensions_server_name"},
            {"-r", capture, "-Y", "http.request", "-T", "fields", "-e", "http.host", "-e", "http.request.uri"},
            {"-r", capture, "-q", "-z", "conv,tcp"},
            {"-r", capture, "-q", "-z", "follow,tcp,raw,0"},
            {"-r", capture, "-T", "json"},
        };
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        int failures = 0;
        for (int round = 0; round < rounds; round++) {
            for (String[] command : commands) {
                if (Main.run(command, discard, discard) != 0) {
                    failures++;
                }
            }
        }
        if (failures > 0) {
            System.err.println("AotTraining: " + failures + " command runs failed (the cache is still written)");
        }
    }
}
