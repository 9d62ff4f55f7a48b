package dev.dorsal.engine.capture;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one little-endian record or pcapng block in memory, so a writer hands the file whole blocks
 * and a failed write never leaves half a header behind in the buffer.
 */
final class BlockBuilder {
    private byte[] buf = new byte[256];
    private int len;

    BlockBuilder reset() {
        len = 0;
        return this;
    }

    int length() {
        return len;
    }

    BlockBuilder u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    BlockBuilder u16(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        return this;
    }

    BlockBuilder u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    BlockBuilder u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    BlockBuilder bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /** Zero bytes up to the next multiple of four, as pcapng pads data and option values. */
    BlockBuilder pad4() {
        while ((len & 3) != 0) {
            u8(0);
        }
        return this;
    }

    /** A pcapng option: code, length, value, padding. */
    BlockBuilder option(int code, byte[] value) {
        return u16(code).u16(value.length).bytes(value).pad4();
    }

    /** A UTF-8 string option, left out when {@code value} is null. */
    BlockBuilder option(int code, String value) {
        return value == null ? this : option(code, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A 64-bit option value, left out when negative (unknown). */
    BlockBuilder optionU64(int code, long value) {
        return value < 0 ? this : u16(code).u16(8).u64(value);
    }

    /** Overwrites four bytes at {@code at}: how a block's leading length is filled in once it is known. */
    BlockBuilder patchU32(int at, long v) {
        for (int i = 0; i < 4; i++) {
            buf[at + i] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    byte[] array() {
        return buf;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
