package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.Set;

/**
 * {@code -z plen,tree[,filter]}: "Packet Lengths", every frame's length ({@code frame.len}) with its
 * average, minimum and maximum, overall and in ten ranges that double from 20 bytes, in range order.
 * The ranges print value columns even when empty ("-"); the total only once it has counted a frame.
 */
final class PacketLengthTree extends StatsTreeTap {
    /** Lower bounds of the ranges; each ends just before the next one, the last one is open. */
    private static final int[] FROM = {0, 20, 40, 80, 160, 320, 640, 1280, 2560, 5120};
    private final StatsTree.Node root;
    private final StatsTree.Node[] ranges = new StatsTree.Node[FROM.length];

    PacketLengthTree(TapFilter filter) {
        super("Packet Lengths", filter, Set.of());
        root = tree.root("Packet Lengths");
        root.keepOrder = true;
        for (int i = 0; i < FROM.length; i++) {
            ranges[i] = root.child(i + 1 < FROM.length ? FROM[i] + "-" + (FROM[i + 1] - 1) : FROM[i] + " and greater");
            ranges[i].averaged = true;
        }
    }

    @Override
    void count(DissectedPacket p) {
        tree.tick(p);
        long len = p.frame().originalLength();
        root.value(len);
        int i = FROM.length - 1;
        while (len < FROM[i]) {
            i--;
        }
        ranges[i].value(len);
    }
}
