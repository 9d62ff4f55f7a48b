package dev.dorsal.engine.spi;

/**
 * One node of the packet detail tree (Wireshark's proto_item, which is also a proto_tree). A node has
 * a field (or none, for a text line), the bytes it covers, a value, and an optional label that
 * replaces the default "Name: value" text.
 *
 * <p>When the tree is not detailed (no {@code -V}, JSON or labels wanted), nodes for fields no consumer
 * asked for are not created: {@code add} returns this node instead, and label edits are ignored. So a
 * dissector calls {@code add} unconditionally and pays only for what someone reads.
 */
public final class ProtoItem {
    static final int GENERATED = 1;
    static final int HIDDEN = 2;
    /** Moved back next to its own layer by {@link #moveAfter} after the layers above it were added. */
    static final int MOVED = 4;

    private final PacketTree tree;
    private final FieldDef field;
    private final Tvb tvb;
    private final int offset;
    private int length;
    private long num;
    private Object obj;
    private String label;
    private String suffix;
    private int flags;
    private final int layer;
    private final ProtoItem parent;
    private ProtoItem firstChild;
    private ProtoItem lastChild;
    private ProtoItem next;

    ProtoItem(PacketTree tree, ProtoItem parent, FieldDef field, Tvb tvb, int offset, int length, int layer) {
        this.tree = tree;
        this.parent = parent;
        this.field = field;
        this.tvb = tvb;
        this.offset = offset;
        this.length = length;
        this.layer = layer;
    }

    // ---- adding children ----------------------------------------------------------------------

    private ProtoItem child(FieldDef f, Tvb t, int off, int len, int lay) {
        ProtoItem item = new ProtoItem(tree, this, f, t, off, len, lay);
        if (lastChild == null) {
            firstChild = item;
        } else {
            lastChild.next = item;
        }
        lastChild = item;
        tree.added(item);
        return item;
    }

    /**
     * Drops the children added after {@code last} (every child when null), undoing what a protocol
     * added: for a second pass (tshark -2) that must not show a protocol tshark would not have called.
     */
    public void removeChildrenAfter(ProtoItem last) {
        if (last == null) {
            firstChild = null;
            lastChild = null;
        } else if (last.parent == this) {
            last.next = null;
            lastChild = last;
        }
    }

    /** Adds the protocol's node, starting a new layer of that protocol; always created. */
    public ProtoItem addProtocol(ProtocolDef protocol, Tvb t, int off, int len) {
        ProtoItem item = child(protocol.field(), t, off, len, tree.nextLayer(protocol.field()));
        return item;
    }

    /**
     * Adds another node of the protocol's current layer, or starts its first: for a dissector that shows
     * one protocol item several times in one call (MPLS's label stack entries), whose fields tshark
     * puts in the same layer ({@code mpls.label#1} matches every entry).
     */
    public ProtoItem addProtocolInSameLayer(ProtocolDef protocol, Tvb t, int off, int len) {
        int current = tree.layerCount(protocol);
        return child(protocol.field(), t, off, len, current > 0 ? current : tree.nextLayer(protocol.field()));
    }

    /** Adds the protocol's node with a full label such as "Ethernet II, Src: …". */
    public ProtoItem addProtocol(ProtocolDef protocol, Tvb t, int off, int len, String text) {
        ProtoItem item = addProtocol(protocol, t, off, len);
        if (tree.detailed()) {
            item.label = text;
        }
        return item;
    }

    private boolean skip(FieldDef f) {
        return !tree.wants(f);
    }

    /** Adds {@code f} reading its value big-endian from {@code len} bytes at {@code off}. */
    public ProtoItem add(FieldDef f, Tvb t, int off, int len) {
        return addRead(f, t, off, len, false);
    }

    /** Adds {@code f} reading its value little-endian. */
    public ProtoItem addLE(FieldDef f, Tvb t, int off, int len) {
        return addRead(f, t, off, len, true);
    }

