package dev.dorsal.shell.cli;

import dev.dorsal.dissectors.tls.TlsKeyLog;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.Preference;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Tells the user, on stderr, when the key log of {@code -o tls.keylog_file:PATH} cannot be read or has
 * malformed lines (which decryption skips). tshark says nothing and decrypts what it can; so does
 * Dorsal, it only says why some sessions may stay encrypted. Never fails the run.
 */
final class KeyLogNotice {
    private KeyLogNotice() {}

    static void check(Registry registry, PrintStream err) {
        Preference p = registry.preference("tls.keylog_file");
        String path = p == null ? "" : p.value().trim();
        if (path.isEmpty()) {
            return;
        }
        try {
            TlsKeyLog log = TlsKeyLog.read(Path.of(path));
            if (log.skippedLines() > 0) {
                err.println(BatchCommand.PREFIX + "tls.keylog_file \"" + path + "\": " + log.skippedLines()
                        + " malformed line" + (log.skippedLines() == 1 ? "" : "s") + " skipped (first: line "
                        + log.skippedLineNumbers().get(0) + ")");
            }
        } catch (NoSuchFileException e) {
            err.println(BatchCommand.PREFIX + "tls.keylog_file \"" + path + "\" does not exist: TLS stays encrypted.");
        } catch (IOException | RuntimeException e) {
            err.println(BatchCommand.PREFIX + "tls.keylog_file \"" + path + "\" cannot be read (" + e.getMessage()
                    + "): TLS stays encrypted.");
        }
    }
}
