package dev.dorsal.shell.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Whether a standard stream is a terminal, which Java cannot tell for stderr alone: tshark prints a
 * running packet count instead of "N packets captured" when stderr is one. Asks libc's
 * {@code isatty} through JNA (already loaded for libpcap); says "no" when that is not possible.
 */
final class Terminals {
    static final int STDOUT = 1;
    static final int STDERR = 2;

    private Terminals() {}

    /** libc's isatty, and nothing else. */
    interface LibC extends Library {
        int isatty(int fd);
    }

    static boolean isTerminal(int fd) {
        try {
            return Native.load(Platform.C_LIBRARY_NAME, LibC.class).isatty(fd) == 1;
        } catch (LinkageError | RuntimeException e) {
            return false; // no JNA or no libc to ask: behave as when redirected
        }
    }
}