    private ProtoItem addRead(FieldDef f, Tvb t, int off, int len, boolean le) {
        FieldType type = f.type();
        // Checked first, wanted or not: a short packet fails here exactly as it would with a full tree,
        // and, as with tshark's proto_tree_add_item, before the item that cannot be read exists.
        if (len > 0 && !t.has(off, len)) {
            // A text or protocol node holds no value: like tshark's, it may run past the captured
            // bytes (a TLS record, a TCP option cut by the snap length) as long as the packet has them.
            boolean valueless = type == FieldType.NONE || type == FieldType.PROTOCOL;
            if (!valueless || (long) off + len > t.reportedLength()) {
                t.bytes(off, len);
            }
        }
        if (skip(f)) {
            return this;
        }
        ProtoItem item = child(f, t, off, len, layer);
        switch (type) {
            case BOOLEAN -> item.num = maskedValue(f, le ? t.uintLE(off, len) : t.uint(off, len), false) != 0 ? 1 : 0;
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, FRAMENUM ->
                    item.num = maskedValue(f, le ? t.uintLE(off, len) : t.uint(off, len), true);
            case INT8, INT16, INT24, INT32, INT40, INT48, INT56, INT64 -> {
                long raw = maskedValue(f, le ? t.uintLE(off, len) : t.uint(off, len), true);
                int bits = f.mask() != 0 ? Long.bitCount(f.mask()) : len * 8;
                item.num = bits >= 64 ? raw : (raw << (64 - bits)) >> (64 - bits);
            }
            case IPv4 -> item.num = le ? t.u32le(off) : t.u32(off);
            case ETHER -> item.num = t.u48(off);
            case FLOAT -> item.num = Double.doubleToRawLongBits(
                    Float.intBitsToFloat((int) (le ? t.uintLE(off, 4) : t.uint(off, 4))));
            case DOUBLE -> item.num = le ? Long.reverseBytes(t.u64(off)) : t.u64(off);
            case STRING, STRINGZ, STRINGZPAD -> {
                int n = len;
                if (type == FieldType.STRINGZ && len < 0) {
                    int z = t.indexOf(off, (byte) 0);
                    n = z < 0 ? t.remaining(off) : z - off + 1;
                    item.length = n;
                }
                String s = t.ascii(off, n);
                int nul = s.indexOf('\0');
                item.obj = nul >= 0 ? s.substring(0, nul) : s;
            }
            default -> { } // bytes-like values are read lazily from the tvb; the bounds were checked above
        }
        return item;
    }

    private static long maskedValue(FieldDef f, long raw, boolean shift) {
        long mask = f.mask();
        if (mask == 0) {
            return raw;
        }
        long v = raw & mask;
        return shift ? v >>> Long.numberOfTrailingZeros(mask) : v;
    }

    /** Adds an integer-like field (unsigned, signed, boolean, framenum, IPv4, ether) with an explicit value. */
    public ProtoItem addUint(FieldDef f, Tvb t, int off, int len, long value) {
        if (skip(f)) {
            return this;
        }
        ProtoItem item = child(f, t, off, len, layer);
        item.num = value;
        return item;
    }

    public ProtoItem addBool(FieldDef f, Tvb t, int off, int len, boolean value) {
        return addUint(f, t, off, len, value ? 1 : 0);
    }

    /** Adds a time field; absolute times are nanoseconds since the epoch, relative times nanoseconds. */
    public ProtoItem addTime(FieldDef f, Tvb t, int off, int len, long nanos) {
        return addUint(f, t, off, len, nanos);
    }

    public ProtoItem addDouble(FieldDef f, Tvb t, int off, int len, double value) {
        return addUint(f, t, off, len, Double.doubleToRawLongBits(value));
    }

    public ProtoItem addString(FieldDef f, Tvb t, int off, int len, String value) {
        if (skip(f)) {
            return this;
        }
        ProtoItem item = child(f, t, off, len, layer);
        item.obj = value;
        return item;
    }

    /** Adds a bytes-like field (BYTES, IPv6, GUID…) whose value is given rather than read from the tvb. */
    public ProtoItem addBytes(FieldDef f, Tvb t, int off, int len, byte[] value) {
        if (skip(f)) {
            return this;
        }
        ProtoItem item = child(f, t, off, len, layer);
        item.obj = value;
        return item;
    }

    /** Adds a text-only line (no field), shown only in detailed trees. */
    public ProtoItem addText(Tvb t, int off, int len, String text) {
        if (!tree.detailed()) {
            return this;
        }
        ProtoItem item = child(null, t, off, len, layer);
        item.label = text;
        return item;
    }

    /** Adds the expert info {@code e} under this node, with its own summary or {@code message}. */
    public ProtoItem expert(ExpertDef e, String message) {
        String msg = message != null ? message : e.summary();
        tree.recordExpert(e, msg, this);
        if (!tree.detailed() && !tree.wants(e.field()) && !tree.wants(CoreFields.EXPERT)
                && !tree.wants(CoreFields.EXPERT_MESSAGE) && !tree.wants(CoreFields.EXPERT_SEVERITY)
                && !tree.wants(CoreFields.EXPERT_GROUP)) {
            addHiddenMalformed(e);
            return this;
        }
        ProtoItem wrapper = child(CoreFields.EXPERT, tvb, offset, 0, layer);
        wrapper.flags |= GENERATED;
        wrapper.label = "Expert Info (" + e.severity().label + "/" + e.group().label + "): " + msg;
        ProtoItem specific = wrapper.child(e.field(), tvb, offset, 0, layer);
        specific.flags |= GENERATED;
        specific.label = msg;
        ProtoItem m = wrapper.child(CoreFields.EXPERT_MESSAGE, tvb, offset, 0, layer);
        m.obj = msg;
        m.flags |= GENERATED | HIDDEN;
        ProtoItem sev = wrapper.child(CoreFields.EXPERT_SEVERITY, tvb, offset, 0, layer);
        sev.num = e.severity().code;
        sev.flags |= GENERATED;
        ProtoItem grp = wrapper.child(CoreFields.EXPERT_GROUP, tvb, offset, 0, layer);
        grp.num = e.group().code;
        grp.flags |= GENERATED;
        addHiddenMalformed(e);
        return wrapper;
    }

