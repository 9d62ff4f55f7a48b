package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.spi.Dissector;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Calls through a dissector table telling "no dissector took it" from "the dissector stopped on a
 * short or malformed packet". {@link DissectorTable#tryDissect} returns 0 for both when the tvb is
 * empty (the engine reports the bytes consumed, none), but tshark only falls back to data or an
 * "unknown" label in the first case: a dissector that throws ends the packet.
 */
public final class Dispatch {
    /** Returned when there is no dissector for the key or it declined the packet. */
    public static final int DECLINED = -1;

    private Dispatch() {}

    /**
     * {@code handle} with malformed errors swallowed. As tshark, a dissector that added nothing to
     * the tree before failing is dropped from the layers (its "return 0" removes it); one that did
     * stays. {@code swallowed[0]} tells the caller it failed rather than declined.
     */
    private static DissectorHandle tolerant(DissectorHandle handle, boolean[] swallowed) {
        Dissector inner = handle.dissector();
        return new DissectorHandle(handle.name(), handle.protocol(), (tvb, pinfo, tree) -> {
            int before = children(tree);
            try {
                return inner.dissect(tvb, pinfo, tree);
            } catch (MalformedException e) {
                swallowed[0] = true;
                return children(tree) == before ? 0 : Math.max(1, tvb.length());
            }
        });
    }

    private static int children(ProtoItem item) {
        int n = 0;
        for (ProtoItem c = item.firstChild(); c != null; c = c.next()) {
            n++;
        }
        return n;
    }

    /** Bytes the dissector for {@code key} used, or {@link #DECLINED}. */
    public static int tryDissect(DissectorTable table, long key, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return call(table.lookup(key), tvb, pinfo, tree, false);
    }

    /**
     * As {@link #tryDissect(DissectorTable, long, Tvb, PacketInfo, ProtoItem)}; {@code inErrorPacket}
     * tolerates a packet that ends early, as inside an ICMP error's quoted packet.
     */
    public static int tryDissect(DissectorTable table, long key, Tvb tvb, PacketInfo pinfo, ProtoItem tree,
            boolean inErrorPacket) {
        return call(table.lookup(key), tvb, pinfo, tree, inErrorPacket);
    }

    /** Bytes {@code handle} (may be null) used, or {@link #DECLINED}. */
    public static int call(DissectorHandle handle, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return call(handle, tvb, pinfo, tree, false);
    }

    /** Filter names of the engine's marks for a packet cut short or malformed (they end tshark's dissection). */
    public static final String SHORT = "_ws.short";
    public static final String MALFORMED = "_ws.malformed";

    /**
     * How many times the packet has been marked short or malformed so far. tshark stops dissecting at
     * the first such error (unless a dissector catches it); the engine marks the packet where the
     * called dissector failed and returns to the caller, which should then stop when this grew.
     */
    public static int errors(PacketInfo pinfo) {
        List<String> layers = pinfo.layerNames();
        int n = 0;
        for (int i = layers.size() - 1; i >= 0; i--) {
            String l = layers.get(i);
            if (l.equals(SHORT) || l.equals(MALFORMED)) {
                n++;
            }
        }
        return n;
    }

    /** The Info text the engine appended for the last error mark, or null when there is none. */
    public static String lastErrorInfo(PacketInfo pinfo) {
        List<String> layers = pinfo.layerNames();
        for (int i = layers.size() - 1; i >= 0; i--) {
            String l = layers.get(i);
            if (l.equals(SHORT)) {
                return "[Packet size limited during capture]";
            }
            if (l.equals(MALFORMED)) {
                return "[Malformed Packet]";
            }
        }
        return null;
    }

    /**
     * Bytes {@code handle} (may be null) used, or {@link #DECLINED}. With {@code inErrorPacket}, a
     * dissector that runs past the packet's end (malformed) just stops, as tshark's
     * call_dissector_work_error does for the quoted packet of an ICMP error: routers cut what they
     * quote, so that is not an error there. A packet cut by the capture's snap length still is.
     */
    public static int call(DissectorHandle handle, Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean inErrorPacket) {
        if (handle == null) {
            return DECLINED;
        }
        boolean[] swallowed = new boolean[1];
        if (inErrorPacket) {
            handle = tolerant(handle, swallowed);
        }
        int layers = pinfo.layerNames().size();
        int used = pinfo.call(handle, tvb, tree);
        if (swallowed[0]) {
            return Math.max(used, tvb.length()); // failed, which is not declining
        }
        // A dissector that declines has its layer removed again; one that threw left it and a mark.
        return used == 0 && pinfo.layerNames().size() == layers ? DECLINED : used;
    }
}
