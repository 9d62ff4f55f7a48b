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
    private int[] layerCounts = new int[64];
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

    /** Number of the next layer of this protocol in the packet (1-based), for {@code ip.src#2}. */
    int nextLayer(FieldDef protocolField) {
        int id = protocolField.id();
        if (id < 0) {
            return 1;
        }
        if (id >= layerCounts.length) {
            layerCounts = java.util.Arrays.copyOf(layerCounts, Math.max(id + 1, layerCounts.length * 2));
        }
        return ++layerCounts[id];
    }

    /** How many layers of {@code protocol} the packet has so far. */
    public int layerCount(ProtocolDef protocol) {
        int id = protocol.field().id();
        return id >= 0 && id < layerCounts.length ? layerCounts[id] : 0;
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
