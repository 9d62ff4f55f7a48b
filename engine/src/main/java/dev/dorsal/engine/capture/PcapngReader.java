package dev.dorsal.engine.capture;

import static dev.dorsal.engine.capture.PcapngBlocks.DSB;
import static dev.dorsal.engine.capture.PcapngBlocks.EPB;
import static dev.dorsal.engine.capture.PcapngBlocks.IDB;
import static dev.dorsal.engine.capture.PcapngBlocks.PB;
import static dev.dorsal.engine.capture.PcapngBlocks.SHB;
import static dev.dorsal.engine.capture.PcapngBlocks.SPB;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pcapng files block by block: sections (each with its own byte order and interface list),
 * interfaces, packets (EPB, SPB and the obsolete PB) and decryption secrets; other blocks (NRB, ISB,
 * custom and unknown types) are checked for a sound length and skipped.
 *
 * <pre>
 * SHB: 0x0A0D0D0A len byte_order_magic(4) major(2) minor(2) section_length(8) options len
 * EPB: 6   len interface_id(4) ts_high(4) ts_low(4) cap_len(4) orig_len(4) data options len
 * PB:  2   len interface_id(2) drops(2)   ts_high(4) ts_low(4) cap_len(4) orig_len(4) data options len
 * SPB: 3   len orig_len(4) data len        (cap_len = min(orig_len, snaplen of the section's IDB 0))
 * </pre>
 */
final class PcapngReader extends AbstractReader {

    /** Wireshark's limit: the largest packet it allows (128 MiB) plus room for the EPB and options. */
    private static final int MAX_BLOCK = 32 + 128 * 1024 * 1024 + 131_072;
    private static final long U32 = 0xFFFF_FFFFL;

    private final List<CaptureInterface> sectionInterfaces = new ArrayList<>();
    private final List<DecryptionSecrets> secrets = new ArrayList<>();
    private boolean bigEndian;
    private int section = -1;

    private PcapngReader(ByteSource src, String file, boolean compressed) {
        super(src, file, compressed);
    }

    /**
     * Reads the first section header and the blocks after it up to the first packet, so that
     * {@link #linkType()} is known; a bad byte-order magic means this is not pcapng at all.
     */
    static PcapngReader open(ByteSource src, String file, boolean compressed) throws CaptureFileException {
        if (src.request(12) < 12) {
            throw CaptureFileException.unknownFormat(file);
        }
        int bom = src.u32(8, true);
        if (bom != PcapngBlocks.BYTE_ORDER_MAGIC && Integer.reverseBytes(bom) != PcapngBlocks.BYTE_ORDER_MAGIC) {
            throw CaptureFileException.unknownFormat(file);
        }
        PcapngReader r = new PcapngReader(src, file, compressed);
        r.blocks(true);
        return r;
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    public List<DecryptionSecrets> decryptionSecrets() {
        return List.copyOf(secrets);
    }

    @Override
    RawFrame read() throws CaptureFileException {
        return blocks(false);
    }

    @Override
    RawFrame frameAt(MemorySegment file, long offset, long number, int interfaceId) throws CaptureFileException {
        CaptureInterface c = context(interfaceId);
        MappedSource s = new MappedSource(file, offset, null);
        if (s.request(8) < 8) {
            throw cutShort("pcapng: block header has fewer than 8 bytes", offset);
        }
        boolean be = c.bigEndian();
        int len = checkedLength(s.u32(4, be), offset);
        return packet(s, s.u32(0, be), len, be, number, c, false);
    }

    /** Reads blocks until a packet; with {@code peek}, stops in front of it and returns null. */
    private RawFrame blocks(boolean peek) throws CaptureFileException {
        ByteSource s = src;
        for (;;) {
            long offset = s.position();
            int got = s.request(8);
            if (got < 8) {
                if (got == 0) {
                    return end();
                }
                throw cutShort("pcapng: block header has %d of 8 bytes".formatted(got), offset);
            }
            int type = s.u32(0, bigEndian);
            if (type == SHB) {
                sectionHeader(s, offset);
                continue;
            }
            int len = checkedLength(s.u32(4, bigEndian), offset);
            switch (type) {
                case EPB, PB, SPB -> {
                    return peek ? null : packet(s, type, len, bigEndian, frames + 1, null, true);
                }
                case IDB -> {
                    whole(s, len, bigEndian, offset);
                    sectionInterfaces.add(PcapngBlocks.interfaceBlock(this, s, len, bigEndian, section));
                    s.skip(len);
                }
                case DSB -> {
                    whole(s, len, bigEndian, offset);
                    secrets.add(PcapngBlocks.secretsBlock(this, s, len, bigEndian));
                    s.skip(len);
                }
                default -> skipBlock(s, len, offset);
            }
        }
    }

    /** Starts a section: its byte order comes from the magic, and its interface ids restart at 0. */
    private void sectionHeader(ByteSource s, long offset) throws CaptureFileException {
        if (s.request(12) < 12) {
            throw cutShort("pcapng: section header block is incomplete", offset);
        }
        int bom = s.u32(8, true);
        boolean be;
        if (bom == PcapngBlocks.BYTE_ORDER_MAGIC) {
            be = true;
        } else if (Integer.reverseBytes(bom) == PcapngBlocks.BYTE_ORDER_MAGIC) {
            be = false;
        } else {
            throw corrupt("pcapng: unknown byte-order magic number 0x%08x".formatted(bom), offset);
        }
        int len = checkedLength(s.u32(4, be), offset);
        if (len < 28) {
            throw corrupt("pcapng: total block length %d of an SHB is less than the minimum SHB size 28".formatted(len),
                    offset);
        }
        whole(s, len, be, offset);
        int major = s.u16(12, be);
        int minor = s.u16(14, be);
        if (major != 1 || (minor != 0 && minor != 2)) {
            throw unsupported("pcapng: unknown SHB version %d.%d".formatted(major, minor), offset);
        }
        bigEndian = be;
        section++;
        sectionInterfaces.clear();
        s.skip(len);
    }

    /** Decodes an EPB, SPB or PB of length {@code len} at the source position. */
    private RawFrame packet(ByteSource s, int type, int len, boolean be, long number, CaptureInterface known,
            boolean sequential) throws CaptureFileException {
        long offset = s.position();
        whole(s, len, be, offset);
        CaptureInterface c;
        int capLen;
        int origLen;
        long ts;
        int dataAt;
        if (type == SPB) {
            if (len < 16) {
                throw corrupt("pcapng: total block length %d of an SPB is less than the minimum SPB size 16"
                        .formatted(len), offset);
            }
            if (known == null && sectionInterfaces.isEmpty()) {
                throw corrupt("pcapng: SPB appeared before any IDBs in the section", offset);
            }
            c = known != null ? known : sectionInterfaces.getFirst();
            origLen = s.u32(8, be);
            capLen = origLen;
            int snap = c.snapLen();
            if (snap != 0 && Integer.compareUnsigned(capLen, snap) > 0) {
                capLen = snap;
            }
            if (Integer.compareUnsigned(capLen, Math.min(MAX_PACKET, len - 16)) > 0) {
                throw corrupt("pcapng: total block length %d of an SPB is too small for %d bytes of packet data"
                        .formatted(len, capLen & U32), offset);
            }
            ts = 0;
            dataAt = 12;
        } else {
            if (len < 32) {
                throw corrupt("pcapng: total block length %d of an EPB is less than the minimum EPB size 32"
                        .formatted(len), offset);
            }
            int id = type == EPB ? s.u32(8, be) : s.u16(8, be);
            if (known != null) {
                c = known;
            } else if (id >= 0 && id < sectionInterfaces.size()) {
                c = sectionInterfaces.get(id);
            } else {
                throw corrupt("pcapng: interface index %d is not less than section interface count %d"
                        .formatted(id & U32, sectionInterfaces.size()), offset);
            }
            capLen = s.u32(20, be);
            origLen = s.u32(24, be);
            if (Integer.compareUnsigned(capLen, MAX_PACKET) > 0) {
                throw corrupt("pcapng: cap_len %d is larger than %d".formatted(capLen & U32, MAX_PACKET), offset);
            }
            if (capLen > len - 32) {
                throw corrupt("pcapng: total block length %d of an EPB is too small for %d bytes of packet data"
                        .formatted(len, capLen), offset);
            }
            ts = c.nanos((s.u32(12, be) & U32) << 32 | (s.u32(16, be) & U32));
            dataAt = 28;
        }
        byte[] data = new byte[capLen];
        s.copy(dataAt, data, 0, capLen);
        if (sequential) {
            s.skip(len);
            frames = number;
        }
        return new RawFrame(number, offset, c.linkType(), c.id(), ts, c.time().digits(), origLen, data);
    }

    /** Checks a block's leading total length: at least 12, a multiple of 4, and within Wireshark's limit. */
    private int checkedLength(int len, long offset) throws CaptureFileException {
        if (Integer.compareUnsigned(len, MAX_BLOCK) > 0) {
            throw corrupt("pcapng: total block length %d is too large (> %d)".formatted(len & U32, MAX_BLOCK), offset);
        }
        if (len < 12) {
            throw corrupt("pcapng: total block length %d of block is less than the minimal block size 12"
                    .formatted(len), offset);
        }
        if ((len & 3) != 0) {
            throw corrupt("pcapng: total block length %d of block is not a multiple of 4".formatted(len), offset);
        }
        return len;
    }

    /** Makes the whole block readable and checks that its trailing length repeats the leading one. */
    private void whole(ByteSource s, int len, boolean be, long offset) throws CaptureFileException {
        int got = s.request(len);
        if (got < len) {
            throw cutShort("pcapng: block of type 0x%08x has %d of %d bytes".formatted(s.u32(0, be), got, len), offset);
        }
        int trailer = s.u32(len - 4, be);
        if (trailer != len) {
            throw corrupt("pcapng: total block lengths (first %d and second %d) don't match"
                    .formatted(len, trailer & U32), offset);
        }
    }

    /** Steps over a block we do not decode without buffering it, still checking its trailing length. */
    private void skipBlock(ByteSource s, int len, long offset) throws CaptureFileException {
        int type = s.u32(0, bigEndian);
        if (!s.skip(len - 4) || s.request(4) < 4) {
            throw cutShort("pcapng: block of type 0x%08x ends before its %d bytes".formatted(type, len), offset);
        }
        int trailer = s.u32(0, bigEndian);
        if (trailer != len) {
            throw corrupt("pcapng: total block lengths (first %d and second %d) don't match"
                    .formatted(len, trailer & U32), offset);
        }
        s.skip(4);
    }
}
