package dev.dorsal.engine.registry;

import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A dissector table keyed by integers or strings; Decode-As entries take precedence over registrations. */
final class UintDissectorTable implements DissectorTable {
    private record Range(long low, long high, DissectorHandle handle) {}

    private final String name;
    private final String uiName;
    private final FieldType keyType;
    private final Base base;
    // Small dense keys (ports, EtherTypes, IP protocols) go in an array for speed.
    private final DissectorHandle[] dense = new DissectorHandle[65536];
    private final Map<Long, DissectorHandle> sparse = new HashMap<>();
    private final Map<Long, DissectorHandle> overrides = new HashMap<>();
    private final Map<String, DissectorHandle> strings = new HashMap<>();
    private final List<Range> ranges = new ArrayList<>();

    UintDissectorTable(String name, String uiName, FieldType keyType, Base base) {
        this.name = name;
        this.uiName = uiName;
        this.keyType = keyType;
        this.base = base;
    }

    @Override public String name() { return name; }
    @Override public String uiName() { return uiName; }
    @Override public FieldType keyType() { return keyType; }
    Base base() { return base; }

    @Override
    public synchronized void add(long key, DissectorHandle handle) {
        if (key >= 0 && key < dense.length) {
            dense[(int) key] = handle;
        } else {
            sparse.put(key, handle);
        }
    }

    @Override
    public synchronized void addRange(long low, long high, DissectorHandle handle) {
        if (high - low < 65536) {
            for (long k = low; k <= high; k++) {
                add(k, handle);
            }
        } else {
            ranges.add(new Range(low, high, handle));
        }
    }

    @Override
    public synchronized void add(String key, DissectorHandle handle) {
        strings.put(key, handle);
    }

    @Override
    public synchronized void remove(long key) {
        if (key >= 0 && key < dense.length) {
            dense[(int) key] = null;
        } else {
            sparse.remove(key);
        }
    }

    @Override
    public synchronized void decodeAs(long key, DissectorHandle handle) {
        if (handle == null) {
            overrides.remove(key);
        } else {
            overrides.put(key, handle);
        }
    }

    @Override
    public DissectorHandle lookup(long key) {
        if (!overrides.isEmpty()) {
            DissectorHandle h = overrides.get(key);
            if (h != null) {
                return h;
            }
        }
        if (key >= 0 && key < dense.length) {
            DissectorHandle h = dense[(int) key];
            if (h != null) {
                return h;
            }
        } else if (!sparse.isEmpty()) {
            DissectorHandle h = sparse.get(key);
            if (h != null) {
                return h;
            }
        }
        for (Range r : ranges) {
            if (key >= r.low && key <= r.high) {
                return r.handle;
            }
        }
        return null;
    }

    @Override
    public DissectorHandle lookup(String key) {
        return strings.get(key);
    }

    @Override
    public int tryDissect(long key, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        DissectorHandle h = lookup(key);
        return h == null ? 0 : pinfo.call(h, tvb, tree);
    }

    @Override
    public int tryDissect(String key, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        DissectorHandle h = lookup(key);
        return h == null ? 0 : pinfo.call(h, tvb, tree);
    }

    /** Every handle this table can hand a packet to: entries, ranges, string keys and Decode-As overrides. */
    synchronized List<DissectorHandle> reachableHandles() {
        List<DissectorHandle> out = new ArrayList<>(entries().values());
        out.addAll(overrides.values());
        out.addAll(strings.values());
        for (Range r : ranges) {
            out.add(r.handle);
        }
        return out;
    }

    @Override
    public synchronized Map<Long, DissectorHandle> entries() {
        Map<Long, DissectorHandle> out = new TreeMap<>();
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != null) {
                out.put((long) i, dense[i]);
            }
        }
        out.putAll(sparse);
        out.putAll(overrides);
        return Collections.unmodifiableMap(out);
    }
}
