package dev.dorsal.engine.capture;

import java.io.ByteArrayOutputStream;

/** Appends integers in a chosen byte order to a growing array; the test writers' only output. */
final class ByteWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean bigEndian;

    ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    ByteWriter u16(int v) {
        return bigEndian ? u8(v >>> 8).u8(v) : u8(v).u8(v >>> 8);
    }

    ByteWriter u32(long v) {
        int i = (int) v;
        return bigEndian ? u16(i >>> 16).u16(i) : u16(i).u16(i >>> 16);
    }

    /** Writes a 64-bit value as two 32-bit halves, high half first in big-endian sections. */
    ByteWriter u64(long v) {
        return bigEndian ? u32(v >>> 32).u32(v) : u32(v).u32(v >>> 32);
    }

    ByteWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** Writes zeros up to the next multiple of 4. */
    ByteWriter pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
