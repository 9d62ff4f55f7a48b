package dev.dorsal.shell.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One corpus capture and its tshark oracle outputs: {@code corpus/<dir>/<file>} with
 * {@code corpus/oracle/<dir>/<file>.<output>} and, when tshark was given one, a key log
 * {@code corpus/<dir>/<stem>.keys}.
 */
record CorpusCase(String name, Path capture, Path oracleBase, Path keys) {

    /** The oracle output with this suffix ("summary.txt", "fields.tsv", …), or null when there is none. */
    Path oracle(String suffix) {
        Path p = oracleBase.resolveSibling(oracleBase.getFileName() + "." + suffix);
        return Files.isRegularFile(p) ? p : null;
    }

    /** The lines of an oracle output (without line ends), or null when it does not exist. */
    List<String> oracleLines(String suffix) {
        Path p = oracle(suffix);
        if (p == null) {
            return null;
        }
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
