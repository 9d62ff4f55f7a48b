package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.spi.PacketInfo;

/**
 * Source and Destination column text a link layer without addresses puts there ("N/A" for
 * BSD loopback, raw IP), and its removal once a layer sets an address: tshark fills those columns
 * from the packet's addresses after dissection, over any text written before, but leaves the text
 * when no address was set (a packet that ends before its IP addresses).
 */
public final class AddressColumns {
    /** The text of a link layer that has no addresses. */
    public static final String NOT_APPLICABLE = "N/A";

    private AddressColumns() {}

    /** Shows "N/A" in both columns until an address is set. */
    public static void notApplicable(PacketInfo pinfo) {
        pinfo.columns().setSource(NOT_APPLICABLE);
        pinfo.columns().setDestination(NOT_APPLICABLE);
    }

    /** The packet's source address now fills the Source column. */
    public static void sourceSet(PacketInfo pinfo) {
        if (pinfo.columns().source() != null) {
            pinfo.columns().setSource(null);
        }
    }

    /** The packet's destination address now fills the Destination column. */
    public static void destinationSet(PacketInfo pinfo) {
        if (pinfo.columns().destination() != null) {
            pinfo.columns().setDestination(null);
        }
    }
}
