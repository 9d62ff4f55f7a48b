package dev.dorsal.shell.session;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.capture.FrameIndex;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Dissects the frames of a capture in order, as tshark's single pass does, for commands that look at
 * single packets ({@code show 9000}, {@code list}). Dissection keeps per-capture state (TCP streams,
 * TLS sessions), so a frame dissects right only after every frame before it: the cursor remembers
 * how far it got and goes on from there, going back to frame 1 only when asked for an earlier frame.
 * Frames passed over on the way are dissected without tree or columns (the cheapest mode that still
 * builds the state).
 */
public final class Replay {
    /** No tree, no columns: only the state later frames depend on. */
    static final DissectionOptions STATE_ONLY = new DissectionOptions(false, new BitSet(), false, true);
    private static final int CANCEL_CHECK_EVERY = 256;
    /** Frames to pass over before a progress bar is worth showing. */
    private static final int REPORT_FROM = 20_000;

    private final LoadedCapture capture;
    private final Registry registry;
    private Dissection dissection;
    private long next = 1;
    private int contextInterfaces = -1;
    private int contextSection = -1;

    Replay(LoadedCapture capture, Registry registry) {
        this.capture = capture;
        this.registry = registry;
    }

    /** Restarts from frame 1 with fresh dissection state. */
    public void reset() {
        dissection = null;
        next = 1;
        contextInterfaces = -1;
        contextSection = -1;
    }

    /** The dissection state so far (TLS flow, TCP streams…); null before the first frame. */
    public Dissection dissection() {
        return dissection;
    }

    /** The next frame the cursor would dissect. */
    public long position() {
        return next;
    }

    /** Dissects frame {@code n} with {@code options}, after every frame before it. */
    public DissectedPacket dissect(long n, DissectionOptions options, Progress progress, Cancel cancel)
            throws CaptureFileException {
        FrameIndex index = capture.index(progress, cancel);
        if (n < 1 || n > index.size()) {
            throw new IllegalArgumentException("no frame " + n + " (the capture has " + index.size() + ")");
        }
        if (n < next || dissection == null) {
            reset();
            dissection = fresh(index);
        }
        long from = next;
        boolean report = n - from > REPORT_FROM; // a bar only when the way to frame n is long
        for (long k = next; k < n; k++) {
            if ((k - from) % CANCEL_CHECK_EVERY == 0) {
                cancel.check();
                if (report) {
                    progress.update("dissecting up to frame " + n, k - from, n - from);
                }
            }
            step(index, k, STATE_ONLY, true);
        }
        if (report) {
            progress.done();
        }
        return step(index, n, options, true);
    }

    /** What a whole pass does with each frame; returns whether the frame is displayed (for later time deltas). */
    @FunctionalInterface
    public interface FrameVisitor {
        boolean visit(DissectedPacket p);
    }

    /**
     * Dissects every frame from the first, in order, with {@code options}, and hands each to
     * {@code visitor}; afterwards the state is that of the whole capture (for {@code tls flow}).
     */
    public void all(DissectionOptions options, FrameVisitor visitor, Progress progress, Cancel cancel)
            throws CaptureFileException {
        FrameIndex index = capture.index(progress, cancel);
        reset();
        dissection = fresh(index);
        int size = index.size();
        try {
            for (long k = 1; k <= size; k++) {
                if (k % CANCEL_CHECK_EVERY == 0) {
                    cancel.check();
                    progress.update("reading " + capture.name(), k, size);
                }
                DissectedPacket p = step(index, k, options, false);
                if (visitor.visit(p)) {
                    dissection.markDisplayed(p);
                }
            }
        } catch (RuntimeException e) {
            reset(); // a pass cut short leaves state nobody should build on
            throw e;
        } finally {
            progress.done();
        }
    }

    /**
     * New dissection state that knows the capture's pcapng Decryption Secrets Blocks, as tshark -r
     * does. The index has read the whole file, so a block placed after the sessions it serves counts
     * from frame 1 here (tshark's single pass would take it only from there on); writers such as
     * {@code editcap --inject-secrets} put it first.
     */
    private Dissection fresh(FrameIndex index) {
        Dissection d = new Dissection(registry);
        for (var secrets : index.decryptionSecrets()) {
            d.addDecryptionSecrets(secrets);
        }
        return d;
    }

    private DissectedPacket step(FrameIndex index, long k, DissectionOptions options, boolean markIfInView) {
        RawFrame raw = index.read(k);
        updateContext(index, raw);
        DissectedPacket p = dissection.dissect(raw, options);
        if (markIfInView && capture.inView(k)) {
            dissection.markDisplayed(p);
        }
        next = k + 1;
        return p;
    }

    /** Tells frame dissection the pcapng section and interface names, when they change. */
    private void updateContext(FrameIndex index, RawFrame raw) {
        List<InterfaceInfo> interfaces = index.interfaces();
        int id = raw.interfaceId();
        int section = id >= 0 && id < interfaces.size() ? interfaces.get(id).section() + 1 : 0;
        if (index.format() != CaptureFormat.PCAPNG) {
            section = 0;
        }
        if (interfaces.size() == contextInterfaces && section == contextSection) {
            return;
        }
        List<String> names = new ArrayList<>(interfaces.size());
        for (InterfaceInfo i : interfaces) {
            names.add(i.name());
        }
        dissection.setCaptureContext(section, names);
        contextInterfaces = interfaces.size();
        contextSection = section;
    }
}
