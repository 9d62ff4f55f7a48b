package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Preference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The secrets one capture can be decrypted with, gathered from the key log named by the
 * {@code tls.keylog_file} preference and from the capture's TLS Decryption Secrets Blocks (or key logs
 * an application added the same way), and looked up by session. Per capture, via
 * {@link PacketInfo#state}.
 *
 * <p>Like tshark, the key log file is read when a secret is first needed and read again (its new
 * lines only) when a lookup misses and the file has grown, so a key log still being written by a
 * browser during a live capture keeps working.
 *
 * <p>Bounded: at most {@link #MAX_SECRETS} secrets are kept (later ones are dropped) and at most
 * {@link TlsKeyLog#MAX_FILE_BYTES} bytes of the key log file are read.
 */
final class TlsSecrets {
    static final Key<TlsSecrets> KEY = Key.of("tls.secrets");
    /** pcapng DSB secrets type of an NSS key log ('TLSK'). */
    static final int TLS_KEY_LOG = 0x544c534b;
    /** Most secrets kept per capture. */
    static final int MAX_SECRETS = 1_000_000;

    private static final HexFormat HEX = HexFormat.of();

    private final Map<TlsKeyLog.Label, Map<String, byte[]>> secrets = new EnumMap<>(TlsKeyLog.Label.class);
    /** Master secrets learnt from decrypted sessions, by session ticket (for resumption). */
    private final Map<String, byte[]> byTicket = new HashMap<>();
    private int count;
    private int blocksRead;
    private String keylogPath = "";
    private long keylogRead;
    private long keylogModified;
    private int skippedLines;

    static TlsSecrets of(PacketInfo pinfo) {
        TlsSecrets s = pinfo.state(KEY, TlsSecrets::new);
        s.refresh(pinfo);
        return s;
    }

    /** Takes in new secrets blocks and notices a changed key log preference. */
    private void refresh(PacketInfo pinfo) {
        List<byte[]> blocks = pinfo.decryptionSecrets(TLS_KEY_LOG);
        while (blocksRead < blocks.size()) {
            add(TlsKeyLog.parse(new String(blocks.get(blocksRead++), java.nio.charset.StandardCharsets.UTF_8)));
        }
        Preference p = pinfo.tables().preference(TlsPreferences.KEYLOG_FILE);
        String path = p == null ? "" : p.value().trim();
        if (!path.equals(keylogPath)) {
            keylogPath = path;
            keylogRead = 0;
            keylogModified = 0;
            readKeylog();
        }
    }

    /** Whether any source of secrets is configured: a key log file, or secrets blocks in the capture. */
    boolean configured() {
        return !keylogPath.isEmpty() || blocksRead > 0;
    }

    /** Where secrets come from, for notes: the key log's file name, and/or "the capture's secrets". */
    String sources() {
        if (keylogPath.isEmpty()) {
            return "the capture's decryption secrets";
        }
        Path name = Path.of(keylogPath).getFileName();
        return (name == null ? keylogPath : name.toString()) + (blocksRead > 0 ? " or the capture's decryption secrets" : "");
    }

    /** Malformed lines skipped in the key log file so far. */
    int skippedLines() {
        return skippedLines;
    }

    /** The secret {@code label} for {@code id} (a client random…), or null; re-reads a grown key log on a miss. */
    byte[] find(TlsKeyLog.Label label, byte[] id) {
        if (id == null) {
            return null;
        }
        byte[] s = lookup(label, id);
        if (s == null && readKeylog()) {
            s = lookup(label, id);
        }
        return s;
    }

    /** The master secret remembered for a session ticket, or null. */
    byte[] byTicket(byte[] ticket) {
        return ticket == null ? null : byTicket.get(HEX.formatHex(ticket));
    }

    /** Remembers a session's master secret under its session id and ticket, for later resumptions. */
    void rememberSession(byte[] sessionId, byte[] ticket, byte[] masterSecret) {
        if (sessionId != null && sessionId.length > 0) {
            put(TlsKeyLog.Label.SESSION_ID, sessionId, masterSecret);
        }
        if (ticket != null && ticket.length > 0 && count < MAX_SECRETS) {
            if (byTicket.put(HEX.formatHex(ticket), masterSecret) == null) {
                count++;
            }
        }
    }

    private byte[] lookup(TlsKeyLog.Label label, byte[] id) {
        Map<String, byte[]> m = secrets.get(label);
        return m == null ? null : m.get(HEX.formatHex(id));
    }

    private void add(TlsKeyLog log) {
        for (TlsKeyLog.Entry e : log.entries()) {
            put(e.label(), e.id(), e.secret());
        }
    }

    private void put(TlsKeyLog.Label label, byte[] id, byte[] secret) {
        Map<String, byte[]> m = secrets.computeIfAbsent(label, l -> new HashMap<>());
        String key = HEX.formatHex(id);
        if (m.containsKey(key)) {
            m.put(key, secret);
        } else if (count < MAX_SECRETS) {
            m.put(key, secret);
            count++;
        }
    }

    /**
     * Reads the key log file's lines added since the last read (all of it the first time, or again
     * from the start when it was replaced by a shorter one); returns whether anything new was read.
     * An unreadable file yields no secrets: decryption then says which secret it missed.
     */
    private boolean readKeylog() {
        if (keylogPath.isEmpty()) {
            return false;
        }
        Path file = Path.of(keylogPath);
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (size == keylogRead && modified == keylogModified) {
                return false;
            }
            if (size < keylogRead) {
                keylogRead = 0;
            }
            keylogModified = modified;
            String text = TlsKeyLog.readText(file, keylogRead);
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            String tail = text.substring(complete.length());
            // A last line without its newline may still be being written: take it only when it already
            // reads as an entry, else leave it for the next read.
            if (!tail.isEmpty() && TlsKeyLog.parse(tail).skippedLines() == 0) {
                complete = text;
            }
            keylogRead += complete.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            TlsKeyLog log = TlsKeyLog.parse(complete);
            skippedLines += log.skippedLines();
            add(log);
            return !log.entries().isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
