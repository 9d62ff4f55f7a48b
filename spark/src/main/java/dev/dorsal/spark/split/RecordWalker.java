package dev.dorsal.spark.split;

import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Finds record boundaries in a byte range of a capture file and counts the records that start in it,
 * reading only headers. A split that starts in the middle of a record resynchronises on the first
 * offset where a chain of plausible headers begins (pcap: sane lengths and sub-second fractions, and
 * timestamps close together; pcapng: a known block type whose trailing length repeats the leading
 * one). The planner then checks each split's start against where the previous split's walk ended, so
 * a false resynchronisation (packet bytes that look like headers) is caught and walked again.
 */
public final class RecordWalker {
    /** Wireshark's largest captured length; the engine's readers reject longer records as corrupt. */
    static final int MAX_PACKET = 262_144;
    private static final int PCAP_RECORD = 16;
    /** Headers that must chain before an offset counts as a record boundary. */
    private static final int SYNC_CHAIN = 8;
    /** Timestamps in a resynchronising chain lie within this many seconds of each other. */
    private static final long SYNC_SECONDS = 3 * 86_400L;
    private static final int PB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int IDB = 1;
    private static final int DSB = 0x0A;

    /**
     * What a walk found.
     *
     * @param sync         offset of the first record walked (the resynchronisation point), -1 if none
     * @param end          offset after the last record walked (the next record's start)
     * @param count        records that start in the range
     * @param lastRecord   offset of the last of them, -1 if none
     * @param problem      why the walk stopped early (a cut-short or corrupt record), or null
     * @param restructured pcapng: a section header, interface or secrets block after the prefix (read whole)
     */
    public record Walk(long sync, long end, long count, long lastRecord, String problem, boolean restructured)
            implements Serializable {}

    private final FSDataInputStream in;
    private final long size;
    private final CaptureLayout layout;
    private final Window window;

    public RecordWalker(FSDataInputStream in, long size, CaptureLayout layout) {
        this.in = in;
        this.size = size;
        this.layout = layout;
        this.window = new Window(in, size);
    }

    static boolean isPacketBlock(int type) {
        return type == EPB || type == SPB || type == PB;
    }

    /**
     * Walks the records starting in {@code [from, end)}; with {@code resync}, first finds the first
     * record boundary at or after {@code from}, else {@code from} must be one.
     */
    public Walk walk(long from, long end, boolean resync) throws IOException {
        long start = from;
        if (resync) {
            start = layout.format() == CaptureLayout.Format.PCAP ? syncPcap(from, end) : syncPcapng(from, end);
            if (start < 0) {
                return new Walk(-1, -1, 0, -1, null, false);
            }
        }
        return layout.format() == CaptureLayout.Format.PCAP ? walkPcap(start, end) : walkPcapng(start, end);
    }

    private Walk walkPcap(long start, long end) throws IOException {
        boolean be = layout.bigEndian();
        long pos = start;
        long count = 0;
        long last = -1;
        while (pos < end && pos < size) {
            if (pos + PCAP_RECORD > size) {
                return new Walk(start, pos, count, last, "record header cut short at offset " + pos, false);
            }
            byte[] h = window.bytes(pos, PCAP_RECORD);
            long incl = Bytes.u32(h, 8, be) & 0xFFFF_FFFFL;
            if (incl > MAX_PACKET) {
                return new Walk(start, pos, count, last, "record at offset " + pos + " has a " + incl
                        + "-byte packet, bigger than the maximum of " + MAX_PACKET, false);
            }
            if (pos + PCAP_RECORD + incl > size) {
                return new Walk(start, pos, count, last, "record at offset " + pos + " cut short", false);
            }
            count++;
            last = pos;
            pos += PCAP_RECORD + incl;
        }
        return new Walk(start, pos, count, last, null, false);
    }

    private Walk walkPcapng(long start, long end) throws IOException {
        boolean be = layout.bigEndian();
        long pos = start;
        long count = 0;
        long last = -1;
        while (pos < end && pos < size) {
            if (pos + 12 > size) {
                return new Walk(start, pos, count, last, "block header cut short at offset " + pos, false);
            }
            byte[] h = window.bytes(pos, 8);
            int type = Bytes.u32(h, 0, be);
            long len = Bytes.u32(h, 4, be) & 0xFFFF_FFFFL;
            if (type == CaptureLayout.PCAPNG_SHB || type == IDB || type == DSB) {
                return new Walk(start, pos, count, last, null, true);
            }
            if (len < 12 || len % 4 != 0) {
                return new Walk(start, pos, count, last, "block at offset " + pos + " has a bad length " + len, false);
            }
            if (pos + len > size) {
                return new Walk(start, pos, count, last, "block at offset " + pos + " cut short", false);
            }
            if (isPacketBlock(type)) {
                count++;
                last = pos;
            }
            pos += len;
        }
        return new Walk(start, pos, count, last, null, false);
    }

