package dev.dorsal.shell.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the shell in a real terminal: tmux runs {@code dorsal FILE} in a 120x40 pane, send-keys types
 * and capture-pane reads the screen. Covers what only a terminal shows: the prompt, Tab completion of
 * a field name, the filter coloured as typed with its error under the line, the pager, Ctrl-C
 * stopping a query without leaving, Ctrl-D leaving, and the history file. Waits poll the screen
 * (no timing assertions); .ci/run installs tmux.
 */
class ReplTerminalTest {
    private static final Path HTTP = Path.of("src", "test", "resources", "corpus", "captures", "http_get.pcap");
    private static final long WAIT_MILLIS = 120_000;

    @TempDir
    Path home;
    private String session;

    @AfterEach
    void kill() throws Exception {
        if (session != null) {
            tmux("kill-session", "-t", session);
        }
    }

    @Test
    void aSessionAtTheTerminal() throws Exception {
        assumeTrue(tmuxAvailable(), "tmux is not installed (.ci/run installs it)");
        session = "dorsal-test-" + ProcessHandle.current().pid();
        Path history = home.resolve("history");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", List.of(
                "env", "HOME=" + home, "DORSAL_HISTORY=" + history, "TERM=xterm-256color",
                quote(java), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xss4m",
                "-Ddorsal.js.compilation=false", "-cp", quote(System.getProperty("java.class.path")),
                "dev.dorsal.shell.Main", quote(HTTP.toAbsolutePath().toString())));
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command);
        waitFor("http_get.pcap>"); // capture-pane drops trailing blanks
        waitFor("[1] http_get.pcap: 135 frames");

        // Tab completes the field name inside the filter; the valid filter is green, a bad one red with the error.
        keys("filter tcp.srcp", "Tab");
        waitFor("filter tcp.srcport");
        keys("== 80");
        waitForColoured("\u001b[32m");
        keys("x");
        waitFor("\"80x\" is not a valid number");
        keys("BSpace", "Enter");
        waitFor("of 135 frames (");

        // show: the tree is longer than the screen, so the pager stops it; q ends it.
        keys("show 4", "Enter");
        waitFor("--More--");
        assertTrue(screen().contains("Frame Number: 4"), screen());
        keys("q");
        waitFor("[tcp.srcport == 80]>");

        keys("filter", "Enter");
        waitFor("filter cleared");
        keys("follow tcp 1 ascii", "Enter");
        waitFor("Follow: tcp,ascii");
        waitFor("GET /hello.txt HTTP/1.1");

        keys("clear", "Enter");
        keys("C-l");
        keys("js capture.packets('http.request').map(p => p.get('http.request.uri')).length", "Enter");
        waitFor("\n14\n");

        // Ctrl-C stops a query that would run for ever (each pass is host work, so no time limit applies).
        keys("js for (;;) { capture.packets().count(); }", "Enter");
        Thread.sleep(1500);
        keys("C-c");
        waitFor("cancelled");
        keys("js 6 * 7", "Enter");
        waitFor("\n42\n");

        // Ctrl-D leaves; the history was saved.
        keys("C-d");
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < until && !Files.exists(history)) {
            Thread.sleep(200);
        }
        waitForHistory(history, "filter tcp.srcport == 80");
    }

    private void waitForHistory(Path history, String line) throws Exception {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < until) {
            if (Files.exists(history) && Files.readString(history).contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        fail("history " + history + " lacks " + line);
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", session);
    }

    private void waitFor(String text) throws Exception {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        String last = "";
        while (System.currentTimeMillis() < until) {
            last = screen();
            if (last.contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the screen never showed " + text + ":\n" + last);
    }

    private void waitForColoured(String escape) throws Exception {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        String last = "";
        while (System.currentTimeMillis() < until) {
            last = tmux("capture-pane", "-p", "-e", "-t", session);
            if (last.contains(escape)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("no " + escape.replace("\u001b", "ESC") + " on the screen:\n" + last);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("tmux");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
