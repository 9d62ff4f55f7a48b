package dev.dorsal.engine.capture;

import java.lang.foreign.MemorySegment;

/**
 * Reads libpcap files: a 24-byte file header, then records of a 16-byte header and the packet.
 *
 * <pre>
 * file header: magic(4) major(2) minor(2) thiszone(4) sigfigs(4) snaplen(4) linktype(4)
 * record:      ts_sec(4) ts_frac(4) incl_len(4) orig_len(4) data(incl_len)
 * </pre>
 * The magic's byte order is the file's; 0xa1b2c3d4 means microseconds in ts_frac, 0xa1b23c4d
 * nanoseconds. Like Wireshark, thiszone and sigfigs are ignored and ts_sec is unsigned.
 */
final class PcapReader extends AbstractReader {

    static final int MAGIC_USEC = 0xa1b2c3d4;
    static final int MAGIC_NSEC = 0xa1b23c4d;
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    /** Bits of the link type field that must be zero; the top ones carry FCS information. */
    private static final int LT_RESERVED = 0x03FF0000;

    private final boolean bigEndian;
    private final boolean nanos;
    private final CaptureInterface iface;

    private PcapReader(ByteSource src, String file, boolean compressed, boolean bigEndian, boolean nanos,
            int snapLen, int linkType) {
        super(src, file, compressed);
        this.bigEndian = bigEndian;
        this.nanos = nanos;
        this.iface = addInterface(bigEndian, TimeResolution.of(nanos ? 9 : 6),
                new InterfaceInfo(linkType, snapLen, null, nanos ? 9 : 6, null, 0, 0));
    }

    /** Reads the file header; the source starts at the magic, already checked to be one of ours. */
    static PcapReader open(ByteSource src, String file, boolean compressed) throws CaptureFileException {
        int magic = src.u32(0, true);
        boolean bigEndian = magic == MAGIC_USEC || magic == MAGIC_NSEC;
        boolean nanos = magic == MAGIC_NSEC || Integer.reverseBytes(magic) == MAGIC_NSEC;
        if (src.request(FILE_HEADER) < FILE_HEADER) {
            throw CaptureFileException.cutShort(file, "pcap: file header needs 24 bytes", 0);
        }
        int major = src.u16(4, bigEndian);
        if (major < 2) {
            throw CaptureFileException.unsupported(file, "pcap: major version " + major + " unsupported", 0);
        }
        int network = src.u32(20, bigEndian);
        if ((network & LT_RESERVED) != 0) {
            throw CaptureFileException.corrupt(file,
                    "pcap: network type reserved field not zero (0x%08x)".formatted(network), 0);
        }
        int snapLen = src.u32(16, bigEndian);
        src.skip(FILE_HEADER);
        return new PcapReader(src, file, compressed, bigEndian, nanos, snapLen, network & 0xFFFF);
    }

    @Override
    public CaptureFormat format() {
        return nanos ? CaptureFormat.PCAP_NSEC : CaptureFormat.PCAP;
    }

    @Override
    RawFrame read() throws CaptureFileException {
        peekedSize = -1;
        return record(src, frames + 1, true);
    }

    /** Size of the record {@link #peek} returned last, -1 when none is pending. */
    private int peekedSize = -1;
    private final FrameHead peeked = new FrameHead();

    @Override
    public FrameHead peek(byte[] head) {
        if (failed()) {
            return null;
        }
        long offset = src.position();
        if (src.request(RECORD_HEADER) < RECORD_HEADER) {
            return null;
        }
        int capLen = src.u32(8, bigEndian);
        if (Integer.compareUnsigned(capLen, MAX_PACKET) > 0 || src.request(RECORD_HEADER + capLen) < RECORD_HEADER + capLen) {
            return null; // next() reports it
        }
        src.copy(RECORD_HEADER, head, 0, Math.min(capLen, head.length));
        peekedSize = RECORD_HEADER + capLen;
        return peeked.set(frames + 1, offset, iface.linkType(), 0, timestamp(src), src.u32(12, bigEndian), capLen);
    }

    @Override
    public void skipPeeked() {
        if (peekedSize < 0) {
            throw new IllegalStateException("no frame was peeked");
        }
        src.skip(peekedSize);
        peekedSize = -1;
        frames++;
    }

    @Override
    RawFrame frameAt(MemorySegment file, long offset, long number, int interfaceId) throws CaptureFileException {
        return record(new MappedSource(file, offset, null), number, false);
    }

    /** The time of the record at the source position, in nanoseconds since the epoch. */
    private long timestamp(ByteSource s) {
        long secs = s.u32(0, bigEndian) & 0xFFFF_FFFFL;
        long frac = s.u32(4, bigEndian) & 0xFFFF_FFFFL;
        return secs * 1_000_000_000L + (nanos ? frac : frac * 1000);
    }

    /** Decodes the record at the source position and, when sequential, steps past it. */
    private RawFrame record(ByteSource s, long number, boolean sequential) throws CaptureFileException {
        long offset = s.position();
        int got = s.request(RECORD_HEADER);
        if (got < RECORD_HEADER) {
            if (got == 0) {
                return end();
            }
            throw cutShort("pcap: record header of frame %d has %d of 16 bytes".formatted(number, got), offset);
        }
        int capLen = s.u32(8, bigEndian);
        if (Integer.compareUnsigned(capLen, MAX_PACKET) > 0) {
            throw corrupt("pcap: File has %d-byte packet, bigger than maximum of %d"
                    .formatted(capLen & 0xFFFF_FFFFL, MAX_PACKET), offset);
        }
        int size = RECORD_HEADER + capLen;
        got = s.request(size);
        if (got < size) {
            throw cutShort("pcap: frame %d has %d of %d captured bytes".formatted(number, got - RECORD_HEADER, capLen),
                    offset);
        }
        long ts = timestamp(s);
        int origLen = s.u32(12, bigEndian);
        byte[] data = new byte[capLen];
        s.copy(RECORD_HEADER, data, 0, capLen);
        if (sequential) {
            s.skip(size);
            frames = number;
        }
        return new RawFrame(number, offset, iface.linkType(), 0, ts, nanos ? 9 : 6, origLen, data);
    }
}
