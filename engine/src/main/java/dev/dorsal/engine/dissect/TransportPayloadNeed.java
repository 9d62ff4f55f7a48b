package dev.dorsal.engine.dissect;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import java.util.BitSet;
import java.util.Set;

/**
 * Decides once per consumer whether anyone will read what the payload of TCP or UDP turns into.
 * When a consumer wants only fields of the link, network and transport layers (say {@code -T fields
 * -e ip.src -e tcp.srcport}, or {@code -Y "tcp.port == 443"}), the application protocols above TCP and
 * UDP, and TCP's reassembly for them, cannot change a single value it reads; skipping them is most of
 * the difference between a fast and a slow pass over a large file.
 *
 * <p>The decision is conservative: the payload is wanted whenever the consumer wants columns, a full
 * tree, every field, a field of any protocol outside {@link #LOWER_LAYERS}, one of the few lower-layer
 * fields whose value depends on the layers above ({@link #DEPENDS_ON_PAYLOAD}), or when something
 * registered on a transport could bring lower-layer protocols back (a tunnel put there by Decode-As, or
 * any JavaScript dissector, which may call any handle).
 */
final class TransportPayloadNeed {
    /** Protocols whose fields never depend on what a TCP or UDP payload holds. */
    static final Set<String> LOWER_LAYERS = Set.of("frame", "eth", "ethertype", "vlan", "ieee8021ad", "ieee8021ah",
            "sll", "null", "raw", "arp", "ip", "ipv6", "ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr",
            "ipv6.dstopts", "icmp", "icmpv6", "tcp", "udp", "mptcp");

    /**
     * Fields of {@link #LOWER_LAYERS} whose value the layers above decide: the protocol stack string,
     * and TCP's reassembly bookkeeping, which exists only when an upper layer asks for reassembly.
     */
    static final Set<String> DEPENDS_ON_PAYLOAD_PREFIXES = Set.of("frame.protocols", "tcp.segment", "tcp.reassembled",
            "tcp.pdu.", "tcp.continuation_to");

    private TransportPayloadNeed() {}

    static boolean wanted(Registry registry, DissectionOptions options) {
        BitSet interest = options.interest();
        if (options.detailed() || options.columns() || interest == null || options.everyProtocol()) {
            return true;
        }
        if (registry.mayCarryLowerLayersAboveTransport(LOWER_LAYERS)) {
            return true;
        }
        for (int id = interest.nextSetBit(0); id >= 0; id = interest.nextSetBit(id + 1)) {
            FieldDef f = registry.fields().byId(id);
            if (f == null) {
                continue; // a field of another registry (never produced here)
            }
            if (!LOWER_LAYERS.contains(f.protocolFilterName()) || dependsOnPayload(f.abbrev())) {
                return true;
            }
        }
        return false;
    }

    private static boolean dependsOnPayload(String abbrev) {
        for (String prefix : DEPENDS_ON_PAYLOAD_PREFIXES) {
            if (abbrev.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
