package dev.dorsal.shell.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Collects output text in one buffer and writes it as UTF-8 in large chunks. */
final class OutputSink {
    private static final int FLUSH_AT = 1 << 16;

    private final PrintStream out;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    OutputSink(PrintStream out) {
        this.out = out;
    }

    /** The buffer to append to; call {@link #maybeFlush()} after each packet. */
    StringBuilder buffer() {
        return buffer;
    }

    void maybeFlush() {
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    void flush() {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
        out.flush();
    }
}