    /** As Wireshark does, an expert of the Malformed group makes {@code _ws.malformed} match, hidden. */
    private void addHiddenMalformed(ExpertDef e) {
        FieldDef malformed = CoreFields.MALFORMED_PROTO.field();
        if (e.group() == ExpertDef.Group.MALFORMED && tree.wants(malformed)) {
            child(malformed, tvb, offset, 0, layer).flags |= HIDDEN;
        }
    }

    public ProtoItem expert(ExpertDef e) {
        return expert(e, null);
    }

    // ---- editing this node ----------------------------------------------------------------------

    /** Replaces the whole label (proto_item_set_text). Ignored when labels are not wanted. */
    public ProtoItem setText(String text) {
        if (tree.detailed() && this != tree.root()) {
            label = text;
            suffix = null;
        }
        return this;
    }

    /** Appends to the label (proto_item_append_text). */
    public ProtoItem appendText(String text) {
        if (tree.detailed() && this != tree.root()) {
            suffix = suffix == null ? text : suffix + text;
        }
        return this;
    }

    public ProtoItem setGenerated() {
        if (this != tree.root()) {
            flags |= GENERATED;
        }
        return this;
    }

    public ProtoItem setHidden() {
        if (this != tree.root()) {
            flags |= HIDDEN;
        }
        return this;
    }

    /**
     * Moves {@code item}, a child of this node, to just after {@code anchor}, another child
     * (proto_tree_move_item). For summaries a dissector can only build after the layers above it
     * ran, such as TCP's reassembled-segments tree. Does nothing unless both are children of this node.
     */
    public void moveAfter(ProtoItem anchor, ProtoItem item) {
        if (anchor == item || anchor.parent != this || item.parent != this || anchor.next == item) {
            return;
        }
        item.flags |= MOVED;
        ProtoItem prev = null;
        for (ProtoItem c = firstChild; c != null && c != item; c = c.next) {
            prev = c;
        }
        if (prev == null) {
            firstChild = item.next;
        } else {
            prev.next = item.next;
        }
        if (lastChild == item) {
            lastChild = prev;
        }
        item.next = anchor.next;
        anchor.next = item;
        if (lastChild == anchor) {
            lastChild = item;
        }
    }

    /** Sets the number of bytes this node covers (proto_item_set_len). */
    public ProtoItem setLength(int len) {
        if (this != tree.root()) {
            length = len;
        }
        return this;
    }

    // ---- reading --------------------------------------------------------------------------------

    public PacketTree tree() { return tree; }
    public FieldDef field() { return field; }
    public Tvb tvb() { return tvb; }
    /** Offset within {@link #tvb()}. */
    public int offset() { return offset; }
    public int length() { return length; }
    /** Offset of the covered bytes in the data source. */
    public int sourceOffset() { return tvb == null ? 0 : tvb.start() + offset; }
    public int layer() { return layer; }
    public ProtoItem parent() { return parent; }
    public ProtoItem firstChild() { return firstChild; }
    public ProtoItem next() { return next; }
    public boolean generated() { return (flags & GENERATED) != 0; }
    public boolean hidden() { return (flags & HIDDEN) != 0; }
    /**
     * True when {@link #moveAfter} moved this node back past layers added after it: tshark makes that
     * move only when it prints the tree, which statistics over the layer order must know.
     */
    public boolean moved() { return (flags & MOVED) != 0; }
    /** Custom label set by the dissector, or null for the default "Name: value". */
    public String label() { return label; }
    /** Text appended to the label, or null. */
    public String labelSuffix() { return suffix; }
    /** Integer, boolean (0/1), IPv4, ether, time (ns) or raw double bits. */
    public long num() { return num; }
    /** String value, or explicit byte[] value; null when the value is the covered bytes. */
    public Object obj() { return obj; }

    /** The value as bytes: an explicit byte[] or the covered bytes. */
    public byte[] bytesValue() {
        if (obj instanceof byte[] b) {
            return b;
        }
        if (tvb == null || length <= 0) {
            return new byte[0];
        }
        int n = Math.min(length, tvb.remaining(offset));
        return n <= 0 ? new byte[0] : tvb.bytes(offset, n);
    }

    public String stringValue() {
        return obj instanceof String s ? s : null;
    }

    public double doubleValue() {
        return Double.longBitsToDouble(num);
    }

    public boolean hasChildren() {
        return firstChild != null;
    }
}
