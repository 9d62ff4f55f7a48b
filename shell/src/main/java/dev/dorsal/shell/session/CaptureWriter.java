package dev.dorsal.shell.session;

import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes frames as a pcap or pcapng file (the shell's {@code save}). pcap: one link type, microsecond
 * timestamps, or nanosecond ones when any frame has more digits. pcapng: one section, an interface
 * block per interface of the source (name and nanosecond resolution kept), an Enhanced Packet Block
 * per frame. Little-endian, as most writers do.
 */
public final class CaptureWriter implements AutoCloseable {
    private static final int PCAP_MAGIC_USEC = 0xa1b2c3d4;
    private static final int PCAP_MAGIC_NSEC = 0xa1b23c4d;
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int OPT_IF_NAME = 2;
    private static final int OPT_IF_TSRESOL = 9;

    private final OutputStream out;
    private final boolean pcapng;
    private final boolean nanos;

    /**
     * Starts a file on {@code out}: pcapng when asked (or when the interfaces have more than one link
     * type, which pcap cannot hold), else pcap.
     */
    public CaptureWriter(OutputStream out, boolean pcapng, List<InterfaceInfo> interfaces, boolean nanos)
            throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.pcapng = pcapng;
        this.nanos = nanos;
        if (pcapng) {
            writeSectionHeader();
            for (InterfaceInfo i : interfaces) {
                writeInterface(i);
            }
        } else {
            InterfaceInfo first = interfaces.isEmpty() ? new InterfaceInfo(1, 262144, null, 6, null, 0, 0) : interfaces.get(0);
            ByteBuffer b = le(24);
            b.putInt(nanos ? PCAP_MAGIC_NSEC : PCAP_MAGIC_USEC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(first.snapLen() == 0 ? 262144 : first.snapLen()).putInt(first.linkType());
            this.out.write(b.array());
        }
    }

    /** Whether {@code interfaces} need pcapng (more than one link type). */
    public static boolean needsPcapng(List<InterfaceInfo> interfaces) {
        return interfaces.stream().map(InterfaceInfo::linkType).distinct().count() > 1;
    }

    public void write(RawFrame f) throws IOException {
        byte[] data = f.data();
        long ts = f.timestampNanos();
        if (pcapng) {
            int padded = (data.length + 3) & ~3;
            int total = 32 + padded;
            ByteBuffer b = le(total);
            long units = nanos ? ts : Math.floorDiv(ts, 1000L);
            b.putInt(EPB).putInt(total).putInt(Math.max(0, f.interfaceId())).putInt((int) (units >>> 32)).putInt((int) units)
                    .putInt(data.length).putInt(f.originalLength()).put(data);
            b.position(28 + padded);
            b.putInt(total);
            out.write(b.array());
        } else {
            long secs = Math.floorDiv(ts, 1_000_000_000L);
            long frac = Math.floorMod(ts, 1_000_000_000L);
            ByteBuffer b = le(16);
            b.putInt((int) secs).putInt((int) (nanos ? frac : frac / 1000)).putInt(data.length).putInt(f.originalLength());
            out.write(b.array());
            out.write(data);
        }
    }

    private void writeSectionHeader() throws IOException {
        ByteBuffer b = le(28);
        b.putInt(SHB).putInt(28).putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L).putInt(28);
        out.write(b.array());
    }

    private void writeInterface(InterfaceInfo i) throws IOException {
        byte[] name = i.name() == null ? null : i.name().getBytes(StandardCharsets.UTF_8);
        int options = 0;
        if (name != null) {
            options += 4 + ((name.length + 3) & ~3);
        }
        if (nanos) {
            options += 8;
        }
        if (options > 0) {
            options += 4; // opt_endofopt
        }
        int total = 20 + options;
        ByteBuffer b = le(total);
        b.putInt(IDB).putInt(total).putShort((short) i.linkType()).putShort((short) 0).putInt(i.snapLen());
        if (name != null) {
            b.putShort((short) OPT_IF_NAME).putShort((short) name.length).put(name);
            b.position(b.position() + (((name.length + 3) & ~3) - name.length));
        }
        if (nanos) {
            b.putShort((short) OPT_IF_TSRESOL).putShort((short) 1).put((byte) 9).put(new byte[3]);
        }
        if (options > 0) {
            b.putInt(0);
        }
        b.putInt(total);
        out.write(b.array());
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
