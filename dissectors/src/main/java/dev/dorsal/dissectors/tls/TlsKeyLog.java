package dev.dorsal.dissectors.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads an NSS key log (the SSLKEYLOGFILE format browsers, curl and OpenSSL write): one secret per
 * line, {@code LABEL <hex id> <hex secret>}, where the id is the session's 32-byte ClientHello random
 * (or, for {@code RSA}, the first 8 bytes of the encrypted premaster secret). Lines starting with
 * {@code #} and blank lines are comments; any other line that is not a well-formed entry is skipped
 * and counted, never fatal.
 *
 * <pre>{@code
 * TlsKeyLog log = TlsKeyLog.read(Path.of("sslkeys.log"));
 * log.entries().size();   // secrets read
 * log.skippedLines();     // malformed lines left out
 * }</pre>
 *
 * Labels read (those tshark 4.0 reads): {@code CLIENT_RANDOM} (TLS 1.0 to 1.2 master secret),
 * {@code CLIENT_EARLY_TRAFFIC_SECRET}, {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET},
 * {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}, {@code CLIENT_TRAFFIC_SECRET_0},
 * {@code SERVER_TRAFFIC_SECRET_0}, {@code EXPORTER_SECRET}, {@code EARLY_EXPORTER_SECRET} (TLS 1.3),
 * {@code RSA} and {@code PMS_CLIENT_RANDOM} (premaster secrets) and
 * {@code RSA Session-ID:<hex> Master-Key:<hex>} (master secret by session id). Lines of the same
 * shape with other labels are ignored without being counted as malformed.
 */
public final class TlsKeyLog {
    /** What a key log line gives. */
    public enum Label {
        CLIENT_RANDOM, CLIENT_EARLY_TRAFFIC_SECRET, CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_HANDSHAKE_TRAFFIC_SECRET,
        CLIENT_TRAFFIC_SECRET_0, SERVER_TRAFFIC_SECRET_0, EXPORTER_SECRET, EARLY_EXPORTER_SECRET,
        /** Premaster secret, by the first 8 bytes of the RSA-encrypted premaster secret. */
        RSA,
        /** Premaster secret, by client random. */
        PMS_CLIENT_RANDOM,
        /** Master secret, by session id ({@code RSA Session-ID:… Master-Key:…}). */
        SESSION_ID
    }

    /**
     * One secret.
     *
     * @param label what the secret is
     * @param id the client random (32 bytes), the encrypted premaster prefix (8 bytes, {@code RSA}) or
     *     the session id ({@code SESSION_ID})
     * @param secret the secret itself
     */
    public record Entry(Label label, byte[] id, byte[] secret) {}

    /** Most bytes read from one key log file (a larger file is read up to here and the rest skipped). */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private static final int MASTER_SECRET_LENGTH = 48;
    private static final HexFormat HEX = HexFormat.of();
    /** What {@link #line} returns for a well-formed line with a label nobody reads. */
    private static final Entry IGNORED = new Entry(null, new byte[0], new byte[0]);

    private final List<Entry> entries;
    private final int skippedLines;
    private final List<Integer> skippedLineNumbers;

    private TlsKeyLog(List<Entry> entries, int skippedLines, List<Integer> skippedLineNumbers) {
        this.entries = Collections.unmodifiableList(entries);
        this.skippedLines = skippedLines;
        this.skippedLineNumbers = Collections.unmodifiableList(skippedLineNumbers);
    }

    /** Parses key log text; never fails (malformed lines are counted in {@link #skippedLines()}). */
    public static TlsKeyLog parse(CharSequence text) {
        List<Entry> entries = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        int count = 0;
        int lineNumber = 0;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n') {
                end++;
            }
            lineNumber++;
            String line = text.subSequence(start, end).toString().strip();
            start = end + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Entry e = line(line);
            if (e == null) {
                count++;
                if (skipped.size() < 100) {
                    skipped.add(lineNumber);
                }
            } else if (e != IGNORED) {
                entries.add(e);
            }
        }
        return new TlsKeyLog(entries, count, skipped);
    }

    /** Reads and parses a key log file (at most {@link #MAX_FILE_BYTES} of it). */
    public static TlsKeyLog read(Path file) throws IOException {
        return parse(readText(file, 0));
    }

    /** The file's text from byte {@code from} on, at most {@link #MAX_FILE_BYTES} in all. */
    static String readText(Path file, long from) throws IOException {
        try (var ch = Files.newByteChannel(file)) {
            long size = ch.size();
            long end = Math.min(size, MAX_FILE_BYTES);
            if (from >= end) {
                return "";
            }
            ch.position(from);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) (end - from));
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read until full or end of file
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }

    /** The secrets read, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Lines that were neither comments nor well-formed entries. A well-formed line with a label no
     * decoder uses (OpenSSL's {@code CLIENT_TRAFFIC_SECRET_N} after a KeyUpdate, say) is not counted.
     */
    public int skippedLines() {
        return skippedLines;
    }

    /** Line numbers (1-based) of the first 100 skipped lines. */
    public List<Integer> skippedLineNumbers() {
        return skippedLineNumbers;
    }

    /** Sessions the key log has secrets for (distinct client randoms and premaster/session ids). */
    public int sessions() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Entry e : entries) {
            ids.add(HEX.formatHex(e.id()));
        }
        return ids.size();
    }

    /** One line for users: {@code "12 secrets for 3 sessions; 2 malformed lines skipped (first: line 7)"}. */
    public String summary() {
        String s = entries.size() + (entries.size() == 1 ? " secret" : " secrets") + " for " + sessions()
                + (sessions() == 1 ? " session" : " sessions");
        if (skippedLines > 0) {
            s += "; " + skippedLines + " malformed line" + (skippedLines == 1 ? "" : "s") + " skipped (first: line "
                    + skippedLineNumbers.get(0) + ")";
        }
        return s;
    }

    /** The entry of one line, or null for a malformed line. */
    private static Entry line(String line) {
        if (line.startsWith("RSA Session-ID:")) {
            int mk = line.indexOf(" Master-Key:");
            if (mk < 0) {
                return null;
            }
            byte[] id = hex(line.substring("RSA Session-ID:".length(), mk), 1, 32);
            byte[] secret = hex(line.substring(mk + " Master-Key:".length()), MASTER_SECRET_LENGTH, MASTER_SECRET_LENGTH);
            return id == null || secret == null ? null : new Entry(Label.SESSION_ID, id, secret);
        }
        String[] parts = line.split("[ \t]+");
        if (parts.length != 3) {
            return null;
        }
        Label label;
        try {
            label = Label.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            boolean shaped = parts[0].matches("[A-Z][A-Z0-9_]*") && hex(parts[1], 1, 64) != null
                    && hex(parts[2], 1, 1024) != null;
            return shaped ? IGNORED : null;
        }
        int idLength = label == Label.RSA ? 8 : 32;
        byte[] id = hex(parts[1], idLength, idLength);
        byte[] secret = switch (label) {
            case CLIENT_RANDOM -> hex(parts[2], MASTER_SECRET_LENGTH, MASTER_SECRET_LENGTH);
            case RSA, PMS_CLIENT_RANDOM -> hex(parts[2], 1, 1024);
            case SESSION_ID -> null; // only in the "RSA Session-ID:" form
            default -> trafficSecret(parts[2]);
        };
        if (id == null || secret == null) {
            return null;
        }
        return new Entry(label, id, secret);
    }

    /** A TLS 1.3 secret: as long as the hash of a cipher suite (32, 48 or 64 bytes). */
    private static byte[] trafficSecret(String hex) {
        byte[] b = hex(hex, 32, 64);
        return b != null && (b.length == 32 || b.length == 48 || b.length == 64) ? b : null;
    }

    /** Decodes hex of {@code min} to {@code max} bytes, or null. */
    private static byte[] hex(String s, int min, int max) {
        if (s.length() % 2 != 0 || s.length() / 2 < min || s.length() / 2 > max) {
            return null;
        }
        try {
            return HEX.parseHex(s.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
