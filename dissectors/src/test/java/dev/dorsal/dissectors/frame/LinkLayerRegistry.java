package dev.dorsal.dissectors.frame;

import dev.dorsal.dissectors.arp.ArpDissector;
import dev.dorsal.dissectors.data.DataDissector;
import dev.dorsal.dissectors.eth.EthernetDissector;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.icmp.IcmpDissector;
import dev.dorsal.dissectors.icmpv6.Icmpv6Dissector;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.dissectors.ipv6.Ipv6DstOptsDissector;
import dev.dorsal.dissectors.ipv6.Ipv6Dissector;
import dev.dorsal.dissectors.ipv6.Ipv6FragmentDissector;
import dev.dorsal.dissectors.ipv6.Ipv6HopOptsDissector;
import dev.dorsal.dissectors.ipv6.Ipv6RoutingDissector;
import dev.dorsal.dissectors.loop.NullDissector;
import dev.dorsal.dissectors.loop.RawIpDissector;
import dev.dorsal.dissectors.sll.SllDissector;
import dev.dorsal.dissectors.vlan.Ieee8021adDissector;
import dev.dorsal.dissectors.vlan.VlanDissector;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorProvider;
import java.util.List;
import java.util.Set;

/**
 * The link and network layer providers, and a registry holding only them: tests of these layers
 * then do not depend on the transport and application dissectors (their payloads become data).
 */
final class LinkLayerRegistry {
    private LinkLayerRegistry() {}

    /** Filter names of the protocols these providers register (what may appear in frame.protocols). */
    static final Set<String> LAYERS = Set.of("eth", "ethertype", "vlan", "ieee8021ad", "ieee8021ah", "sll", "null", "raw",
            "arp", "ip", "ipv6", "ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "icmp", "icmpv6", "data");

    static List<DissectorProvider> providers() {
        return List.of(new FrameDissector(), new DataDissector(), new EthernetDissector(), new EthertypeDissector(),
                new VlanDissector(), new Ieee8021adDissector(), new SllDissector(), new NullDissector(),
                new RawIpDissector(), new ArpDissector(), new Ipv4Dissector(), new Ipv6Dissector(),
                new Ipv6HopOptsDissector(), new Ipv6RoutingDissector(), new Ipv6FragmentDissector(),
                new Ipv6DstOptsDissector(), new IcmpDissector(), new Icmpv6Dissector());
    }

    private static Registry shared;

    /**
     * The one registry of these providers in this class loader: field definitions bind to the first
     * registry that registers them, so every test run in the loader must share it.
     */
    static synchronized Registry shared() {
        if (shared == null) {
            Registry r = new Registry();
            r.install(providers());
            shared = r;
        }
        return shared;
    }
}
