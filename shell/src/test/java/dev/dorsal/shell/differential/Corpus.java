package dev.dorsal.shell.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus copied into the test resources (see {@code corpus/README.md}): every pcap/pcapng file
 * under {@code corpus/captures} and {@code corpus/ppp} that has a tshark summary in {@code corpus/oracle}.
 */
final class Corpus {
    private static List<CorpusCase> cases;

    private Corpus() {}

    static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/corpus").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource directory corpus/ not found", e);
        }
    }

    static synchronized List<CorpusCase> cases() {
        if (cases == null) {
            Path root = root();
            try (Stream<Path> files = Files.walk(root)) {
                cases = files.filter(Files::isRegularFile)
                        .filter(p -> !root.relativize(p).startsWith("oracle"))
                        .filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                        .map(p -> toCase(root, p))
                        .filter(c -> c.oracle("summary.txt") != null)
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    private static CorpusCase toCase(Path root, Path capture) {
        String name = root.relativize(capture).toString().replace('\\', '/');
        Path oracle = root.resolve("oracle").resolve(name);
        String file = capture.getFileName().toString();
        String stem = file.substring(0, file.lastIndexOf('.'));
        Path keys = capture.resolveSibling(stem + ".keys");
        return new CorpusCase(name, capture, oracle, Files.isRegularFile(keys) ? keys : null);
    }
}
