package dev.dorsal.engine.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a file of tshark outputs packed one after the other, each introduced by a line
 * {@code @@@@ <key>} (the key names the case: capture and arguments, or a follow mode).
 */
final class Packed {
    private Packed() {}

    static Map<String, String> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        Map<String, String> out = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            if (!text.startsWith("@@@@ ", at)) {
                throw new IOException(file + ": expected a @@@@ line at offset " + at);
            }
            int eol = text.indexOf('\n', at);
            String key = text.substring(at + 5, eol);
            int next = text.indexOf("\n@@@@ ", eol);
            int end = next < 0 ? text.length() : next + 1;
            String body = text.substring(eol + 1, end);
            out.put(key, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            at = end;
        }
        return out;
    }
}
