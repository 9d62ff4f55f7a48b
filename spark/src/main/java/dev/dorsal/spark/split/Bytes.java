package dev.dorsal.spark.split;

/** Unsigned reads from header bytes in either byte order. */
final class Bytes {
    private Bytes() {}

    static int u32(byte[] b, int off, boolean bigEndian) {
        int v = (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
        return bigEndian ? v : Integer.reverseBytes(v);
    }
}
