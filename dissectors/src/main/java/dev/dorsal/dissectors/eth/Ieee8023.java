package dev.dorsal.dissectors.eth;

import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Hands an IEEE 802.3 payload (the field before it is a length, not a type) to LLC, or to IPX when
 * it starts with 0xffff ("raw 802.3"), limited to the stated length; the bytes after it become
 * padding, trailer and FCS. Shared by Ethernet and 802.1Q, which differ only in their field names.
 * Falls back to data while no "llc"/"ipx" handle is registered.
 */
public final class Ieee8023 {
    private Ieee8023() {}

    /**
     * Calls the payload's dissector where tshark's 802.3 code catches its non-fatal exceptions: a
     * malformed payload is marked at the payload's start, in the name of the protocol that hit it.
     */
    private static int callCatching(DissectorHandle handle, Tvb payload, PacketInfo pinfo, ProtoItem tree) {
        if (handle == null) {
            return Dispatch.DECLINED;
        }
        int layers = pinfo.layerNames().size();
        int used = pinfo.callCatching(handle, payload, tree);
        return used == 0 && pinfo.layerNames().size() == layers ? Dispatch.DECLINED : used;
    }

    private static String lastError(PacketInfo pinfo) {
        java.util.List<String> layers = pinfo.layerNames();
        for (int i = layers.size() - 1; i >= 0; i--) {
            String l = layers.get(i);
            if (l.equals(Dispatch.SHORT) || l.equals(Dispatch.MALFORMED)) {
                return l;
            }
        }
        return null;
    }

    /** True when the payload at {@code offset} starts with 0xffff, Novell's raw 802.3 IPX. */
    public static boolean isRaw(Tvb tvb, int offset) {
        return tvb.has(offset, 2) && tvb.u16(offset) == 0xffff;
    }

    /**
     * Adds the length item under {@code headerTree}, dissects the payload and its trailer.
     *
     * @param fcsLen 0 (none), 4 (present) or {@link EthertypeCall#FCS_UNKNOWN}
     */
    public static void dissect(Tvb tvb, int offsetAfterLength, int length, boolean raw, PacketInfo pinfo,
            ProtoItem tree, ProtoItem headerTree, FieldDef lengthField, FieldDef trailerField, ExpertDef pastEnd,
            int fcsLen) {
        ProtoItem lenItem = headerTree.addUint(lengthField, tvb, offsetAfterLength - 2, 2, length);
        int reported = Math.max(0, tvb.reportedLength() - offsetAfterLength);
        if (fcsLen > 0 && reported >= fcsLen) {
            reported -= fcsLen;
        }
        if (length > reported) {
            length = reported;
            lenItem.expert(pastEnd);
        }
        Tvb payload = tvb.slice(offsetAfterLength, length);
        DissectorHandle next = pinfo.tables().handle(raw ? "ipx" : "llc");
        int errors = Dispatch.errors(pinfo);
        if (callCatching(next, payload, pinfo, tree) == Dispatch.DECLINED) {
            DissectorHandle data = pinfo.tables().handle("data");
            if (data != null) {
                pinfo.call(data, payload, tree);
            }
        }
        if (Dispatch.errors(pinfo) > errors && Dispatch.SHORT.equals(lastError(pinfo))) {
            // tshark catches a malformed payload and goes on with the trailer, but a packet cut by
            // the snap length ends there.
            return;
        }
        // Like Wireshark, a trailer that lies past the captured bytes is an error of this layer.
        Tvb trailer = tvb.slice(offsetAfterLength + length);
        if (trailer.reportedLength() > 0) {
            EthernetTrailer.add(pinfo, headerTree, trailerField, tvb, trailer, fcsLen);
        }
    }
}
