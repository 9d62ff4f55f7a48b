package dev.dorsal.engine.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Buffers a stream (gzip, pipe, stdin) so readers see the same window as over a mapped file; the
 * buffer grows only to the largest record requested, never to the file.
 *
 * <p>A stream error does not throw here: the bytes read before it stay readable, and the reader
 * asks {@link #failure()} once it runs short, so every intact frame comes out before the error.
 * When {@code tee} is set, every byte read is also written there (FrameIndex keeps a decompressed
 * copy that way).
 */
final class StreamSource implements ByteSource {

    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final WritableByteChannel tee;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private long base;
    private boolean ended;
    private IOException failure;
    private long failureOffset = -1;

    StreamSource(InputStream in, WritableByteChannel tee) {
        this.in = in;
        this.tee = tee;
    }

    @Override
    public long position() {
        return base;
    }

    @Override
    public int request(int n) {
        int have = end - start;
        if (have >= n || ended) {
            return Math.min(have, n);
        }
        if (n > buf.length - start) {
            byte[] target = n > buf.length ? new byte[Math.max(n, buf.length * 2)] : buf;
            System.arraycopy(buf, start, target, 0, have);
            buf = target;
            start = 0;
            end = have;
        }
        while (end - start < n && !ended) {
            fill();
        }
        return Math.min(end - start, n);
    }

    private void fill() {
        try {
            int got = in.read(buf, end, buf.length - end);
            if (got < 0) {
                ended = true;
                return;
            }
            if (tee != null) {
                ByteBuffer bb = ByteBuffer.wrap(buf, end, got);
                while (bb.hasRemaining()) {
                    tee.write(bb);
                }
            }
            end += got;
        } catch (IOException e) {
            failure = e;
            failureOffset = base + (end - start);
            ended = true;
        }
    }

    @Override
    public int u8(int rel) {
        return buf[start + rel] & 0xFF;
    }

    @Override
    public int u16(int rel, boolean bigEndian) {
        return ((short) (bigEndian ? SHORT_BE : SHORT_LE).get(buf, start + rel)) & 0xFFFF;
    }

    @Override
    public int u32(int rel, boolean bigEndian) {
        return (int) (bigEndian ? INT_BE : INT_LE).get(buf, start + rel);
    }

    @Override
    public void copy(int rel, byte[] dst, int dstOff, int len) {
        System.arraycopy(buf, start + rel, dst, dstOff, len);
    }

    @Override
    public boolean skip(long n) {
        while (n > 0) {
            int have = end - start;
            if (have == 0) {
                start = end = 0;
                if (ended) {
                    return false;
                }
                fill();
                continue;
            }
            int step = (int) Math.min(n, have);
            start += step;
            base += step;
            n -= step;
        }
        return true;
    }

    @Override
    public IOException failure() {
        return failure;
    }

    @Override
    public long failureOffset() {
        return failureOffset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
