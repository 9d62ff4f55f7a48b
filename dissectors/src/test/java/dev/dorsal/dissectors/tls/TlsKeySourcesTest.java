package dev.dorsal.dissectors.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where secrets come from: a key log handed to the dissection by an application (the shell's
 * {@code keylog} command, pcapng secrets blocks), and the {@code tls.keylog_file} preference, whose
 * file is read again when it grows while the capture is dissected (a browser still writing it).
 */
class TlsKeySourcesTest {
    private static final String CAPTURE = "tls12_ecdhe.pcapng";

    /** Protocol column of each frame of the capture, after {@code beforeFrame} ran before each frame. */
    private static List<String> protocols(Registry registry, BiConsumer<Dissection, Long> beforeFrame) throws IOException {
        Dissection d = new Dissection(registry);
        List<String> out = new ArrayList<>();
        try (CaptureReader reader = Captures.open(TlsOracle.root().resolve(CAPTURE + ".gz"))) {
            for (RawFrame f = reader.next(); f != null; f = reader.next()) {
                beforeFrame.accept(d, f.number());
                DissectedPacket p = d.dissect(f, DissectionOptions.SUMMARY);
                out.add(p.columns().protocol());
            }
        }
        return out;
    }

    private static byte[] keys() throws IOException {
        return Files.readAllBytes(TlsOracle.root().resolve("tls12_ecdhe.keys"));
    }

    @Test
    void secretsAddedToTheDissectionDecryptLaterSessions() throws IOException {
        byte[] keys = keys();
        List<String> none = protocols(TlsOracle.registry(), (d, n) -> { });
        List<String> all = protocols(TlsOracle.registry(), (d, n) -> {
            if (n == 1) {
                d.addDecryptionSecrets(TlsSecrets.TLS_KEY_LOG, keys);
            }
        });
        // Added after the first session's ChangeCipherSpecs (frames 8, 9): only the second decrypts.
        List<String> late = protocols(TlsOracle.registry(), (d, n) -> {
            if (n == 20) {
                d.addDecryptionSecrets(TlsSecrets.TLS_KEY_LOG, keys);
            }
        });
        assertEquals("TLSv1.2", none.get(9), "frame 10 without keys");
        assertEquals("HTTP", all.get(9), "frame 10 with keys");
        assertEquals("HTTP", all.get(27), "frame 28 with keys");
        assertEquals("TLSv1.2", late.get(9), "frame 10, keys known too late");
        assertEquals("HTTP", late.get(27), "frame 28, keys known in time");
    }

    @Test
    void aKeyLogFileThatGrowsIsReadAgain(@TempDir Path dir) throws IOException {
        Registry registry = TlsOracle.registry();
        Path log = dir.resolve("growing.keys");
        Files.writeString(log, "# written by a browser as sessions start\n");
        List<String> lines = Files.readAllLines(TlsOracle.root().resolve("tls12_ecdhe.keys"));
        registry.setPreference(TlsPreferences.KEYLOG_FILE, log.toString());
        try {
            List<String> protocols = protocols(registry, (d, n) -> {
                try {
                    if (n == 5) {
                        Files.writeString(log, lines.get(0) + "\n", java.nio.file.StandardOpenOption.APPEND);
                    } else if (n == 21) {
                        Files.writeString(log, lines.get(1), java.nio.file.StandardOpenOption.APPEND); // no newline yet
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertEquals("HTTP", protocols.get(9), "frame 10: the first line arrived before its session's keys were needed");
            assertEquals("HTTP", protocols.get(27), "frame 28: a complete last line without its newline is read too");
        } finally {
            registry.setPreference(TlsPreferences.KEYLOG_FILE, "");
        }
    }

    @Test
    void aMissingKeyLogFileLeavesTlsEncrypted() throws IOException {
        Registry registry = TlsOracle.registry();
        registry.setPreference(TlsPreferences.KEYLOG_FILE, "/nonexistent/dorsal.keys");
        try {
            List<String> protocols = protocols(registry, (d, n) -> { });
            assertEquals("TLSv1.2", protocols.get(9));
        } finally {
            registry.setPreference(TlsPreferences.KEYLOG_FILE, "");
        }
    }
}
