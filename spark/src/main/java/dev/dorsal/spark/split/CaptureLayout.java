package dev.dorsal.spark.split;

import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * What a reader starting in the middle of a capture file needs from its beginning: the format, the
 * byte order, and the prefix (the pcap file header, or the pcapng blocks before the first packet:
 * section header, interfaces, decryption secrets). A split's reader replays the prefix, then its
 * own byte range, through the engine's ordinary reader.
 *
 * @param format   the container
 * @param bigEndian the file's (or first section's) byte order
 * @param nanos    pcap: nanosecond timestamps
 * @param snapLen  pcap: the header's snapshot length (0 when none)
 * @param prefix   the bytes before the first record
 */
public record CaptureLayout(Format format, boolean bigEndian, boolean nanos, int snapLen, byte[] prefix)
        implements Serializable {

    public enum Format {
        /** Read from the start in one piece: gzip, or a file too small or too unusual to split. */
        WHOLE,
        PCAP,
        PCAPNG
    }

    static final int PCAP_HEADER = 24;
    static final int GZIP_MAGIC = 0x1f8b;
    static final int PCAP_USEC = 0xa1b2c3d4;
    static final int PCAP_NSEC = 0xa1b23c4d;
    static final int PCAPNG_SHB = 0x0A0D0D0A;
    static final int PCAPNG_BYTE_ORDER = 0x1A2B3C4D;
    /** A pcapng prefix bigger than this (a huge key log block) is not replayed per split: the file is read whole. */
    static final int MAX_PREFIX = 16 << 20;

    public static final CaptureLayout WHOLE_FILE = new CaptureLayout(Format.WHOLE, false, false, 0, new byte[0]);

    public long prefixLength() {
        return prefix.length;
    }

    /**
     * Reads the layout at the start of {@code in}; files that cannot be split (gzip, unknown formats,
     * which the engine's reader then reports) are {@link #WHOLE_FILE}.
     */
    public static CaptureLayout read(FSDataInputStream in, long size) throws IOException {
        if (size < 4) {
            return WHOLE_FILE;
        }
        byte[] head = new byte[(int) Math.min(size, PCAP_HEADER)];
        in.readFully(0, head);
        int magicBe = Bytes.u32(head, 0, true);
        if ((magicBe >>> 16) == GZIP_MAGIC) {
            return WHOLE_FILE;
        }
        int magicLe = Integer.reverseBytes(magicBe);
        if (head.length == PCAP_HEADER && (magicBe == PCAP_USEC || magicBe == PCAP_NSEC
                || magicLe == PCAP_USEC || magicLe == PCAP_NSEC)) {
            boolean be = magicBe == PCAP_USEC || magicBe == PCAP_NSEC;
            boolean nanos = magicBe == PCAP_NSEC || magicLe == PCAP_NSEC;
            return new CaptureLayout(Format.PCAP, be, nanos, Bytes.u32(head, 16, be), head);
        }
        if (magicBe == PCAPNG_SHB && size >= 12) {
            byte[] bom = new byte[12];
            in.readFully(0, bom);
            boolean be = Bytes.u32(bom, 8, true) == PCAPNG_BYTE_ORDER;
            long firstPacket = firstPacketBlock(in, size, be);
            if (firstPacket < 0 || firstPacket > MAX_PREFIX) {
                return WHOLE_FILE;
            }
            byte[] prefix = new byte[(int) firstPacket];
            in.readFully(0, prefix);
            return new CaptureLayout(Format.PCAPNG, be, false, 0, prefix);
        }
        return WHOLE_FILE;
    }

    /** Offset of the first packet block (the end of the prefix), or -1 when the blocks do not chain. */
    private static long firstPacketBlock(FSDataInputStream in, long size, boolean be) throws IOException {
        byte[] h = new byte[8];
        long pos = 0;
        while (pos + 8 <= size) {
            in.readFully(pos, h);
            int type = Bytes.u32(h, 0, be);
            long len = Bytes.u32(h, 4, be) & 0xFFFF_FFFFL;
            if (RecordWalker.isPacketBlock(type)) {
                return pos;
            }
            if (len < 12 || len % 4 != 0 || pos + len > size) {
                return -1;
            }
            pos += len;
        }
        return pos;
    }
}
