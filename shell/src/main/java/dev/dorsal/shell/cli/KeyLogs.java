package dev.dorsal.shell.cli;

import dev.dorsal.dissectors.tls.TlsKeyLog;
import dev.dorsal.engine.capture.DecryptionSecrets;
import dev.dorsal.engine.dissect.Dissection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a TLS key log (SSLKEYLOGFILE) into a dissection, for a shell command such as {@code keylog
 * FILE}: the secrets reach the TLS dissector the way a pcapng Decryption Secrets Block does, so
 * sessions whose keys are needed after the call are decrypted (sessions already dissected are not:
 * start a new {@link Dissection} of the capture to decrypt them).
 *
 * <pre>{@code
 * TlsKeyLog log = KeyLogs.load(dissection, Path.of("sslkeys.log"));
 * out.println(log.summary());   // "12 secrets for 3 sessions; 2 malformed lines skipped (first: line 7)"
 * }</pre>
 */
public final class KeyLogs {
    private KeyLogs() {}

    /** Reads {@code file}, hands it to {@code dissection} and returns what it holds (malformed lines are skipped). */
    public static TlsKeyLog load(Dissection dissection, Path file) throws IOException {
        if (Files.size(file) > TlsKeyLog.MAX_FILE_BYTES) {
            throw new IOException("key log larger than " + TlsKeyLog.MAX_FILE_BYTES + " bytes: " + file);
        }
        byte[] bytes = Files.readAllBytes(file);
        dissection.addDecryptionSecrets(DecryptionSecrets.TLS_KEY_LOG, bytes);
        return TlsKeyLog.parse(new String(bytes, StandardCharsets.UTF_8));
    }
}
