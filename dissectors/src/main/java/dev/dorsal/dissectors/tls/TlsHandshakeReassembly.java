package dev.dorsal.dissectors.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the pieces of one handshake message that spans several records (for example a Certificate
 * from a server limited to small records), until its 4-byte header's length is reached.
 *
 * <p>Bounded: a message claims at most 2^24 - 1 bytes; data past {@link #MAX_BYTES} is not buffered
 * and the message is then never completed (tshark would wait forever too: such a message only arises
 * from misparsed, typically encrypted, data).
 */
final class TlsHandshakeReassembly {
    /** Most bytes buffered per direction. */
    static final int MAX_BYTES = 1 << 20;
    /** Most fragments listed per message. */
    static final int MAX_FRAGMENTS = 10_000;

    /** One piece: the frame it came in and how many bytes it added. */
    record Fragment(long frame, int length) {}

    private final int type;
    private byte[] data = new byte[256];
    private int size;
    private int total;
    private final List<Fragment> fragments = new ArrayList<>(4);

    TlsHandshakeReassembly(int type) {
        this.type = type;
    }

    /** The message type (the first byte of the first piece). */
    int type() {
        return type;
    }

    /** Bytes received so far (all buffered unless the message outgrew {@link #MAX_BYTES}). */
    int size() {
        return total;
    }

    /** The whole message length (header included) once the 4-byte header is known, else 0. */
    int messageLength(byte[] next, int nextOffset, int nextLength) {
        byte[] header = new byte[4];
        int n = Math.min(size, 4);
        System.arraycopy(data, 0, header, 0, n);
        for (int i = n; i < 4 && i - n < nextLength; i++) {
            header[i] = next[nextOffset + i - n];
        }
        if (total + nextLength < 4) {
            return 0;
        }
        return 4 + (((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff));
    }

    void add(long frame, byte[] bytes, int offset, int length) {
        if (fragments.size() < MAX_FRAGMENTS) {
            fragments.add(new Fragment(frame, length));
        }
        total += length;
        if (size + length > MAX_BYTES) {
            return;
        }
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(size + length, data.length * 2));
        }
        System.arraycopy(bytes, offset, data, size, length);
        size += length;
    }

    byte[] bytes() {
        return Arrays.copyOf(data, size);
    }

    List<Fragment> fragments() {
        return fragments;
    }
}
