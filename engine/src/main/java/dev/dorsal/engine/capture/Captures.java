package dev.dorsal.engine.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * Opens capture files: picks the format from the magic number and reads gzip-compressed files
 * (magic 1f 8b) through a decompressing stream.
 *
 * <p>Plain regular files are memory-mapped whole, whatever their size; gzip files, pipes and
 * streams are read through a bounded buffer. Nothing loads the file into the heap.
 */
public final class Captures {

    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int STREAM_BUFFER = 1 << 16;
    /** Files up to this size are mapped whole; larger ones through a sliding window (see {@link #open(Path, SpillFile)}). */
    static final long MAP_LIMIT = Long.getLong("dorsal.capture.mapLimit", 256L << 20);

    private Captures() {}

    /** Opens {@code path} for reading; failures carry tshark's message for the same file. */
    public static CaptureReader open(Path path) throws CaptureFileException {
        return open(path, null);
    }

    /** Reads a capture from a stream such as stdin; {@code name} is used in messages. */
    public static CaptureReader open(InputStream in, String name) throws CaptureFileException {
        return stream(in, name, null);
    }

    /** Opens {@code path}; when it has to be streamed and {@code spill} is set, a plain copy is written there. */
    static AbstractReader open(Path path, SpillFile spill) throws CaptureFileException {
        return open(path, spill, MAP_LIMIT, WindowedFileSource.WINDOW);
    }

    /** As {@link #open(Path, SpillFile)}, mapping whole only files up to {@code mapLimit} bytes. */
    static AbstractReader open(Path path, SpillFile spill, long mapLimit, long window) throws CaptureFileException {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new CaptureFileException(CaptureFileException.Kind.IS_DIRECTORY, name, null, -1);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CaptureFileException(CaptureFileException.Kind.NOT_FOUND, name, null, -1, e);
        } catch (AccessDeniedException e) {
            throw new CaptureFileException(CaptureFileException.Kind.NO_PERMISSION, name, null, -1, e);
        } catch (IOException e) {
            throw CaptureFileException.fromIo(name, e, -1);
        }
        try {
            if (!Files.isRegularFile(path)) {
                return stream(Channels.newInputStream(ch), name, spill);
            }
            ByteBuffer head = ByteBuffer.allocate(2);
            while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
                // a regular file yields its first bytes at once; the loop only guards short reads
            }
            if (head.position() == 2 && (head.getShort(0) & 0xFFFF) == GZIP_MAGIC) {
                return gzip(Channels.newInputStream(ch), name, spill);
            }
            if (ch.size() > mapLimit && spill == null) {
                // Mapped pages of a big file count in the process's resident set as they are touched;
                // a sequential pass maps one window at a time instead, so memory stays flat however
                // big the file is. An index (spill set) needs the whole mapping for random access.
                return detect(new WindowedFileSource(ch, window), name, false);
            }
            Arena arena = Arena.ofShared();
            MemorySegment segment;
            try {
                segment = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            } catch (IOException | RuntimeException e) {
                arena.close();
                throw e;
            } finally {
                ch.close();
            }
            return detect(new MappedSource(segment, 0, arena), name, false);
        } catch (IOException e) {
            closeQuietly(ch);
            throw CaptureFileException.fromIo(name, e, -1);
        }
    }

    /** Reads an unseekable stream; the first two bytes decide whether it is gzip. */
    private static AbstractReader stream(InputStream in, String name, SpillFile spill) throws CaptureFileException {
        BufferedInputStream buffered = new BufferedInputStream(in, STREAM_BUFFER);
        boolean gzip;
        try {
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            gzip = (b0 << 8 | b1) == GZIP_MAGIC;
        } catch (IOException e) {
            closeQuietly(buffered);
            throw CaptureFileException.fromIo(name, e, 0);
        }
        if (gzip) {
            return gzip(buffered, name, spill);
        }
        return detect(new StreamSource(buffered, tee(spill, buffered)), name, false);
    }

    private static AbstractReader gzip(InputStream raw, String name, SpillFile spill) throws CaptureFileException {
        GZIPInputStream in;
        try {
            in = new GZIPInputStream(raw, STREAM_BUFFER);
        } catch (IOException e) {
            closeQuietly(raw);
            throw CaptureFileException.fromIo(name, e, 0);
        }
        return detect(new StreamSource(in, tee(spill, in)), name, true);
    }

    /** Opens the spill channel, closing {@code in} if that fails. */
    private static WritableByteChannel tee(SpillFile spill, InputStream in) throws CaptureFileException {
        if (spill == null) {
            return null;
        }
        try {
            return spill.channel();
        } catch (CaptureFileException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Chooses the reader from the first four (decompressed) bytes; closes the source on failure. */
    private static AbstractReader detect(ByteSource src, String name, boolean compressed) throws CaptureFileException {
        try {
            if (src.request(4) < 4) {
                IOException f = src.failure();
                throw f != null ? CaptureFileException.fromIo(name, f, 0) : CaptureFileException.unknownFormat(name);
            }
            int magic = src.u32(0, true);
            int swapped = Integer.reverseBytes(magic);
            if (magic == PcapReader.MAGIC_USEC || magic == PcapReader.MAGIC_NSEC
                    || swapped == PcapReader.MAGIC_USEC || swapped == PcapReader.MAGIC_NSEC) {
                return PcapReader.open(src, name, compressed);
            }
            if (magic == PcapngBlocks.SHB) {
                return PcapngReader.open(src, name, compressed);
            }
            throw CaptureFileException.unknownFormat(name);
        } catch (CaptureFileException | RuntimeException e) {
            closeQuietly(src);
            throw e;
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already failing with a better error
        }
    }

    /** Supplies the channel a streamed file is copied to; used by FrameIndex for random access. */
    interface SpillFile {
        WritableByteChannel channel() throws CaptureFileException;
    }
}
