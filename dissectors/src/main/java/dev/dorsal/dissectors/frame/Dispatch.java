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
 * Calls to other dissectors with tshark's exception semantics on top of the engine's.
 *
 * <p>The engine catches a short or malformed packet in the dissector that hit it, marks the packet,
 * and returns to the caller with the bytes consumed; for an empty tvb that is 0, the same answer as
 * "no dissector took it". tshark's exception instead unwinds to the frame, so it never falls back to
 * data or an "unknown" label after such an error. {@link #tryDissect} and {@link #call} tell the two
 * apart ({@link #DECLINED}), and {@link #errors} lets a caller see that the packet ended.
 *
 * <p>Inside the packet an ICMP error quotes, tshark's call_dissector_work_error applies: a dissector
 * that runs past the end of the quote (malformed) just stops, since routers cut what they quote, and
 * a packet cut by the snap length is marked under the quote's outermost protocol.
 */
public final class Dispatch {
    /** Returned when there is no dissector for the key or it declined the packet. */
    public static final int DECLINED = -1;

    /** Filter names of the engine's marks for a packet cut short or malformed. */
    public static final String SHORT = "_ws.short";
    public static final String MALFORMED = "_ws.malformed";

    private static final int NORMAL = 0;
    /** The call of the quoted packet itself (ICMP to IP). */
    private static final int OUTER = 1;
    /** A call made inside a quoted packet. */
    private static final int INNER = 2;

    private Dispatch() {}

    /** Bytes the dissector for {@code key} used, or {@link #DECLINED}. */
    public static int tryDissect(DissectorTable table, long key, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return call(table.lookup(key), tvb, pinfo, tree, NORMAL);
    }

    /** As {@link #tryDissect(DissectorTable, long, Tvb, PacketInfo, ProtoItem)}, inside a quoted packet if so. */
    public static int tryDissect(DissectorTable table, long key, Tvb tvb, PacketInfo pinfo, ProtoItem tree,
            boolean inErrorPacket) {
        return call(table.lookup(key), tvb, pinfo, tree, inErrorPacket ? INNER : NORMAL);
    }

    /** Bytes {@code handle} (may be null) used, or {@link #DECLINED}. */
    public static int call(DissectorHandle handle, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return call(handle, tvb, pinfo, tree, NORMAL);
    }

    /** As {@link #call(DissectorHandle, Tvb, PacketInfo, ProtoItem)}, inside a quoted packet if so. */
    public static int call(DissectorHandle handle, Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean inErrorPacket) {
        return call(handle, tvb, pinfo, tree, inErrorPacket ? INNER : NORMAL);
    }

    /** Calls the dissector of the packet an ICMP or ICMPv6 error quotes. */
    public static int callQuoted(DissectorHandle handle, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return call(handle, tvb, pinfo, tree, OUTER);
    }

    /**
     * How many times the packet has been marked short or malformed so far. tshark stops dissecting at
     * the first such error (unless a dissector catches it); a caller should stop when this grew.
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

    private static int call(DissectorHandle handle, Tvb tvb, PacketInfo pinfo, ProtoItem tree, int quote) {
        if (handle == null) {
            return DECLINED;
        }
        boolean[] swallowed = null;
        if (quote != NORMAL) {
            swallowed = new boolean[1];
            handle = tolerant(handle, swallowed);
        }
        int layers = pinfo.layerNames().size();
        // Inside the quote a short packet's error passes up to the outermost quoted dissector, which
        // the engine then marks: tshark names the protocol it restored there.
        int used = quote == INNER ? pinfo.callRaw(handle, tvb, tree) : pinfo.call(handle, tvb, tree);
        if (swallowed != null && swallowed[0]) {
            return Math.max(used, tvb.length()); // failed, which is not declining
        }
        // A dissector that declines has its layer removed again; one that threw left it and a mark.
        return used == 0 && pinfo.layerNames().size() == layers ? DECLINED : used;
    }

    /**
     * {@code handle} with malformed errors swallowed. As in tshark, a dissector that added nothing to
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
}
