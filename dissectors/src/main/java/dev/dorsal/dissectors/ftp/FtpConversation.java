package dev.dorsal.dissectors.ftp;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one FTP control connection (one {@code tcp.stream}): the last request line, the
 * current working directory as CWD, CDUP and PWD replies establish it, and the data connection
 * announced last. Per capture, via {@link PacketInfo#state}.
 *
 * <p>The working directory follows tshark 4.0.17's rules: a 257 reply's quoted name replaces it; a
 * 250 reply to {@code CWD path} replaces it with an absolute path, or appends a relative one and
 * normalises "." and ".." (an empty directory just takes the path as given); a 250 reply to
 * {@code CDUP} goes up one level. A data connection keeps the directory object current when it was
 * announced, which a relative CWD from an empty directory still extends (as tshark's shared buffer).
 *
 * <p>Bounded: at most {@value #MAX_CONVERSATIONS} control connections per capture (least recently
 * used dropped first; one that comes back starts afresh with an empty directory).
 */
final class FtpConversation {
    /** Most control connections tracked at once. */
    static final int MAX_CONVERSATIONS = 10_000;

    private static final Key<Map<Long, FtpConversation>> KEY = Key.of("ftp.conversations");
    /** Pass link: the data connection whose command or setup frame is the key (tshark -2). */
    static final String LINK = "ftp.data-connection";

    /** A data connection announced by PORT, PASV, EPRT or EPSV, and what its segments showed so far. */
    static final class DataConnection {
        final String setupMethod;
        final StringBuilder cwd;
        /** The frame that announced the connection. */
        final long setupFrame;
        /** The setup frame as FTP-DATA recorded it on its first segment (0 until then), which tshark shows. */
        long seenSetupFrame;
        String command;
        long commandFrame;
        long firstFrame;
        long lastFrame;
        long firstNanos;
        long lastNanos;
        long frames;
        long bytes;

        DataConnection(String setupMethod, StringBuilder cwd, long setupFrame) {
            this.setupMethod = setupMethod;
            this.cwd = cwd;
            this.setupFrame = setupFrame;
        }

        /** Counts a segment of the data connection (first pass only, as tshark). */
        void saw(long frame, long nanos, int length) {
            seenSetupFrame = setupFrame;
            if (firstFrame == 0) {
                firstFrame = frame;
                firstNanos = nanos;
            }
            if (frame > lastFrame) {
                lastFrame = frame;
                lastNanos = nanos;
            }
            frames++;
            bytes += length;
        }
    }

    String lastCommand;
    StringBuilder cwd = new StringBuilder();
    DataConnection currentData;
    boolean tlsRequested;

    /** The control connection of the current segment, created on first use. */
    static FtpConversation of(PacketInfo pinfo) {
        Map<Long, FtpConversation> table = pinfo.state(KEY, () -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, FtpConversation> eldest) {
                return size() > MAX_CONVERSATIONS;
            }
        });
        return table.computeIfAbsent(TcpPdus.stream(pinfo), s -> new FtpConversation());
    }

    /** A 250 reply to CWD (with {@code path}) or CDUP ({@code ".."}) succeeded. */
    void changedDirectory(String path) {
        if (path.startsWith("/")) {
            cwd = new StringBuilder(path);
        } else if (cwd.isEmpty()) {
            cwd.append(path);
        } else {
            cwd = normalise(cwd, path);
        }
    }

    private static StringBuilder normalise(StringBuilder current, String path) {
        String joined = current.charAt(current.length() - 1) == '/' ? current + path : current + "/" + path;
        StringBuilder out = new StringBuilder();
        int i = 0;
        if (current.charAt(0) == '/') {
            out.append('/');
            i = 1;
        }
        StringBuilder folder = new StringBuilder();
        for (; i <= joined.length(); i++) {
            char ch = i < joined.length() ? joined.charAt(i) : '\0';
            if (ch == '/' || ch == '\0') {
                if (i > 0 && !folder.isEmpty()) {
                    String f = folder.toString();
                    if (f.equals("..")) {
                        while (!out.isEmpty() && out.charAt(out.length() - 1) != '/') {
                            out.setLength(out.length() - 1);
                        }
                        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
                            out.setLength(out.length() - 1);
                        }
                    } else if (!f.equals(".")) {
                        if (!out.isEmpty() && out.charAt(out.length() - 1) != '/') {
                            out.append('/');
                        }
                        out.append(f);
                    }
                    folder.setLength(0);
                }
                if (ch == '\0') {
                    break;
                }
            } else {
                folder.append(ch);
            }
        }
        return out;
    }
}
