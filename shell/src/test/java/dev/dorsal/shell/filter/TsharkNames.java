package dev.dorsal.shell.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field and protocol names tshark 4.0.17 knows for the protocols the conformance rows use, each
 * with its protocol ({@code filter/fields_*.tsv}), to tell "not dissected yet" from a real failure.
 */
final class TsharkNames {
    private static Map<String, String> protocolOf;

    private TsharkNames() {}

    /** The protocol of tshark field or protocol {@code name}, or null when tshark does not know it. */
    static synchronized String protocolOf(String name) {
        if (protocolOf == null) {
            protocolOf = new HashMap<>();
            for (String file : List.of("/filter/fields_core.tsv", "/filter/fields_extra.tsv")) {
                read(file);
            }
        }
        return protocolOf.get(name);
    }

    private static void read(String file) {
        try (InputStream in = TsharkNames.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String[] c = line.split("\t");
                if (c.length > 1) {
                    protocolOf.put(c[0], c[0]);
                    protocolOf.put(c[1], c[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
