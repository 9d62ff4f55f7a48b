package dev.dorsal.shell.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dorsal.shell.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every query script of scripts/queries on the corpus captures and compares its output with the
 * values scripts/queries/expected/make_expected.py computed from tshark 4.0.17 (committed), line by line.
 */
class QueryScriptsTest {
    static final Path SCRIPTS = Path.of("..", "scripts", "queries");
    static final Path CORPUS = Path.of("src", "test", "resources", "corpus");

    @TestFactory
    Stream<DynamicTest> everyScriptAgreesWithTshark() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> folders = Files.list(SCRIPTS.resolve("expected"))) {
            for (Path folder : folders.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                String script = folder.getFileName().toString();
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path expected : files.sorted().toList()) {
                        String capture = expected.getFileName().toString().replaceFirst("\\.txt$", "");
                        tests.add(DynamicTest.dynamicTest(script + " on " + capture, () -> check(script, capture, expected)));
                    }
                }
            }
        }
        assertFalse(tests.isEmpty(), "no expected outputs under " + SCRIPTS.resolve("expected"));
        return tests.stream();
    }

    private static void check(String script, String capture, Path expected) throws IOException {
        Path file = find(capture);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = Main.run(new String[] {"run", SCRIPTS.resolve(script + ".js").toString(), file.toString()}, o, e);
            o.flush();
        }
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertEquals(Files.readString(expected), out.toString(StandardCharsets.UTF_8), script + " on " + capture);
    }

    static Path find(String capture) throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.getFileName().toString().equals(capture) && !p.toString().contains("oracle"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no capture " + capture));
        }
    }
}
