package dev.dorsal.engine.dissect;

import dev.dorsal.engine.spi.PassLinks;
import java.util.HashMap;
import java.util.Map;

/**
 * The links the first pass of a two-pass run learns, for the second pass to show (tshark -2). Give the
 * same table to the first pass's {@link Dissection}, call {@link #endFirstPass}, then give it to a fresh
 * Dissection for the second pass.
 *
 * <p>Bounded: at most {@link #MAX_LINKS} links are kept (about 80 bytes each, so under 100 MB); links
 * learned after that are dropped, and the frames they belong to show what a single pass shows.
 */
public final class TwoPassLinks implements PassLinks {
    /** The most links one capture keeps. */
    public static final int MAX_LINKS = 1_000_000;

    private final Map<String, Map<Long, Long>> byKind = new HashMap<>();
    private final Map<String, Map<Long, Object>> objects = new HashMap<>();
    private int size;
    private boolean recalling;

    @Override
    public void learn(String kind, long key, long value) {
        if (recalling || value == 0) {
            return;
        }
        Map<Long, Long> links = byKind.computeIfAbsent(kind, k -> new HashMap<>());
        if (links.containsKey(key)) {
            links.put(key, value);
        } else if (size < MAX_LINKS) {
            links.put(key, value);
            size++;
        }
    }

    @Override
    public long recall(String kind, long key) {
        if (!recalling) {
            return 0;
        }
        Map<Long, Long> links = byKind.get(kind);
        Long v = links == null ? null : links.get(key);
        return v == null ? 0 : v;
    }

    @Override
    public boolean secondPass() {
        return recalling;
    }

    @Override
    public boolean learning() {
        return !recalling;
    }

    @Override
    public void learnObject(String kind, long key, Object value) {
        if (recalling || value == null) {
            return;
        }
        Map<Long, Object> learned = objects.computeIfAbsent(kind, k -> new HashMap<>());
        if (learned.containsKey(key)) {
            learned.put(key, value);
        } else if (size < MAX_LINKS) {
            learned.put(key, value);
            size++;
        }
    }

    @Override
    public Object recallObject(String kind, long key) {
        if (!recalling) {
            return null;
        }
        Map<Long, Object> learned = objects.get(kind);
        return learned == null ? null : learned.get(key);
    }

    /** Ends learning: from now on the table only answers. */
    public void endFirstPass() {
        recalling = true;
    }

    /** Links kept (at most {@link #MAX_LINKS}). */
    public int size() {
        return size;
    }
}
