package dev.dorsal.engine.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Random access after a first pass: offsets of every frame.
 *
 * <p>{@link #build(Path)} reads the file once and remembers where each frame's record starts and
 * which interface it belongs to; {@link #read(long)} then decodes any frame straight from the mapped
 * file. A gzip file (or a pipe) cannot be seeked, so its decompressed bytes are copied to a temporary
 * file during the first pass and that copy is mapped; {@link #close()} deletes it. A file that is
 * cut short or corrupt is indexed up to its last intact frame and {@link #error()} says why it
 * stopped. Reads are thread-safe; memory is 12 bytes per frame.
 */
public final class FrameIndex implements java.io.Closeable {

    private final AbstractReader reader;
    private final MemorySegment file;
    private final Arena spillArena;
    private final Path spillPath;
    private final long[] offsets;
    private final int[] interfaceIds;
    private final int size;
    private final CaptureFileException error;

    private FrameIndex(AbstractReader reader, MemorySegment file, Arena spillArena, Path spillPath,
            long[] offsets, int[] interfaceIds, int size, CaptureFileException error) {
        this.reader = reader;
        this.file = file;
        this.spillArena = spillArena;
        this.spillPath = spillPath;
        this.offsets = offsets;
        this.interfaceIds = interfaceIds;
        this.size = size;
        this.error = error;
    }

    /**
     * Told how far indexing got, every {@value #PROGRESS_EVERY} frames: the frames indexed so far and
     * the file offset reached (of the decompressed stream for gzip). Returning false stops indexing:
     * {@link #build(Path, Progress)} then throws {@link java.util.concurrent.CancellationException}.
     */
    @FunctionalInterface
    public interface Progress {
        boolean indexed(int frames, long fileOffset);
    }

    /** How often {@link Progress} is told, in frames. */
    public static final int PROGRESS_EVERY = 4096;

    /** Reads {@code path} once and indexes every intact frame; throws only when the file cannot be opened. */
    public static FrameIndex build(Path path) throws CaptureFileException {
        return build(path, (frames, offset) -> true);
    }

    /** As {@link #build(Path)}, telling {@code progress} how far it got (the shell's progress bar). */
    public static FrameIndex build(Path path, Progress progress) throws CaptureFileException {
        Spill spill = new Spill(path.toString());
        AbstractReader reader;
        try {
            reader = Captures.open(path, spill);
        } catch (CaptureFileException e) {
            spill.delete();
            throw e;
        }
        long[] offsets = new long[1024];
        int[] ids = new int[1024];
        int n = 0;
        CaptureFileException error = null;
        try {
            for (RawFrame f; (f = reader.next()) != null; n++) {
                if (n == offsets.length) {
                    if (n == Integer.MAX_VALUE - 8) {
                        throw CaptureFileException.unsupported(path.toString(),
                                "more frames than an index can hold", f.fileOffset());
                    }
                    int grown = (int) Math.min(Integer.MAX_VALUE - 8L, n * 2L);
                    offsets = Arrays.copyOf(offsets, grown);
                    ids = Arrays.copyOf(ids, grown);
                }
                offsets[n] = f.fileOffset();
                ids[n] = f.interfaceId();
                if ((n + 1) % PROGRESS_EVERY == 0 && !progress.indexed(n + 1, f.fileOffset())) {
                    closeQuietly(reader);
                    spill.delete();
                    throw new java.util.concurrent.CancellationException("indexing of " + path + " stopped");
                }
            }
        } catch (CaptureFileException e) {
            error = e;
        }
        MemorySegment segment = reader.mappedSegment();
        Arena arena = null;
        if (segment == null) {
            arena = Arena.ofShared();
            try {
                segment = spill.map(arena);
            } catch (CaptureFileException e) {
                arena.close();
                closeQuietly(reader);
                spill.delete();
                throw e;
            }
        }
        return new FrameIndex(reader, segment, arena, spill.path, offsets, ids, n, error);
    }

    /** Number of frames indexed. */
    public int size() {
        return size;
    }

    /** File offset of frame {@code frameNumber} (1-based), as in {@link RawFrame#fileOffset()}. */
    public long offsetOf(long frameNumber) {
        return offsets[slot(frameNumber)];
    }

    /** Decodes frame {@code frameNumber} (1-based); equal to the frame the sequential reader returned. */
    public RawFrame read(long frameNumber) {
        int i = slot(frameNumber);
        try {
            RawFrame f = reader.frameAt(file, offsets[i], frameNumber, interfaceIds[i]);
            if (f == null) {
                throw CaptureFileException.cutShort(reader.file, "frame " + frameNumber + " is gone", offsets[i]);
            }
            return f;
        } catch (CaptureFileException e) {
            // The first pass read this frame intact, so only a file changed underneath gets here.
            throw new UncheckedIOException(e);
        }
    }

    /** Why the first pass stopped before a clean end, or null if it read the whole file. */
    public CaptureFileException error() {
        return error;
    }

    public CaptureFormat format() {
        return reader.format();
    }

    public boolean compressed() {
        return reader.compressed();
    }

    public List<InterfaceInfo> interfaces() {
        return reader.interfaces();
    }

    public List<DecryptionSecrets> decryptionSecrets() {
        return reader.decryptionSecrets();
    }

    private int slot(long frameNumber) {
        if (frameNumber < 1 || frameNumber > size) {
            throw new IndexOutOfBoundsException("frame " + frameNumber + " not in 1.." + size);
        }
        return (int) (frameNumber - 1);
    }

    /** Unmaps the file and deletes the decompressed copy, if one was made. */
    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            if (spillArena != null && spillArena.scope().isAlive()) {
                spillArena.close();
            }
            if (spillPath != null) {
                Files.deleteIfExists(spillPath);
            }
        }
    }

    private static void closeQuietly(AbstractReader r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // the caller reports the original failure
        }
    }

    /** The temporary copy of a streamed file, created only when the reader asks for it. */
    private static final class Spill implements Captures.SpillFile {
        private final String name;
        private Path path;
        private FileChannel out;

        Spill(String name) {
            this.name = name;
        }

        @Override
        public WritableByteChannel channel() throws CaptureFileException {
            try {
                path = Files.createTempFile("dorsal-index-", ".raw");
                out = FileChannel.open(path, StandardOpenOption.WRITE);
                return out;
            } catch (IOException e) {
                delete();
                throw CaptureFileException.fromIo(name, e, -1);
            }
        }

        MemorySegment map(Arena arena) throws CaptureFileException {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                out.close();
                return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            } catch (IOException e) {
                throw CaptureFileException.fromIo(name, e, -1);
            }
        }

        void delete() {
            try {
                if (out != null) {
                    out.close();
                }
                if (path != null) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException ignored) {
                // a leftover temp file is not worth failing for
            }
        }
    }
}
