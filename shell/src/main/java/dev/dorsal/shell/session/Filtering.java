package dev.dorsal.shell.session;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.FrameIndex;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.FieldDef;
import java.util.BitSet;

/**
 * Applies a display filter to a whole capture: from the {@link FieldCache} when it holds every field
 * the filter reads, else by a dissection pass that also refills the cache with the fields of this
 * filter and of the earlier ones.
 */
public final class Filtering {
    /** A field whose value depends on which frames the filter in force displays: never cached. */
    private static final String DISPLAYED_DELTA = "frame.time_delta_displayed";
    private static final int CANCEL_CHECK_EVERY = 4096;

    /** How a filter was applied: frames kept, frames in all, whether the cache answered, time taken. */
    public record Result(int matched, int total, boolean fromCache, long nanos, String cacheNote) {}

    private Filtering() {}

    /** Filters {@code capture} with {@code filter} and makes the frames it keeps the view. */
    public static Result apply(LoadedCapture capture, DisplayFilter filter, Session session, Progress progress,
            Cancel cancel) throws CaptureFileException {
        long start = System.nanoTime();
        FrameIndex index = capture.index(progress, cancel);
        int total = index.size();
        FieldRegistry fields = session.registry().fields();
        BitSet needed = ids(filter);
        FieldCache cache = capture.cache();
        BitSet view = new BitSet(total + 1);
        boolean cacheable = filter.fieldsUsed().stream().noneMatch(f -> f.abbrev().equals(DISPLAYED_DELTA));
        if (cacheable && cache != null && cache.complete(total) && cache.covers(needed)
                && CacheableFilter.answerableFromCache(filter.text(), fields)) {
            for (int n = 1; n <= total; n++) {
                if (n % CANCEL_CHECK_EVERY == 0) {
                    cancel.check();
                    progress.update("filtering (cached values)", n, total);
                }
                if (filter.matches(cache.tree(n))) {
                    view.set(n);
                }
            }
            progress.done();
            capture.setView(filter, view);
            return new Result(view.cardinality(), total, true, System.nanoTime() - start, null);
        }
        BitSet toCache = (BitSet) needed.clone();
        if (cache != null && cache.unusable() == null) {
            toCache.or(cache.fields());
        }
        if (!cacheable) {
            fields.lookup(DISPLAYED_DELTA).forEach(f -> toCache.clear(f.id()));
        }
        FieldCache fresh = new FieldCache(fields, toCache, session.settings().cacheBudget());
        BitSet interest = (BitSet) toCache.clone();
        interest.or(needed);
        interest.or(session.scriptInterest());
        DissectionOptions options = new DissectionOptions(false, interest, false, true);
        capture.replay(session.registry()).all(options, p -> {
            fresh.record(p.tree());
            boolean keep = filter.matches(p);
            if (keep) {
                view.set((int) p.frame().number());
            }
            return keep;
        }, progress, cancel);
        String note = null;
        if (fresh.complete(total)) {
            capture.setCache(fresh);
        } else if (fresh.unusable() != null) {
            note = "values not cached: " + fresh.unusable();
        }
        capture.setView(filter, view);
        return new Result(view.cardinality(), total, false, System.nanoTime() - start, note);
    }

    /** Ids of every field the filter reads (all definitions sharing each name). */
    static BitSet ids(DisplayFilter filter) {
        BitSet b = new BitSet();
        for (FieldDef d : filter.fieldsUsed()) {
            if (d.id() >= 0) {
                b.set(d.id());
            }
        }
        return b;
    }
}
