package dev.dorsal.engine.spi;

import java.nio.charset.StandardCharsets;

/**
 * An immutable view of packet bytes (Wireshark's tvbuff). Absolute getters read at an offset relative to
 * this view and never move anything. A view has two lengths: the captured bytes it holds and the
 * length the packet claims. Reading past the captured bytes but within the reported length throws
 * {@link TruncatedException} (snaplen); past the reported length, {@link MalformedException}.
 */
public final class Tvb {
    private final DataSource source;
    private final byte[] data;
    private final int start;
    private final int captured;
    private final int reported;

    private Tvb(DataSource source, int start, int captured, int reported) {
        this.source = source;
        this.data = source.bytes();
        this.start = start;
        this.captured = captured;
        this.reported = reported;
    }

    /** A view over a whole data source whose packet claimed {@code reportedLength} bytes. */
    public static Tvb of(DataSource source, int reportedLength) {
        return new Tvb(source, 0, source.length(), Math.max(reportedLength, source.length()));
    }

    public static Tvb of(DataSource source) {
        return of(source, source.length());
    }

    public DataSource source() { return source; }
    /** Offset of this view's first byte in its data source. */
    public int start() { return start; }
    /** Bytes available in this view. */
    public int length() { return captured; }
    /** Bytes the packet says this view has (at least {@link #length()}). */
    public int reportedLength() { return reported; }

    /** Bytes remaining from {@code offset}, never negative. */
    public int remaining(int offset) {
        return Math.max(0, captured - offset);
    }

    /** The sub-view from {@code offset} to the end. */
    public Tvb slice(int offset) {
        check(offset, 0);
        return new Tvb(source, start + offset, captured - offset, Math.max(0, reported - offset));
    }

    /** The sub-view of {@code length} bytes at {@code offset}; it must be fully captured or within reported bounds. */
    public Tvb slice(int offset, int length) {
        if (length < 0) {
            return slice(offset);
        }
        check(offset, 0);
        if ((long) offset + length > reported) {
            throw new MalformedException("slice " + offset + "+" + length + " beyond reported length " + reported);
        }
        int cap = Math.min(length, captured - offset);
        return new Tvb(source, start + offset, cap, length);
    }

    /** A view of the same bytes whose reported length is cut to {@code reportedLength} (IP total length, UDP length). */
    public Tvb withReportedLength(int reportedLength) {
        int rep = Math.max(0, reportedLength);
        return new Tvb(source, start, Math.min(captured, rep), rep);
    }

    private void check(int offset, int length) {
        long end = (long) offset + length;
        if (offset < 0 || end > captured) {
            if (offset >= 0 && end <= reported) {
                throw new TruncatedException("read " + offset + "+" + length + " beyond captured length " + captured);
            }
            throw new MalformedException("read " + offset + "+" + length + " beyond length " + reported);
        }
    }

    /** True if {@code length} bytes at {@code offset} are captured. */
    public boolean has(int offset, int length) {
        return offset >= 0 && length >= 0 && (long) offset + length <= captured;
    }

    public int u8(int offset) {
        check(offset, 1);
        return data[start + offset] & 0xff;
    }

    public int u16(int offset) {
        check(offset, 2);
        int i = start + offset;
        return ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
    }

    public int u16le(int offset) {
        check(offset, 2);
        int i = start + offset;
        return ((data[i + 1] & 0xff) << 8) | (data[i] & 0xff);
    }

    public int u24(int offset) {
        check(offset, 3);
        int i = start + offset;
        return ((data[i] & 0xff) << 16) | ((data[i + 1] & 0xff) << 8) | (data[i + 2] & 0xff);
    }

    public long u32(int offset) {
        return s32(offset) & 0xffffffffL;
    }

    public int s32(int offset) {
        check(offset, 4);
        int i = start + offset;
        return ((data[i] & 0xff) << 24) | ((data[i + 1] & 0xff) << 16) | ((data[i + 2] & 0xff) << 8)
                | (data[i + 3] & 0xff);
    }

    public long u32le(int offset) {
        check(offset, 4);
        int i = start + offset;
        return ((data[i + 3] & 0xffL) << 24) | ((data[i + 2] & 0xff) << 16) | ((data[i + 1] & 0xff) << 8)
                | (data[i] & 0xff);
    }

    public long u48(int offset) {
        check(offset, 6);
        return (((long) u16(offset)) << 32) | u32(offset + 2);
    }

    public long u64(int offset) {
        check(offset, 8);
        return (u32(offset) << 32) | u32(offset + 4);
    }

    public long u64le(int offset) {
        check(offset, 8);
        return (u32le(offset + 4) << 32) | u32le(offset);
    }

    /** Reads an unsigned big-endian integer of 1 to 8 bytes. */
    public long uint(int offset, int length) {
        check(offset, length);
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (data[start + offset + i] & 0xff);
        }
        return v;
    }

    /** Reads an unsigned little-endian integer of 1 to 8 bytes. */
    public long uintLE(int offset, int length) {
        check(offset, length);
        long v = 0;
        for (int i = length - 1; i >= 0; i--) {
            v = (v << 8) | (data[start + offset + i] & 0xff);
        }
        return v;
    }

    /** A copy of {@code length} bytes at {@code offset}. */
    public byte[] bytes(int offset, int length) {
        check(offset, length);
        byte[] out = new byte[length];
        System.arraycopy(data, start + offset, out, 0, length);
        return out;
    }

    /** Copies all captured bytes of this view. */
    public byte[] toByteArray() {
        return bytes(0, captured);
    }

    /** Decodes {@code length} bytes as ISO-8859-1/ASCII text. */
    public String ascii(int offset, int length) {
        check(offset, length);
        return new String(data, start + offset, length, StandardCharsets.ISO_8859_1);
    }

    public String utf8(int offset, int length) {
        check(offset, length);
        return new String(data, start + offset, length, StandardCharsets.UTF_8);
    }

    /** Offset of the first {@code b} at or after {@code offset} within the captured bytes, or -1. */
    public int indexOf(int offset, byte b) {
        for (int i = Math.max(0, offset); i < captured; i++) {
            if (data[start + i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Raw access for fast scanners; index with {@link #start()}. Never write to it. */
    public byte[] backingArray() {
        return data;
    }
}
