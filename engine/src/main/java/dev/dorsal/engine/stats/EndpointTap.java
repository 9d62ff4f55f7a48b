package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FlowShortcut;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -z endpoints,<eth|ip|ipv6|tcp|udp>[,filter]}: packets and bytes sent and received by each
 * address (address and port for TCP and UDP), printed as tshark's "Endpoints" table.
 *
 * <p>Every layer counts once for its source (Tx) and once for its destination (Rx); a host talking to
 * itself gets both. Rows are sorted by packets, largest first, ties in order of first appearance
 * (a packet's source before its destination).
 *
 * <p>Bounded state: at most {@value #MAX_ENDPOINTS} endpoints are tracked. Packets to or from further
 * new endpoints are not counted for them, and the table then ends with one line saying how many.
 */
final class EndpointTap implements Tap {
    static final int MAX_ENDPOINTS = 500_000;
    private static final String RULE = "=".repeat(80);

    private final ConvKind kind;
    private final TapFilter filter;
    private final Map<Key, Endpoint> endpoints = new HashMap<>();
    private final List<Endpoint> order = new ArrayList<>();
    private long dropped;
    private boolean macNames = true;

    /** Written-out equals and hashCode: a record's generated ones cost more than the rest of a lookup. */
    private record Key(Address address, int port) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.port == port && k.address.equals(address);
        }

        @Override
        public int hashCode() {
            return address.hashCode() * 31 + port;
        }
    }

    private static final class Endpoint {
        final Key key;
        long txPackets;
        long txBytes;
        long rxPackets;
        long rxBytes;

        Endpoint(Key key) {
            this.key = key;
        }

        long packets() {
            return txPackets + rxPackets;
        }
    }

    EndpointTap(ConvKind kind, TapFilter filter) {
        this.kind = kind;
        this.filter = filter;
    }

    /** Orders endpoints by address type, address bytes, then port (any fixed order would do). */
    static int compare(Address a, int pa, Address b, int pb) {
        int c = a.type().compareTo(b.type());
        if (c == 0) {
            c = Arrays.compareUnsigned(a.bytes(), b.bytes());
        }
        return c != 0 ? c : Integer.compare(pa, pb);
    }

    @Override
    public void packet(DissectedPacket p) {
        if (!TapFilter.passes(filter, p)) {
            return;
        }
        long len = p.frame().originalLength();
        kind.flows(p, (src, sp, dst, dp, stream) -> count(src, sp, dst, dp, len));
    }

    @Override
    public String flowTransport() {
        return filter == null ? kind.flowTransport() : null;
    }

    @Override
    public void flow(FlowShortcut.Flow f, int originalLength, long relativeNanos) {
        count(f.src(), f.srcPort(), f.dst(), f.dstPort(), originalLength);
    }

    private void count(Address src, int sp, Address dst, int dp, long len) {
        Endpoint s = endpoint(src, sp);
        if (s != null) {
            s.txPackets++;
            s.txBytes += len;
        }
        Endpoint d = endpoint(dst, dp);
        if (d != null) {
            d.rxPackets++;
            d.rxBytes += len;
        }
    }

    private Endpoint endpoint(Address a, int port) {
        Key key = new Key(a, port);
        Endpoint e = endpoints.get(key);
        if (e == null) {
            if (endpoints.size() >= MAX_ENDPOINTS) {
                dropped++;
                return null;
            }
            e = new Endpoint(key);
            endpoints.put(key, e);
            order.add(e);
        }
        return e;
    }

    @Override
    public void finish(PrintStream out) {
        StringBuilder sb = new StringBuilder(256 + order.size() * 120);
        sb.append(RULE).append('\n');
        sb.append(kind.title).append(" Endpoints\n");
        sb.append("Filter:").append(filter == null ? "<No Filter>" : filter.text()).append('\n');
        sb.append("                       |").append(kind.ports ? "  Port  ||" : "")
                .append("  Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n");
        List<Endpoint> rows = new ArrayList<>(order);
        rows.sort((x, y) -> Long.compare(y.packets(), x.packets()));
        for (Endpoint e : rows) {
            appendRow(sb, e);
        }
        if (dropped > 0) {
            sb.append("(").append(dropped).append(" packet sides of endpoints beyond the first ")
                    .append(MAX_ENDPOINTS).append(" were not counted)\n");
        }
        sb.append(RULE).append('\n');
        CText.print(out, sb);
    }

    /** One endpoint's line; a method per row for the reason {@link ConversationTap} gives. */
    private void appendRow(StringBuilder sb, Endpoint e) {
        int start = sb.length();
        ConvKind.appendText(sb, e.key.address(), macNames);
        CText.padBack(sb, start, 20);
        sb.append("      ");
        if (kind.ports) {
            CText.appendLeft(sb, e.key.port(), 5);
            sb.append("     ");
        }
        CText.appendLeft(sb, e.packets(), 6);
        sb.append("     ");
        CText.appendLeft(sb, e.txBytes + e.rxBytes, 9);
        sb.append("     ");
        CText.appendLeft(sb, e.txPackets, 6);
        sb.append("       ");
        CText.appendLeft(sb, e.txBytes, 9);
        sb.append("      ");
        CText.appendLeft(sb, e.rxPackets, 6);
        sb.append("       ");
        CText.appendLeft(sb, e.rxBytes, 9);
        sb.append("   \n");
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
