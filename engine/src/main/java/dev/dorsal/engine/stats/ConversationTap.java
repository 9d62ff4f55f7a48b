package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.EndpointPair;
import dev.dorsal.engine.spi.FlowShortcut;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -z conv,<eth|ip|ipv6|tcp|udp>[,filter]}: frames and bytes between each pair of addresses
 * (with ports for TCP and UDP), printed as tshark's "Conversations" table.
 *
 * <p>A conversation is an unordered address pair; TCP and UDP ones are also keyed by stream index,
 * so a reused port pair makes a new row, as in tshark. Side A is the source of the conversation's
 * first frame: "->" counts A to B, "<-" B to A, and a host talking to itself counts everything in
 * "->". Bytes are frame lengths on the wire. Rows are sorted by total frames, largest first, ties
 * in order of first appearance.
 *
 * <p>Bounded state: at most {@value #MAX_CONVERSATIONS} conversations are tracked. Frames of further
 * new conversations are not counted, and the table then ends with one line saying how many.
 */
final class ConversationTap implements Tap {
    static final int MAX_CONVERSATIONS = 500_000;
    private static final String RULE = "=".repeat(80);

    private final ConvKind kind;
    private final TapFilter filter;
    private final Map<Key, Conv> conversations = new HashMap<>();
    /**
     * TCP and UDP rows by stream index, which names one address/port pair for good, so a frame finds
     * its row without hashing the addresses (streams from {@value #INDEXED_STREAMS} on use the map).
     */
    private Conv[] byStream = new Conv[256];
    private static final int INDEXED_STREAMS = 1 << 20;
    private final List<Conv> order = new ArrayList<>();
    private long dropped;
    private boolean macNames = true;

    /** Written-out equals and hashCode: a record's generated ones cost more than the rest of a lookup. */
    private record Key(Address a, int portA, Address b, int portB, long stream) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.stream == stream && k.portA == portA && k.portB == portB && k.a.equals(a)
                    && k.b.equals(b);
        }

        @Override
        public int hashCode() {
            return EndpointPair.hash(a, portA, b, portB) * 31 + Long.hashCode(stream);
        }
    }

    private static final class Conv {
        final Address src;
        final int srcPort;
        final Address dst;
        final int dstPort;
        long txFrames;
        long txBytes;
        long rxFrames;
        long rxBytes;
        long start;
        long stop;

        Conv(Address src, int srcPort, Address dst, int dstPort, long time) {
            this.src = src;
            this.srcPort = srcPort;
            this.dst = dst;
            this.dstPort = dstPort;
            this.start = time;
            this.stop = time;
        }

        long frames() {
            return txFrames + rxFrames;
        }
    }

    ConversationTap(ConvKind kind, TapFilter filter) {
        this.kind = kind;
        this.filter = filter;
    }

    @Override
    public void packet(DissectedPacket p) {
        if (!TapFilter.passes(filter, p)) {
            return;
        }
        long len = p.frame().originalLength();
        long time = p.frame().relativeNanos();
        kind.flows(p, (src, sp, dst, dp, stream) -> count(src, sp, dst, dp, stream, len, time));
    }

    @Override
    public String flowTransport() {
        return filter == null ? kind.flowTransport() : null;
    }

    @Override
    public void flow(FlowShortcut.Flow f, int originalLength, long relativeNanos) {
        count(f.src(), f.srcPort(), f.dst(), f.dstPort(), f.stream(), originalLength, relativeNanos);
    }

    private void count(Address src, int sp, Address dst, int dp, long stream, long len, long time) {
        boolean indexed = stream >= 0 && stream < INDEXED_STREAMS;
        Key key = indexed ? null : key(src, sp, dst, dp, stream);
        Conv c = indexed ? (stream < byStream.length ? byStream[(int) stream] : null) : conversations.get(key);
        if (c == null) {
            if (order.size() >= MAX_CONVERSATIONS) {
                dropped++;
                return;
            }
            c = new Conv(src, sp, dst, dp, time);
            if (indexed) {
                if (stream >= byStream.length) {
                    byStream = java.util.Arrays.copyOf(byStream, Math.max((int) stream + 1, byStream.length * 2));
                }
                byStream[(int) stream] = c;
            } else {
                conversations.put(key, c);
            }
            order.add(c);
        }
        if (src.equals(c.src) && sp == c.srcPort) {
            c.txFrames++;
            c.txBytes += len;
        } else {
            c.rxFrames++;
            c.rxBytes += len;
        }
        if (time > c.stop) {
            c.stop = time;
        } else if (time < c.start) {
            c.start = time;
        }
    }

    /** The direction-independent key: the smaller endpoint first. */
    private static Key key(Address a, int pa, Address b, int pb, long stream) {
        return EndpointTap.compare(a, pa, b, pb) <= 0 ? new Key(a, pa, b, pb, stream) : new Key(b, pb, a, pa, stream);
    }

    @Override
    public void finish(PrintStream out) {
        StringBuilder sb = new StringBuilder(256 + order.size() * 160);
        String pad = kind.ports ? " ".repeat(12) : "";
        sb.append(RULE).append('\n');
        sb.append(kind.title).append(" Conversations\n");
        sb.append("Filter:").append(filter == null ? "<No Filter>" : filter.text()).append('\n');
        sb.append(pad).append("                                               |       <-      | |       ->      |"
                + " |     Total     |    Relative    |   Duration   |\n");
        sb.append(pad).append("                                               | Frames  Bytes | | Frames  Bytes |"
                + " | Frames  Bytes |      Start     |              |\n");
        List<Conv> rows = new ArrayList<>(order);
        rows.sort((x, y) -> Long.compare(y.frames(), x.frames()));
        int width = kind.ports ? 26 : 20;
        for (Conv c : rows) {
            appendRow(sb, c, width);
        }
        if (dropped > 0) {
            sb.append("(").append(dropped).append(" frames of conversations beyond the first ")
                    .append(MAX_CONVERSATIONS).append(" were not counted)\n");
        }
        sb.append(RULE).append('\n');
        CText.print(out, sb);
    }

    /**
     * One conversation's line. A method of its own: the report runs once, so its loop starts in the
     * interpreter, and a method called per row is compiled after a few hundred rows where a long
     * loop body would stay interpreted for tens of thousands.
     */
    private void appendRow(StringBuilder sb, Conv c, int width) {
        appendEndpoint(sb, c.src, c.srcPort, width);
        sb.append(" <-> ");
        appendEndpoint(sb, c.dst, c.dstPort, width);
        appendCounts(sb, c.rxFrames, c.rxBytes);
        appendCounts(sb, c.txFrames, c.txBytes);
        appendCounts(sb, c.frames(), c.txBytes + c.rxBytes);
        double start = CText.seconds(c.start);
        double stop = CText.seconds(c.stop);
        sb.append("  ");
        CText.appendFixed(sb, start, 14, 9);
        sb.append("   ");
        CText.appendFixed(sb, stop - start, 12, 4);
        sb.append('\n');
    }

    /** An endpoint's column: its address (and port), left-aligned in {@code width}. */
    private void appendEndpoint(StringBuilder sb, Address address, int port, int width) {
        int start = sb.length();
        ConvKind.appendText(sb, address, macNames);
        if (kind.ports) {
            sb.append(':').append(port);
        }
        CText.padBack(sb, start, width);
    }

    private static void appendCounts(StringBuilder sb, long frames, long bytes) {
        sb.append("  ");
        CText.appendLeft(sb, frames, 6);
        sb.append(' ');
        CText.appendSize(sb, bytes, 9);
    }

    @Override
    public Set<String> fieldsNeeded() {
        Set<String> s = new HashSet<>(kind.fields());
        if (filter != null) {
            s.addAll(filter.fields());
        }
        return s;
    }

    @Override
    public Set<String> filterFields() {
        return filter == null ? Set.of() : filter.fields();
    }

    @Override
    public void macNameResolution(boolean enabled) {
        macNames = enabled;
    }

    @Override
    public boolean needsDetailedTree() {
        return false;
    }
}
