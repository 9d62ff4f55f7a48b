package dev.dorsal.engine.capture;

import java.io.OutputStream;
import java.util.List;

/**
 * Writes libpcap files in little-endian order:
 * <pre>
 * file header: magic(4) major=2 minor=4 thiszone=0 sigfigs=0 snaplen(4) linktype(4)
 * record:      ts_sec(4) ts_frac(4) incl_len(4) orig_len(4) data
 * </pre>
 * The magic 0xa1b2c3d4 says ts_frac is in microseconds (nanoseconds are truncated, as tshark's
 * {@code -F pcap} does), 0xa1b23c4d in nanoseconds ({@code -F nsecpcap}).
 */
final class PcapFileWriter extends AbstractFileWriter {

    /** Wireshark's default snap length, written when the interface has none (0 means unlimited in pcapng). */
    private static final int DEFAULT_SNAPLEN = 262_144;
    private static final long NANOS = 1_000_000_000L;

    private final boolean nanos;
    private final int linkType;

    PcapFileWriter(OutputStream out, String name, List<InterfaceInfo> declared, boolean nanos)
            throws CaptureWriteException {
        super(out, name);
        this.nanos = nanos;
        if (declared.isEmpty() || declared.stream().anyMatch(i -> i.linkType() != declared.getFirst().linkType())) {
            throw new CaptureWriteException(CaptureWriteException.Kind.CANNOT_WRITE_AS_PCAP, name, null, null);
        }
        InterfaceInfo first = declared.getFirst();
        this.linkType = first.linkType();
        interfaces.addAll(declared);
        int snapLen = first.snapLen() == 0 ? DEFAULT_SNAPLEN : first.snapLen();
        block.reset().u32(nanos ? PcapReader.MAGIC_NSEC : PcapReader.MAGIC_USEC).u16(2).u16(4).u32(0).u32(0)
                .u32(snapLen).u32(linkType);
        emit();
    }

    @Override
    public CaptureFormat format() {
        return nanos ? CaptureFormat.PCAP_NSEC : CaptureFormat.PCAP;
    }

    @Override
    public int addInterface(InterfaceInfo iface) throws CaptureWriteException {
        if (iface.linkType() != linkType) {
            throw new CaptureWriteException(CaptureWriteException.Kind.CANNOT_WRITE_AS_PCAP, name, null, null);
        }
        interfaces.add(iface);
        return interfaces.size() - 1;
    }

    @Override
    public void write(RawFrame frame) throws CaptureWriteException {
        interfaceOf(frame);
        long ts = frame.timestampNanos();
        long frac = Math.floorMod(ts, NANOS);
        block.reset().u32(Math.floorDiv(ts, NANOS)).u32(nanos ? frac : frac / 1000).u32(frame.data().length)
                .u32(frame.originalLength() & 0xFFFF_FFFFL);
        emit();
        emit(frame.data(), 0, frame.data().length);
        countFrame();
    }

    @Override
    public void writeSecrets(DecryptionSecrets secrets) {
        // pcap has no block for secrets; tshark drops them too when writing pcap.
    }

    @Override
    public void writeStatistics(int interfaceId, InterfaceStatistics statistics) {
        // pcap has no block for statistics.
    }
}
