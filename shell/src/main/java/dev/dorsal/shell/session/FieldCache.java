package dev.dorsal.shell.session;

import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the fields display filters have read, per frame, so that a later filter on the same
 * fields is answered without dissecting again ({@code filter tcp.port == 443}, then
 * {@code filter tcp.port == 80}). Filled during a filter's pass; each frame's values are encoded in
 * one byte arena (a protocol node costs 2 bytes, a field 3 bytes plus its value) and decoded into a
 * small tree the compiled filter runs on, exactly as on a dissected tree.
 *
 * <p>What is kept per frame: every protocol node (so {@code ip.src#2} finds the second IP layer) and
 * every node of the cached fields with its value. Bounded: at most {@code budget} bytes of values
 * (the shell's {@code set cache.mb}, 256 MiB by default); a pass that would need more stops caching
 * and later filters dissect again. Protocol nodes keep no bytes, so a filter reading a protocol's
 * bytes ({@code tcp contains "x"}, {@code frame[0:2]}) always dissects again.
 */
public final class FieldCache {
    public static final long DEFAULT_BUDGET = 256L << 20;

    private static final int PROTOCOL = 0;
    private static final int NUMBER = 1;
    private static final int TEXT = 2;
    private static final int BYTES = 3;
    private static final int NO_VALUE = 4;

    private final FieldRegistry registry;
    private final BitSet fields;
    private final long budget;
    private final List<FieldDef> defs = new ArrayList<>();
    private final List<ProtocolDef> protocols = new ArrayList<>();
    private final Map<FieldDef, Integer> defIndex = new IdentityHashMap<>();
    private byte[] data = new byte[1 << 16];
    private int used;
    private long[] frameStart = new long[1024];
    private int frames;
    private String unusable;

    /** An empty cache for the fields with these ids, holding at most {@code budget} bytes. */
    public FieldCache(FieldRegistry registry, BitSet fieldIds, long budget) {
        this.registry = registry;
        this.fields = (BitSet) fieldIds.clone();
        this.budget = Math.min(budget, Integer.MAX_VALUE - 16);
    }

    /** Ids of the fields whose values are kept. */
    public BitSet fields() {
        return (BitSet) fields.clone();
    }

    /** Frames recorded so far. */
    public int frames() {
        return frames;
    }

    /** Bytes used by the values. */
    public long bytesUsed() {
        return used + 8L * frames;
    }

    /** Why the cache cannot be used (over budget, a tree it cannot reproduce), or null when it can. */
    public String unusable() {
        return unusable;
    }

    /** Whether frames {@code 1..frameCount} are all recorded and the cache is usable. */
    public boolean complete(int frameCount) {
        return unusable == null && frames == frameCount;
    }

    /** Whether every field with an id in {@code ids} is cached. */
    public boolean covers(BitSet ids) {
        BitSet missing = (BitSet) ids.clone();
        missing.andNot(fields);
        return missing.isEmpty();
    }

    // ---- recording --------------------------------------------------------------------------

    /** Records the next frame (frames must come in order, from 1) from its dissected tree. */
    public void record(PacketTree tree) {
        if (unusable != null) {
            return;
        }
        if (frames + 1 >= frameStart.length) {
            frameStart = Arrays.copyOf(frameStart, frameStart.length * 2);
        }
        frameStart[frames] = used;
        int[] protocolOrdinal = {0};
        int mark = used;
        if (!encodeChildren(tree.root(), 0, protocolOrdinal, new IdentityHashMap<>())) {
            used = mark;
            return;
        }
        frames++;
        frameStart[frames] = used;
    }

    private boolean encodeChildren(ProtoItem parent, int enclosing, int[] ordinal, Map<FieldDef, int[]> layers) {
        for (ProtoItem n = parent.firstChild(); n != null; n = n.next()) {
            FieldDef f = n.field();
            int here = enclosing;
            if (f != null && f.type() == FieldType.PROTOCOL) {
                ProtocolDef p = registry.protocol(f.abbrev());
                if (p == null || p.field() != f) {
                    return fail("protocol " + f.abbrev() + " is not in the registry");
                }
                // Protocol layers are numbered again, in tree order, when the frame is decoded.
                int[] count = layers.computeIfAbsent(f, k -> new int[1]);
                if (++count[0] != n.layer()) {
                    return fail("protocol layers of " + f.abbrev() + " are not in tree order");
                }
                if (!put(PROTOCOL) || !putVar(index(f, p))) {
                    return false;
                }
                here = ++ordinal[0];
            } else if (f != null && f.id() >= 0 && fields.get(f.id())) {
                if (!encodeField(n, f, enclosing)) {
                    return false;
                }
            }
            if (n.firstChild() != null && !encodeChildren(n, here, ordinal, layers)) {
                return false;
            }
        }
        return true;
    }

    private boolean encodeField(ProtoItem n, FieldDef f, int enclosing) {
        int def = index(f, null);
        switch (f.type()) {
            case NONE -> {
                return put(NO_VALUE) && putVar(def) && putVar(enclosing);
            }
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> {
                String s = n.stringValue();
                if (s != null) {
                    return put(TEXT) && putVar(def) && putVar(enclosing) && putBytes(s.getBytes(StandardCharsets.UTF_8));
                }
                return put(BYTES) && putVar(def) && putVar(enclosing) && putBytes(n.bytesValue());
            }
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, INT8, INT16, INT24, INT32,
                    INT40, INT48, INT56, INT64, FRAMENUM, ABSOLUTE_TIME, RELATIVE_TIME, BOOLEAN, IPv4, FLOAT, DOUBLE -> {
                return put(NUMBER) && putVar(def) && putVar(enclosing) && putLong(n.num());
            }
            case ETHER -> {
                if (n.obj() instanceof byte[] b) {
                    return put(BYTES) && putVar(def) && putVar(enclosing) && putBytes(b);
                }
                return put(NUMBER) && putVar(def) && putVar(enclosing) && putLong(n.num());
            }
            default -> {
                return put(BYTES) && putVar(def) && putVar(enclosing) && putBytes(n.bytesValue());
            }
        }
    }

    private int index(FieldDef f, ProtocolDef p) {
        Integer i = defIndex.get(f);
        if (i == null) {
            i = defs.size();
            defs.add(f);
            protocols.add(p);
            defIndex.put(f, i);
        }
        return i;
    }

    private boolean fail(String why) {
        unusable = why;
        data = new byte[0];
        return false;
    }

    private boolean ensure(int n) {
        if ((long) used + n + 8L * (frames + 1) > budget) {
            return fail("over its budget of " + (budget >> 20) + " MiB");
        }
        if (used + n > data.length) {
            long grown = Math.max((long) used + n, Math.min((long) data.length * 2, budget));
            data = Arrays.copyOf(data, (int) Math.min(grown, Integer.MAX_VALUE - 16));
        }
        return true;
    }

    private boolean put(int b) {
        if (!ensure(1)) {
            return false;
        }
        data[used++] = (byte) b;
        return true;
    }

    private boolean putVar(long v) {
        if (!ensure(10)) {
            return false;
        }
        while ((v & ~0x7FL) != 0) {
            data[used++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        data[used++] = (byte) v;
        return true;
    }

    private boolean putLong(long v) {
        return putVar((v << 1) ^ (v >> 63)); // zig-zag: small negative numbers stay short
    }

    private boolean putBytes(byte[] b) {
        if (!putVar(b.length) || !ensure(b.length)) {
            return false;
        }
        System.arraycopy(b, 0, data, used, b.length);
        used += b.length;
        return true;
    }

    // ---- reading ----------------------------------------------------------------------------

    /** Frame {@code n}'s (1-based) cached nodes as a tree a display filter can test. */
    public PacketTree tree(int n) {
        PacketTree tree = new PacketTree(false, null);
        ProtoItem root = tree.root();
        int pos = (int) frameStart[n - 1];
        int end = (int) frameStart[n];
        List<ProtoItem> protocolItems = new ArrayList<>(8);
        int[] cursor = {pos};
        while (cursor[0] < end) {
            int kind = data[cursor[0]++];
            int def = (int) getVar(cursor);
            FieldDef f = defs.get(def);
            if (kind == PROTOCOL) {
                protocolItems.add(root.addProtocol(protocols.get(def), null, 0, 0));
                continue;
            }
            int enclosing = (int) getVar(cursor);
            ProtoItem parent = enclosing == 0 ? root : protocolItems.get(enclosing - 1);
            switch (kind) {
                case NUMBER -> {
                    long z = getVar(cursor);
                    parent.addUint(f, null, 0, 0, (z >>> 1) ^ -(z & 1));
                }
                case TEXT -> parent.addString(f, null, 0, 0, new String(getBytes(cursor), StandardCharsets.UTF_8));
                case BYTES -> {
                    byte[] b = getBytes(cursor);
                    parent.addBytes(f, null, 0, b.length, b);
                }
                default -> parent.addUint(f, null, 0, 0, 0);
            }
        }
        return tree;
    }

    private long getVar(int[] cursor) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = data[cursor[0]++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    private byte[] getBytes(int[] cursor) {
        int n = (int) getVar(cursor);
        byte[] b = Arrays.copyOfRange(data, cursor[0], cursor[0] + n);
        cursor[0] += n;
        return b;
    }
}
