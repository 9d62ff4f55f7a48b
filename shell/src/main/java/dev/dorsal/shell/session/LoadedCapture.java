package dev.dorsal.shell.session;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.FrameIndex;
import dev.dorsal.engine.filter.DisplayFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One capture open in the shell: its frame index (built in the background, so the prompt is usable
 * while a big file is read), the current display filter and the frames it keeps (the view), the
 * cache of field values filters read, and the cursor that re-dissects frames in order.
 *
 * <p>Single-threaded apart from the indexer: commands use it from the shell's thread only.
 */
public final class LoadedCapture implements AutoCloseable {
    private final int id;
    private final Path path;
    private final long fileSize;
    private final CountDownLatch indexed = new CountDownLatch(1);
    private volatile FrameIndex index;
    private volatile CaptureFileException indexError;
    private volatile int framesSoFar;
    private volatile long offsetSoFar;
    private volatile boolean closing;
    private final Thread indexer;

    private DisplayFilter filter;
    /** Frames (1-based bit numbers) the filter keeps; null while no filter is set. */
    private BitSet view;
    private FieldCache cache;
    private Replay replay;
    /** The frame {@code list} without a range starts at. */
    private long listCursor = 1;

    /** Starts indexing {@code path} in the background; fails at once only when the file is not there. */
    public LoadedCapture(int id, Path path) throws CaptureFileException {
        this.id = id;
        this.path = path;
        if (!Files.exists(path)) {
            throw new CaptureFileException(CaptureFileException.Kind.NOT_FOUND, path.toString(), null, -1);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = 0;
        }
        this.fileSize = size;
        this.indexer = Thread.ofPlatform().daemon().name("dorsal-index-" + id).start(this::buildIndex);
    }

    private void buildIndex() {
        try {
            index = FrameIndex.build(path, (frames, offset) -> {
                framesSoFar = frames;
                offsetSoFar = offset;
                return !closing;
            });
            framesSoFar = index.size();
            offsetSoFar = fileSize;
        } catch (CaptureFileException e) {
            indexError = e;
        } catch (CancellationException e) {
            // closed while indexing: nothing to keep
        } catch (RuntimeException e) {
            indexError = new CaptureFileException(CaptureFileException.Kind.READ_ERROR, path.toString(), e.toString(), -1, e);
        } finally {
            indexed.countDown();
        }
    }

    public int id() { return id; }
    public Path path() { return path; }
    public String name() { return path.getFileName().toString(); }

    public boolean indexingDone() {
        return indexed.getCount() == 0;
    }

    /** Frames indexed so far (all of them once indexing is done). */
    public int framesIndexed() {
        return framesSoFar;
    }

    /** How far indexing got, 0 to 1 (by file offset; gzip files count their decompressed bytes). */
    public double indexFraction() {
        if (indexingDone()) {
            return 1;
        }
        return fileSize <= 0 ? 0 : Math.min(1, (double) offsetSoFar / fileSize);
    }

    /**
     * The frame index, waiting for the indexer with a progress report; Ctrl-C stops the wait (not the
     * indexing). Throws the file's error when it could not be read at all.
     */
    public FrameIndex index(Progress progress, Cancel cancel) throws CaptureFileException {
        while (true) {
            try {
                if (indexed.await(100, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
            cancel.check();
            progress.update("indexing " + name(), offsetSoFar, fileSize);
        }
        progress.done();
        if (indexError != null) {
            throw indexError;
        }
        if (index == null) {
            throw new Cancelled();
        }
        return index;
    }

    /** The index when it is ready, else null (for status lines that must not wait). */
    public FrameIndex indexIfReady() {
        return indexingDone() ? index : null;
    }

    public DisplayFilter filter() {
        return filter;
    }

    /** The frames kept by the filter, or null when there is no filter (every frame is in the view). */
    public BitSet view() {
        return view;
    }

    /** Sets the filter and the frames it keeps (both null to clear). */
    public void setView(DisplayFilter f, BitSet frames) {
        this.filter = f;
        this.view = frames;
        this.listCursor = 1;
    }

    /** Whether frame {@code n} is in the current view. */
    public boolean inView(long n) {
        return view == null || (n <= Integer.MAX_VALUE && view.get((int) n));
    }

    public long listCursor() {
        return listCursor;
    }

    public void setListCursor(long next) {
        this.listCursor = next;
    }

    public FieldCache cache() {
        return cache;
    }

    public void setCache(FieldCache c) {
        this.cache = c;
    }

    /** A cursor of its own, for work that walks the capture beside the shell's cursor (query scripts). */
    public Replay newReplay(dev.dorsal.engine.registry.Registry registry) {
        return new Replay(this, registry);
    }

    /** The re-dissection cursor (created on first use). */
    public Replay replay(dev.dorsal.engine.registry.Registry registry) {
        if (replay == null) {
            replay = new Replay(this, registry);
        }
        return replay;
    }

    /**
     * Forgets everything that came from dissection (cached values, the cursor's state): after a
     * preference, Decode-As or script change, dissection may give other results.
     */
    public void invalidateDissection() {
        cache = null;
        replay = null;
    }

    /** Size of the file on disk. */
    public long fileSize() {
        return fileSize;
    }

    @Override
    public void close() {
        closing = true;
        try {
            indexed.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FrameIndex i = index;
        if (i != null) {
            try {
                i.close();
            } catch (IOException e) {
                // a temp file left over is not worth failing close for
            }
        }
        cache = null;
        replay = null;
    }
}
