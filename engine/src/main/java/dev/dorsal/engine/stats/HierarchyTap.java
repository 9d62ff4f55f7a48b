package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code -z io,phs[,filter]}: the protocol hierarchy, frames and bytes per path of top-level tree
 * nodes. Each top-level node of a packet (eth, ip, tcp, http, and non-protocol items such as
 * tcp.segments) is the child of the one before it, so "http2" under "http2" means two HTTP/2 layers;
 * the protocols HTTP/2 nests in its tree follow it ({@link #nested}).
 *
 * <p>tshark omits the "frame" node unless its tree is "visible" (-V, -T fields/json) or some filter
 * of the run refers to a frame field; the CLI says which through {@link #runContext}. NFLOG's dissector
 * adds its node on the same condition, so "nflog" is left out the same way.
 *
 * <p>Bounded state: at most {@value #MAX_NODES} distinct paths; layers that would add a path past it
 * are not counted (the packet's shallower layers still are), and one line at the end says so.
 */
final class HierarchyTap implements Tap {
    static final int MAX_NODES = 100_000;
    private static final String RULE = "=".repeat(67);
    /** tshark builds each line in an 80-byte buffer and indents at most 16 levels, then "...". */
    private static final int LINE_MAX = 79;
    private static final int INDENT_LEVELS = 16;

    private final TapFilter filter;
    /** Protocols whose tshark dissectors add their node only when it is visible or a filter refers to them. */
    private static final Set<String> ONLY_WHEN_REFERENCED = Set.of("frame", "nflog");

    private final Node root = new Node(null);
    private final Set<String> shown = new java.util.HashSet<>();
    private boolean showFrame;
    private boolean detailsPrinted;
    private int nodes;
    private long dropped;

    private static final class Node {
        final String name;
        final List<Node> children = new ArrayList<>(2);
        long frames;
        long bytes;

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            for (Node c : children) {
                if (c.name.equals(n)) {
                    return c;
                }
            }
            return null;
        }
    }

    HierarchyTap(TapFilter filter) {
        this.filter = filter;
    }

    /** Counts the "frame" node when details are printed or a filter of the run refers to frame. */
    @Override
    public void runContext(Set<String> filterFields, boolean detailsPrinted) {
        this.detailsPrinted = detailsPrinted;
        shown.clear();
        for (String p : ONLY_WHEN_REFERENCED) {
            if (detailsPrinted) {
                shown.add(p);
            }
            for (String f : filterFields) {
                if (f.equals(p) || f.startsWith(p + ".")) {
                    shown.add(p);
                }
            }
        }
        showFrame = shown.contains("frame");
    }

    @Override
    public void packet(DissectedPacket p) {
        if (!TapFilter.passes(filter, p)) {
            return;
        }
        long len = p.frame().originalLength();
        Node level = root;
        for (ProtoItem n : order(p)) {
            FieldDef f = n.field();
            String name = f == null ? "text" : f.abbrev();
            if (!showFrame && name.equals("frame") && level == root) {
                continue;
            }
            if (!name.equals("frame") && ONLY_WHEN_REFERENCED.contains(name) && !shown.contains(name)) {
                continue;
            }
            Node c = level.child(name);
            if (c == null) {
                if (nodes >= MAX_NODES) {
                    dropped++;
                    return;
                }
                c = new Node(name);
                level.children.add(c);
                nodes++;
            }
            c.frames++;
            c.bytes += len;
            level = c;
        }
    }

    /**
     * The top-level nodes in the order tshark's hierarchy sees them. A dissector may move a summary it
     * adds after the layers above it back next to its own layer (TCP's "[N Reassembled TCP Segments]"
     * goes right after TCP); tshark does that move only when the tree is printed, so otherwise such a
     * node counts after the layers dissected from the same reassembled data, or from data made from it
     * later in the frame (decrypted TLS inside reassembled TCP: data sources come in creation order).
     * A summary added before the layers above it (a PDU completed at FIN) was never moved and stays.
     */
    private List<ProtoItem> order(DissectedPacket p) {
        List<ProtoItem> nodes = new ArrayList<>();
        for (ProtoItem n = p.tree().root().firstChild(); n != null; n = n.next()) {
            nodes.add(n);
        }
        if (detailsPrinted) {
            return nested(nodes);
        }
        for (int i = 0; i < nodes.size(); i++) {
            ProtoItem n = nodes.get(i);
            if (!n.moved() || n.field() == null || n.field().type() == FieldType.PROTOCOL || n.tvb() == null
                    || (!p.dataSources().isEmpty() && n.tvb().source() == p.dataSources().get(0))) {
                continue;
            }
            int last = i;
            int source = p.dataSources().indexOf(n.tvb().source());
            while (last + 1 < nodes.size() && nodes.get(last + 1).tvb() != null
                    && p.dataSources().indexOf(nodes.get(last + 1).tvb().source()) >= source) {
                last++;
            }
            if (last > i) {
                nodes.remove(i);
                nodes.add(last, n);
                i = last;
            }
        }
        return nested(nodes);
    }

    /**
     * Protocols whose tree holds the protocols they hand data to, and whose hierarchy tshark still
     * follows into them: HTTP/2 calls a body's dissector under its own tree (tcp, http2, json). Other
     * nested protocols (mptcp in a TCP option, data under icmp, IPv6 extension headers) are not counted
     * by tshark, so only these are looked into.
     */
    private static final Set<String> NESTING = Set.of("http2");

    /**
     * Adds, after a last node of a {@link #NESTING} protocol, the protocols nested in it: the first
     * found depth first, the protocols after it at its level, then again inside the last of those.
     */
    private static List<ProtoItem> nested(List<ProtoItem> nodes) {
        if (nodes.isEmpty()) {
            return nodes;
        }
        ProtoItem last = nodes.get(nodes.size() - 1);
        if (last.field() == null || !NESTING.contains(last.field().abbrev())) {
            return nodes;
        }
        for (int depth = 0; depth < 64; depth++) {
            ProtoItem first = firstProtocolIn(last);
            if (first == null) {
                break;
            }
            for (ProtoItem n = first; n != null; n = n.next()) {
                if (isLayer(n)) {
                    nodes.add(n);
                    last = n;
                }
            }
        }
        return nodes;
    }

    /** A nested node that is a protocol layer: not an expert info or hidden mark (those are {@code _ws.*}). */
    private static boolean isLayer(ProtoItem n) {
        return n.field() != null && n.field().type() == FieldType.PROTOCOL && !n.hidden()
                && !n.field().abbrev().startsWith("_ws.");
    }

    /** The first protocol node below {@code node}, depth first, or null. */
    private static ProtoItem firstProtocolIn(ProtoItem node) {
        for (ProtoItem c = node.firstChild(); c != null; c = c.next()) {
            if (isLayer(c)) {
                return c;
            }
            ProtoItem deeper = firstProtocolIn(c);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    @Override
    public void finish(PrintStream out) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append('\n').append(RULE).append('\n');
        sb.append("Protocol Hierarchy Statistics\n");
        sb.append("Filter: ").append(filter == null ? "" : filter.text()).append("\n\n");
        draw(sb, root.children, 0);
        if (dropped > 0) {
            sb.append("(").append(dropped).append(" layers beyond ").append(MAX_NODES)
                    .append(" distinct protocol paths were not counted)\n");
        }
        sb.append(RULE).append('\n');
        out.print(sb);
    }

    private static void draw(StringBuilder sb, List<Node> level, int depth) {
        for (Node n : level) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                if (i >= INDENT_LEVELS) {
                    name.append("...");
                    break;
                }
                name.append("  ");
            }
            name.append(n.name);
            if (name.length() > LINE_MAX) {
                name.setLength(LINE_MAX);
            }
            sb.append(CText.right(name.toString(), 40)).append(" frames:").append(n.frames)
                    .append(" bytes:").append(n.bytes).append('\n');
            draw(sb, n.children, depth + 1);
        }
    }

    @Override
    public Set<String> fieldsNeeded() {
        return filter == null ? Set.of() : filter.fields();
    }

    @Override
    public Set<String> filterFields() {
        return filter == null ? Set.of() : filter.fields();
    }

    @Override
    public boolean needsDetailedTree() {
        return true;
    }
}
