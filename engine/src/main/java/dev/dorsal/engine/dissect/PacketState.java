package dev.dorsal.engine.dissect;

import dev.dorsal.engine.registry.HeuristicCaller;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FrameMeta;
import dev.dorsal.engine.spi.HeuristicDissector;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PassLinks;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TruncatedException;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The per-packet state behind {@link PacketInfo}: one instance per dissected frame. */
final class PacketState implements PacketInfo, HeuristicCaller {
    private final FrameMeta frame;
    private final Registry registry;
    private final CaptureState capture;
    private final Columns columns;
    private final boolean visited;
    private final PassLinks links;
    private final List<String> layers = new ArrayList<>(8);
    private final List<DataSource> dataSources = new ArrayList<>(1);
    // Per-packet data by key: a packet carries a handful, so two small arrays searched by identity
    // cost less than a map made for every packet.
    private Key<?>[] dataKeys;
    private Object[] dataValues;
    private int dataCount;
    private List<DissectedPacket.Tapped> tapped;
    private Address src = Address.NONE;
    private Address dst = Address.NONE;
    private Address netSrc = Address.NONE;
    private Address netDst = Address.NONE;
    private Address dlSrc = Address.NONE;
    private Address dlDst = Address.NONE;
    private String portType;
    private int srcPort;
    private int dstPort;
    private boolean canDesegment;
    private int desegmentOffset;
    private int desegmentLength;
    private boolean malformed;
    private String currentProtocol = "";
    /** Nesting of the calls in progress. */
    private int depth;
    /** The depth of the innermost {@link #callCatching} in progress, or -1. */
    private int catchingDepth = -1;
    /** The protocol that hit the malformed error being passed up to a catching call. */
    private String thrower;
    private final boolean transportPayloadWanted;

    PacketState(FrameMeta frame, Registry registry, CaptureState capture, Columns columns, boolean visited,
            DataSource frameSource, boolean transportPayloadWanted) {
        this(frame, registry, capture, columns, visited, frameSource, transportPayloadWanted, PassLinks.NONE);
    }

    PacketState(FrameMeta frame, Registry registry, CaptureState capture, Columns columns, boolean visited,
            DataSource frameSource, boolean transportPayloadWanted, PassLinks links) {
        this.links = links;
        this.transportPayloadWanted = transportPayloadWanted;
        this.frame = frame;
        this.registry = registry;
        this.capture = capture;
        this.columns = columns;
        this.visited = visited;
        this.dataSources.add(frameSource);
    }

    @Override public FrameMeta frame() { return frame; }
    @Override public boolean transportPayloadWanted() { return transportPayloadWanted; }
    @Override public boolean visited() { return visited; }
    @Override public PassLinks links() { return links; }
    @Override public Columns columns() { return columns; }
    @Override public Address src() { return src; }
    @Override public Address dst() { return dst; }

    @Override
    public void setAddresses(Address s, Address d) {
        src = s;
        dst = d;
    }

    @Override public Address netSrc() { return netSrc; }
    @Override public Address netDst() { return netDst; }

    @Override
    public void setNetAddresses(Address s, Address d) {
        netSrc = s;
        netDst = d;
        src = s;
        dst = d;
    }

    @Override public Address dlSrc() { return dlSrc; }
    @Override public Address dlDst() { return dlDst; }

    @Override
    public void setDlAddresses(Address s, Address d) {
        dlSrc = s;
        dlDst = d;
        src = s;
        dst = d;
    }

    @Override public String portType() { return portType; }
    @Override public int srcPort() { return srcPort; }
    @Override public int dstPort() { return dstPort; }

    @Override
    public void setPorts(String type, int s, int d) {
        portType = type;
        srcPort = s;
        dstPort = d;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        for (int i = 0; i < dataCount; i++) {
            if (dataKeys[i] == key) {
                return (T) dataValues[i];
            }
        }
        return null;
    }

    @Override
    public <T> void put(Key<T> key, T value) {
        for (int i = 0; i < dataCount; i++) {
            if (dataKeys[i] == key) {
                dataValues[i] = value;
                return;
            }
        }
        if (dataKeys == null) {
            dataKeys = new Key<?>[8];
            dataValues = new Object[8];
        } else if (dataCount == dataKeys.length) {
            dataKeys = java.util.Arrays.copyOf(dataKeys, dataCount * 2);
            dataValues = java.util.Arrays.copyOf(dataValues, dataCount * 2);
        }
        dataKeys[dataCount] = key;
        dataValues[dataCount++] = value;
    }

