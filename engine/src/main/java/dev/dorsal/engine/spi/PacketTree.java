package dev.dorsal.engine.spi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The detail tree of one packet, and what its consumer wants from it: every node with labels
 * (detailed, for -V and JSON), or only the fields in an interest set (filters, -T fields).
 */
public final class PacketTree {
    /** An expert info raised while dissecting, kept for -z expert and Info. */
    public record Expert(ExpertDef def, String message, ProtoItem item) {}

    private final boolean detailed;
    private final BitSet interest;
    private final ProtoItem root;
    /** Layer counts per protocol, as (protocol field id, count) pairs: a packet has only a few protocols. */
    private int[] layerIds = new int[8];
    private int[] layerCounts = new int[8];
    private int layerProtocols;
    private final List<Expert> experts = new ArrayList<>(2);
    private int nodeCount;

    /**
     * @param detailed build every node with labels
     * @param interest field ids wanted when not detailed; null means every field (without labels)
     */
    public PacketTree(boolean detailed, BitSet interest) {
        this.detailed = detailed;
        this.interest = interest;
        this.root = new ProtoItem(this, null, null, null, 0, 0, 0);
    }

    /** The invisible root; top-level protocols (frame, eth, …) are its children. */
    public ProtoItem root() { return root; }

    public boolean detailed() { return detailed; }

    /** True when a node for {@code f} will be kept: dissectors may skip costly work otherwise. */
    public boolean wants(FieldDef f) {
        if (detailed || interest == null) {
            return true;
        }
        int id = f.id();
        return id >= 0 && interest.get(id);
    }

    /**
     * True when tshark would dissect this packet with no tree at all: a plain summary, no detail, no
     * field wanted (a filter, -T fields or a tap makes tshark build one). Some tshark dissectors skip
     * parsing that only fills the tree, and the errors it would raise, in that case.
     */
    public boolean treeless() {
        return !detailed && interest != null && interest.isEmpty();
    }

    /**
     * True when the consumer named {@code f} itself (a filter, -e, a tap), detailed or not: for fields
     * tshark 4.0.17 does not have, which must not appear in its full-tree outputs (-V, JSON).
     */
    public boolean asked(FieldDef f) {
        int id = f.id();
        return interest != null && id >= 0 && interest.get(id);
    }

    /**
     * The ids of the wanted fields when not detailed (null: every field). The same set object for every
     * packet of one consumer, so dissectors may cache decisions made from it by identity. Do not modify.
     */
    public BitSet interest() {
        return detailed ? null : interest;
    }

    /** Number of the next layer of this protocol in the packet (1-based), for {@code ip.src#2}. */
    int nextLayer(FieldDef protocolField) {
        int id = protocolField.id();
        if (id < 0) {
            return 1;
        }
        for (int i = 0; i < layerProtocols; i++) {
            if (layerIds[i] == id) {
                return ++layerCounts[i];
            }
        }
        if (layerProtocols == layerIds.length) {
            layerIds = java.util.Arrays.copyOf(layerIds, layerProtocols * 2);
            layerCounts = java.util.Arrays.copyOf(layerCounts, layerProtocols * 2);
        }
        layerIds[layerProtocols] = id;
        layerCounts[layerProtocols] = 1;
        layerProtocols++;
        return 1;
    }

    /** How many layers of {@code protocol} the packet has so far. */
    public int layerCount(ProtocolDef protocol) {
        int id = protocol.field().id();
        for (int i = 0; i < layerProtocols; i++) {
            if (layerIds[i] == id) {
                return layerCounts[i];
            }
        }
        return 0;
    }

    void recordExpert(ExpertDef e, String message, ProtoItem item) {
        experts.add(new Expert(e, message, item));
    }

    public List<Expert> experts() { return experts; }

    void added(ProtoItem item) {
        nodeCount++;
    }

    public int nodeCount() { return nodeCount; }
}
