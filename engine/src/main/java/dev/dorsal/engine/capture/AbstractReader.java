package dev.dorsal.engine.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The state every format reader shares: the byte source, the frame counter, the sticky error, and
 * the translation of a short read into "cut short" (or into the stream failure that caused it).
 */
abstract sealed class AbstractReader implements CaptureReader permits PcapReader, PcapngReader {

    /** Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD: longer captured lengths mean a corrupt file. */
    static final int MAX_PACKET = 262_144;

    final ByteSource src;
    final String file;
    final List<InterfaceInfo> interfaces = new ArrayList<>();
    final List<CaptureInterface> contexts = new ArrayList<>();
    private final boolean compressed;
    long frames;
    private CaptureFileException failed;

    AbstractReader(ByteSource src, String file, boolean compressed) {
        this.src = src;
        this.file = file;
        this.compressed = compressed;
    }

    @Override
    public final RawFrame next() throws CaptureFileException {
        if (failed != null) {
            throw failed;
        }
        try {
            return read();
        } catch (CaptureFileException e) {
            failed = e;
            throw e;
        }
    }

    /** Whether a read has failed (every later one throws the same exception). */
    final boolean failed() {
        return failed != null;
    }

    /** Reads the next frame; null at the clean end. */
    abstract RawFrame read() throws CaptureFileException;

    /** Decodes the frame whose record starts at {@code offset} of a mapped copy of this file. */
    abstract RawFrame frameAt(MemorySegment file, long offset, long number, int interfaceId)
            throws CaptureFileException;

    /** Registers an interface and returns its decoding context. */
    final CaptureInterface addInterface(boolean bigEndian, TimeResolution time, InterfaceInfo info) {
        CaptureInterface c = new CaptureInterface(contexts.size(), bigEndian, time, info);
        contexts.add(c);
        interfaces.add(info);
        return c;
    }

    /** Ends the file: clean unless the stream failed or was cut, as tshark reports a cut gzip. */
    final RawFrame end() throws CaptureFileException {
        IOException f = src.failure();
        if (f != null) {
            throw CaptureFileException.fromIo(file, f, src.position());
        }
        return null;
    }

    /** The exception for a record that the data ends inside of; a stream failure takes precedence. */
    final CaptureFileException cutShort(String detail, long offset) {
        IOException f = src.failure();
        if (f != null) {
            return CaptureFileException.fromIo(file, f, offset);
        }
        return CaptureFileException.cutShort(file, detail, offset);
    }

    final CaptureFileException corrupt(String detail, long offset) {
        return CaptureFileException.corrupt(file, detail, offset);
    }

    final CaptureFileException unsupported(String detail, long offset) {
        return CaptureFileException.unsupported(file, detail, offset);
    }

    /** The mapped file, when this reader reads one (not for gzip or pipes). */
    final MemorySegment mappedSegment() {
        return src instanceof MappedSource m ? m.segment() : null;
    }

    @Override
    public final boolean compressed() {
        return compressed;
    }

    @Override
    public final int linkType() {
        return interfaces.isEmpty() ? -1 : interfaces.getFirst().linkType();
    }

    @Override
    public List<InterfaceInfo> interfaces() {
        return java.util.Collections.unmodifiableList(interfaces);
    }

    @Override
    public List<DecryptionSecrets> decryptionSecrets() {
        return List.of();
    }

    /** Interface context by global id, for random reads. */
    final CaptureInterface context(int id) {
        return contexts.get(id);
    }

    @Override
    public void close() throws IOException {
        src.close();
    }
}