    @Override
    public <T> T state(Key<T> key, Supplier<T> create) {
        return capture.state(key, create);
    }

    /**
     * Layers a packet may have, "frame" included (tshark's default gui.max_tree_depth, which it also
     * applies to the layers of a packet): tunnels can nest thousands of times in 64 KiB, and each
     * layer costs stack. The call that would add one more is refused as a dissector error.
     */
    static final int MAX_LAYERS = 500;

    @Override
    public int call(DissectorHandle handle, Tvb tvb, ProtoItem tree) {
        if (layers.size() >= MAX_LAYERS) {
            markTooDeep(tvb, tree);
            return tvb.length();
        }
        int mark = layers.size();
        String saved = currentProtocol;
        if (handle.protocol() != null) {
            layers.add(handle.protocol().filterName());
            currentProtocol = handle.protocol().shortName();
        }
        depth++;
        try {
            int n = handle.dissector().dissect(tvb, this, tree);
            if (n == 0) {
                truncateLayers(mark);
            }
            return n;
        } catch (TruncatedException e) {
            markShort(tvb, tree);
            return tvb.length();
        } catch (MalformedException e) {
            if (passesUp()) {
                throw e;
            }
            markMalformed(tvb, tree);
            return tvb.length();
        } catch (RuntimeException | StackOverflowError e) {
            markBug(handle, tvb, tree, e);
            return tvb.length();
        } finally {
            depth--;
            currentProtocol = saved;
        }
    }

    /**
     * True when a malformed error caught at the current call belongs to the catching call right above
     * it (see {@link #callCatching}): only the protocols it calls directly pass theirs up, since the
     * deeper ones (IP's transports…) catch their own in tshark as they do here.
     */
    private boolean passesUp() {
        if (catchingDepth < 0 || depth != catchingDepth + 1) {
            return false;
        }
        thrower = currentProtocol;
        return true;
    }

    @Override
    public int callCatching(DissectorHandle handle, Tvb tvb, ProtoItem tree) {
        int mark = layers.size();
        String saved = currentProtocol;
        String savedThrower = thrower;
        if (handle.protocol() != null) {
            layers.add(handle.protocol().filterName());
            currentProtocol = handle.protocol().shortName();
        }
        int savedCatching = catchingDepth;
        depth++;
        catchingDepth = depth;
        thrower = null;
        try {
            int n = handle.dissector().dissect(tvb, this, tree);
            if (n == 0) {
                truncateLayers(mark);
            }
            return n;
        } catch (TruncatedException e) {
            markShort(tvb, tree);
            return tvb.length();
        } catch (MalformedException e) {
            if (thrower != null) {
                currentProtocol = thrower;
            }
            markMalformed(tvb, tree);
            return tvb.length();
        } catch (RuntimeException | StackOverflowError e) {
            markBug(handle, tvb, tree, e);
            return tvb.length();
        } finally {
            depth--;
            catchingDepth = savedCatching;
            thrower = savedThrower;
            currentProtocol = saved;
        }
    }

    @Override
    public int callRaw(DissectorHandle handle, Tvb tvb, ProtoItem tree) {
        int mark = layers.size();
        if (handle.protocol() != null) {
            layers.add(handle.protocol().filterName());
        }
        depth++;
        try {
            int n = handle.dissector().dissect(tvb, this, tree);
            if (n == 0) {
                truncateLayers(mark);
            }
            return n;
        } finally {
            depth--;
        }
    }

    @Override
    public boolean tryHeuristic(ProtocolDef protocol, HeuristicDissector dissector, Tvb tvb, ProtoItem tree) {
        int mark = layers.size();
        String saved = currentProtocol;
        layers.add(protocol.filterName());
        currentProtocol = protocol.shortName();
        depth++;
        try {
            boolean ok = dissector.dissect(tvb, this, tree);
            if (!ok) {
                truncateLayers(mark);
            }
            return ok;
        } catch (TruncatedException e) {
            markShort(tvb, tree);
            return true;
        } catch (MalformedException e) {
            markMalformed(tvb, tree);
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            markBug(new DissectorHandle(protocol.filterName(), protocol, null), tvb, tree, e);
            return true;
        } finally {
            depth--;
            currentProtocol = saved;
        }
    }

