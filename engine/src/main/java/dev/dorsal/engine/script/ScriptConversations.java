package dev.dorsal.engine.script;

import dev.dorsal.engine.spi.Address;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the conversations a script sees ({@code pinfo.conversation}): one per pair of network
 * addresses, port type and ports, either direction, in order of first appearance within a capture.
 * Bounded: past {@link #MAX} conversations the table starts over (indexes stay increasing).
 */
final class ScriptConversations {
    static final int MAX = 1 << 20;

    private record Endpoints(Address a, int portA, Address b, int portB, String type) {
        static Endpoints of(Address src, int srcPort, Address dst, int dstPort, String type) {
            int c = compare(src, dst);
            if (c < 0 || (c == 0 && srcPort <= dstPort)) {
                return new Endpoints(src, srcPort, dst, dstPort, type);
            }
            return new Endpoints(dst, dstPort, src, srcPort, type);
        }

        private static int compare(Address x, Address y) {
            int c = x.type().compareTo(y.type());
            return c != 0 ? c : Arrays.compareUnsigned(x.bytes(), y.bytes());
        }
    }

    private final Map<Endpoints, Integer> ids = new HashMap<>();
    private int next;

    int find(Address src, int srcPort, Address dst, int dstPort, String type) {
        if (ids.size() >= MAX) {
            ids.clear();
        }
        Endpoints key = Endpoints.of(src, srcPort, dst, dstPort, type == null ? "" : type);
        Integer id = ids.get(key);
        if (id == null) {
            id = next++;
            ids.put(key, id);
        }
        return id;
    }
}