    /** First offset in {@code [from, end)} where a chain of plausible pcap record headers starts, or -1. */
    private long syncPcap(long from, long end) throws IOException {
        for (long c = from; c < end && c + PCAP_RECORD <= size; c++) {
            if (pcapChainAt(c)) {
                return c;
            }
        }
        return -1;
    }

    private boolean pcapChainAt(long c) throws IOException {
        boolean be = layout.bigEndian();
        long fracLimit = layout.nanos() ? 1_000_000_000L : 1_000_000L;
        long pos = c;
        long firstSecs = -1;
        for (int k = 0; k < SYNC_CHAIN; k++) {
            if (pos == size) {
                return true; // the chain ends exactly at the end of the file
            }
            if (pos + PCAP_RECORD > size) {
                return false;
            }
            byte[] h = window.bytes(pos, PCAP_RECORD);
            long secs = Bytes.u32(h, 0, be) & 0xFFFF_FFFFL;
            long frac = Bytes.u32(h, 4, be) & 0xFFFF_FFFFL;
            long incl = Bytes.u32(h, 8, be) & 0xFFFF_FFFFL;
            long orig = Bytes.u32(h, 12, be) & 0xFFFF_FFFFL;
            if (frac >= fracLimit || incl > MAX_PACKET || orig < incl || orig > (1L << 26)) {
                return false;
            }
            if (layout.snapLen() > 0 && incl > Math.max(layout.snapLen(), MAX_PACKET)) {
                return false;
            }
            if (firstSecs < 0) {
                firstSecs = secs;
            } else if (Math.abs(secs - firstSecs) > SYNC_SECONDS) {
                return false;
            }
            pos += PCAP_RECORD + incl;
        }
        return pos <= size;
    }

    /** First 4-aligned offset in {@code [from, end)} where a chain of plausible pcapng blocks starts, or -1. */
    private long syncPcapng(long from, long end) throws IOException {
        long c = (from + 3) & ~3L;
        for (; c < end && c + 12 <= size; c += 4) {
            if (pcapngChainAt(c)) {
                return c;
            }
        }
        return -1;
    }

    private boolean pcapngChainAt(long c) throws IOException {
        boolean be = layout.bigEndian();
        long pos = c;
        for (int k = 0; k < SYNC_CHAIN / 2; k++) {
            if (pos == size) {
                return true;
            }
            if (pos + 12 > size) {
                return false;
            }
            byte[] h = window.bytes(pos, 8);
            int type = Bytes.u32(h, 0, be);
            long len = Bytes.u32(h, 4, be) & 0xFFFF_FFFFL;
            if (!knownBlock(type) || len < 12 || len % 4 != 0 || len > MAX_PACKET + 4096L || pos + len > size) {
                return false;
            }
            int trailing = Bytes.u32(window.bytes(pos + len - 4, 4), 0, be);
            if ((trailing & 0xFFFF_FFFFL) != len) {
                return false;
            }
            pos += len;
        }
        return true;
    }

    private static boolean knownBlock(int type) {
        return switch (type) {
            case 1, 2, 3, 4, 5, 6, 9, 0x0A, CaptureLayout.PCAPNG_SHB, 0x00000BAD, 0x40000BAD -> true;
            default -> false;
        };
    }

    /** Positioned reads through a 1 MiB window: headers are read in file order, so most come from memory. */
    private static final class Window {
        private static final int SIZE = 1 << 20;
        private final FSDataInputStream in;
        private final long fileSize;
        private final byte[] buf = new byte[SIZE];
        private long start = -1;
        private int length;

        Window(FSDataInputStream in, long fileSize) {
            this.in = in;
            this.fileSize = fileSize;
        }

        byte[] bytes(long pos, int n) throws IOException {
            if (start < 0 || pos < start || pos + n > start + length) {
                start = pos;
                length = (int) Math.min(SIZE, fileSize - pos);
                in.readFully(pos, buf, 0, length);
            }
            byte[] out = new byte[n];
            System.arraycopy(buf, (int) (pos - start), out, 0, n);
            return out;
        }
    }
}