    private void truncateLayers(int mark) {
        while (layers.size() > mark) {
            layers.remove(layers.size() - 1);
        }
    }

    private ProtoItem topLevel(ProtoItem tree) {
        ProtoItem t = tree.tree().root();
        return t;
    }

    private void markShort(Tvb tvb, ProtoItem tree) {
        malformed = true;
        layers.add(CoreFields.SHORT_PROTO.filterName());
        // tshark's BoundsError is caught only where the frame's dissection began: the mark sits at
        // the start of the data, wherever the packet ran short.
        topLevel(tree).addProtocol(CoreFields.SHORT_PROTO, Tvb.of(tvb.source()), 0, 0,
                "[Packet size limited during capture: " + currentProtocol + " truncated]");
        columns.appendInfo("[Packet size limited during capture]");
    }

    private void markMalformed(Tvb tvb, ProtoItem tree) {
        malformed = true;
        layers.add(CoreFields.MALFORMED_PROTO.filterName());
        ProtoItem m = topLevel(tree).addProtocol(CoreFields.MALFORMED_PROTO, tvb, 0, 0,
                "[Malformed Packet: " + currentProtocol + "]");
        m.expert(CoreFields.MALFORMED_EXPERT);
        columns.appendInfo("[Malformed Packet]");
    }

    private void markTooDeep(Tvb tvb, ProtoItem tree) {
        malformed = true;
        String msg = "too many protocol layers (" + MAX_LAYERS + ")";
        ProtoItem m = topLevel(tree).addProtocol(CoreFields.MALFORMED_PROTO, tvb, 0, 0,
                "[Dissector bug, protocol " + currentProtocol + ": " + msg + "]");
        m.expert(CoreFields.DISSECTOR_BUG, msg);
        columns.appendInfo("[Dissector bug, protocol " + currentProtocol + ": " + msg + "]");
    }

    private void markBug(DissectorHandle handle, Tvb tvb, ProtoItem tree, Throwable e) {
        malformed = true;
        capture.recordBug(handle.name(), frame.number(), e);
        ProtoItem m = topLevel(tree).addProtocol(CoreFields.MALFORMED_PROTO, tvb, 0, 0,
                "[Dissector bug, protocol " + currentProtocol + ": " + e + "]");
        m.expert(CoreFields.DISSECTOR_BUG, "Dissector bug in " + handle.name() + ": " + e);
        columns.appendInfo("[Dissector bug]");
    }

    @Override
    public Tables tables() {
        return registry;
    }

    @Override
    public Tvb addDataSource(String name, byte[] bytes) {
        DataSource ds = new DataSource(name, bytes);
        dataSources.add(ds);
        return Tvb.of(ds);
    }

    @Override public boolean canDesegment() { return canDesegment; }
    @Override public void setCanDesegment(boolean can) { canDesegment = can; }

    @Override
    public void setDesegment(int offset, int length) {
        desegmentOffset = offset;
        desegmentLength = length;
    }

    @Override public int desegmentOffset() { return desegmentOffset; }
    @Override public int desegmentLength() { return desegmentLength; }

    @Override
    public void addLayerName(String filterName) {
        layers.add(filterName);
    }

    @Override
    public void removeLayers(int from) {
        truncateLayers(Math.max(0, from));
    }

    @Override
    public List<String> layerNames() { return java.util.Collections.unmodifiableList(layers); }

    @Override
    public List<byte[]> decryptionSecrets(int secretsType) {
        return capture.secrets(secretsType);
    }

    @Override
    public void queueTap(String tap, Object data) {
        if (tapped == null) {
            tapped = new ArrayList<>(2);
        }
        tapped.add(new DissectedPacket.Tapped(tap, data));
    }

    List<DissectedPacket.Tapped> tapped() { return tapped == null ? List.of() : tapped; }
    List<String> layers() { return layers; }
    List<DataSource> dataSources() { return dataSources; }
    boolean malformed() { return malformed; }

    /** Throws when a read would fail, for code that checks before committing to a path. */
    static void require(Tvb tvb, int offset, int length) {
        if (!tvb.has(offset, length)) {
            throw new MalformedException("need " + length + " bytes at " + offset);
        }
    }
}
