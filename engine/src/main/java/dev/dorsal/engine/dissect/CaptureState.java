package dev.dorsal.engine.dissect;

import dev.dorsal.engine.spi.Key;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** State that lives as long as one capture: dissectors' tables and the dissector bugs seen. */
final class CaptureState implements dev.dorsal.engine.spi.FlowShortcut.States {
    /** A dissector threw something other than a bounds error: a bug in it, reported with the frame. */
    record Bug(String dissector, long frame, String error) {}

    private static final int MAX_BUGS_KEPT = 100;

    /** Dissectors' state by {@link Key#index()}. */
    private Object[] states = new Object[64];
    /** Decryption secrets by DSB secrets type, in the order they were added. */
    private final Map<Integer, List<byte[]>> secrets = new HashMap<>();
    private final List<Bug> bugs = new ArrayList<>();
    private long bugCount;

    @Override
    @SuppressWarnings("unchecked")
    public <T> T state(Key<T> key, Supplier<T> create) {
        int i = key.index();
        if (i >= states.length) {
            states = java.util.Arrays.copyOf(states, Math.max(i + 1, states.length * 2));
        }
        Object v = states[i];
        if (v == null) {
            v = create.get();
            states[i] = v;
        }
        return (T) v;
    }

    /** The state kept under {@code key}, or null when no dissector created it. */
    @SuppressWarnings("unchecked")
    <T> T get(Key<T> key) {
        int i = key.index();
        return i < states.length ? (T) states[i] : null;
    }

    void addSecrets(int type, byte[] data) {
        secrets.computeIfAbsent(type, t -> new ArrayList<>()).add(data.clone());
    }

    List<byte[]> secrets(int type) {
        List<byte[]> list = secrets.get(type);
        return list == null ? List.of() : java.util.Collections.unmodifiableList(list);
    }

    void recordBug(String dissector, long frame, Throwable e) {
        bugCount++;
        if (bugs.size() < MAX_BUGS_KEPT) {
            StackTraceElement[] st = e.getStackTrace();
            String where = st.length > 0 ? " at " + st[0] : "";
            bugs.add(new Bug(dissector, frame, e + where));
        }
    }

    List<Bug> bugs() { return bugs; }
    long bugCount() { return bugCount; }
}
