package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of one tshark "stats tree" statistic ({@code -z http,tree}, {@code -z dns,tree}, …):
 * named nodes with a count, optional value statistics (average, minimum, maximum) and the busiest
 * 100 ms window, printed by {@link StatsTreePrinter}.
 *
 * <p>Time is the packet's time since the first packet of the capture, in milliseconds; the rate
 * divides by the time from the first packet the statistic counted to the last one.
 *
 * <p>Bounded state: at most {@value #MAX_NODES} nodes; a node that would be created past it is not,
 * its packets are counted in its parents only, and the report says how many were left out.
 */
final class StatsTree {
    static final int MAX_NODES = 100_000;
    /** tshark's default burst window and the bucket size it counts that window in, in ms. */
    static final int BURST_WINDOW_MS = 100;
    static final int BURST_BUCKET_MS = 5;

    final String title;
    final List<Node> roots = new ArrayList<>();
    /** tshark's start of the statistic: -1 until set, and set again by every tick while it is negative. */
    private double start = -1.0;
    double now;
    double elapsed;
    private int nodes;
    long dropped;

    StatsTree(String title) {
        this.title = title;
    }

    /** Notes that the statistic counts something of {@code p} (call once per tapped message). */
    void tick(DissectedPacket p) {
        tick(p.frame().relativeNanos());
    }

    /** {@link #tick(DissectedPacket)} for a packet {@code n} ns after the first of the capture. */
    void tick(long n) {
        now = (double) (n / 1_000_000_000L) * 1000.0 + (double) (n % 1_000_000_000L) / 1_000_000.0;
        // As tshark's stats_tree: a start before the first frame (times running backwards) counts as
        // unset, so it moves with every such tick and the rate of those ticks is left empty.
        if (start < 0.0) {
            start = now;
        }
        elapsed = now - start;
    }

    /** A new top-level node; these print in creation order. */
    Node root(String name) {
        Node n = new Node(this, null, name);
        roots.add(n);
        nodes++;
        return n;
    }

    /** One node: a count, and value statistics once a value was added. */
    static final class Node {
        final StatsTree tree;
        final Node parent;
        final String name;
        final List<Node> children = new ArrayList<>(4);
        private Map<String, Node> index;
        long count;
        /** Whether the value columns print (a range node, or a node that was given values). */
        boolean averaged;
        /** Children print in creation order instead of by count (range buckets). */
        boolean keepOrder;
        /** Values are single-precision floats, as tshark keeps them (times), printed with {@code %f}. */
        boolean floatValues;
        double sum;
        double min;
        double max;
        private final Burst burst = new Burst();

        private Node(StatsTree tree, Node parent, String name) {
            this.tree = tree;
            this.parent = parent;
            this.name = name;
        }

        /** The child named {@code childName}, created on first use; null past {@link #MAX_NODES}. */
        Node child(String childName) {
            if (index == null) {
                index = new HashMap<>();
                for (Node c : children) {
                    index.put(c.name, c);
                }
            }
            Node c = index.get(childName);
            if (c == null) {
                if (tree.nodes >= MAX_NODES) {
                    tree.dropped++;
                    return null;
                }
                c = new Node(tree, this, childName);
                children.add(c);
                index.put(childName, c);
                tree.nodes++;
            }
            return c;
        }

        /** Counts one more at the tree's current time. */
        Node increment() {
            count++;
            burst.add(tree.now);
            return this;
        }

        /** Counts one more and adds {@code v} to the value statistics. */
        Node value(double v) {
            if (floatValues) {
                v = (float) v;
            }
            if (count == 0 || !averaged) {
                min = v;
                max = v;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            averaged = true;
            sum = floatValues ? (float) (sum + v) : sum + v;
            return increment();
        }

        long maxBurst() {
            return burst.max;
        }

        double burstStart() {
            return burst.startMs;
        }
    }

    /**
     * The most increments within any burst window, counted in buckets of {@link #BURST_BUCKET_MS}:
     * the window is the buckets up to {@link #BURST_WINDOW_MS} before the newest one, and a new record
     * notes the start time of the oldest bucket in the window. Before the window first slides, the
     * oldest bucket is an empty one at time 0, so early records start at 0.
     */
    private static final class Burst {
        private static final long WINDOW = BURST_WINDOW_MS / BURST_BUCKET_MS;
        /** Buckets oldest first: number, count, start time. */
        private final List<double[]> buckets = new ArrayList<>(List.of(new double[] {0, 0, 0}));
        long inWindow;
        long max;
        double startMs;

        void add(double now) {
            double bucket = Math.floor(now / BURST_BUCKET_MS);
            double[] head = buckets.get(0);
            double[] tail = buckets.get(buckets.size() - 1);
            if (bucket > tail[0]) {
                buckets.add(new double[] {bucket, 1, now});
                inWindow++;
                while (bucket >= buckets.get(0)[0] + WINDOW) {
                    inWindow -= (long) buckets.remove(0)[1];
                }
            } else if (bucket < head[0]) {
                if (bucket + WINDOW <= tail[0]) {
                    return;
                }
                buckets.add(0, new double[] {bucket, 1, now});
                inWindow++;
            } else {
                int i = buckets.size() - 1;
                while (bucket < buckets.get(i)[0]) {
                    i--;
                }
                double[] b = buckets.get(i);
                if (b[0] == bucket) {
                    b[1]++;
                    b[2] = Math.min(b[2], now);
                } else {
                    buckets.add(i + 1, new double[] {bucket, 1, now});
                }
                inWindow++;
            }
            if (inWindow > max) {
                max = inWindow;
                startMs = buckets.get(0)[2];
            }
        }
    }
}
