package dev.dorsal.engine.stats;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.ExpertDef;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the tap for one {@code -z} argument, accepting what tshark 4.0.17 accepts and refusing the
 * rest with its messages. As in tshark, an argument selects the statistic whose name is its longest
 * registered prefix ({@code conv,ipv6} before {@code conv,ip}); a comma after the name starts the
 * statistic's own options.
 *
 * <pre>{@code
 * Tap t = Taps.parse("conv,tcp", registry);   // or "follow,tcp,ascii,0", "io,phs", "io,stat,1", "expert,warn"
 * }</pre>
 */
public final class Taps {
    /** The statistics Dorsal implements, sorted; tshark's list is longer. */
    static final List<String> NAMES = List.of(
            "conv,eth", "conv,ip", "conv,ipv6", "conv,tcp", "conv,udp", "dests,tree", "dns,tree",
            "endpoints,eth", "endpoints,ip", "endpoints,ipv6", "endpoints,tcp", "endpoints,udp",
            "expert", "follow,tcp", "follow,tls", "follow,udp", "http,tree", "http_req,tree", "http_srv,tree",
            "io,phs", "io,stat", "ip_hosts,tree", "ip_srcdst,tree", "ipv6_dests,tree", "ipv6_hosts,tree",
            "ipv6_ptype,tree", "ipv6_srcdst,tree", "plen,tree", "ptype,tree");

    /**
     * Statistics tshark 4.0.17 has that Dorsal does not: matched like the others (so "conv,ipx" is not
     * taken for "conv,ip"), then refused with a clear message.
     */
    static final List<String> NOT_IMPLEMENTED = List.of(
            "conv,bluetooth", "conv,dccp", "conv,fc", "conv,fddi", "conv,ipx", "conv,jxta", "conv,mptcp", "conv,ncp",
            "conv,opensafety", "conv,rsvp", "conv,sctp", "conv,sll", "conv,tr", "conv,usb", "conv,wlan", "conv,wpan",
            "conv,zbee_nwk", "endpoints,bluetooth", "endpoints,dccp", "endpoints,fc", "endpoints,fddi", "endpoints,ipx",
            "endpoints,jxta", "endpoints,mptcp", "endpoints,ncp", "endpoints,opensafety", "endpoints,rsvp",
            "endpoints,sctp", "endpoints,sll", "endpoints,tr", "endpoints,usb", "endpoints,wlan", "endpoints,wpan",
            "endpoints,zbee_nwk", "follow,dccp", "follow,http", "follow,http2", "follow,quic", "follow,sip",
            "http2,tree", "http_seq,tree");

    private Taps() {}

    /**
     * The tap for {@code zArgument} (the text after {@code -z}).
     *
     * @throws StatsException with tshark's message and exit code when the argument is refused
     */
    public static Tap parse(String zArgument, Registry registry) throws StatsException {
        String arg = zArgument.startsWith("follow,ssl") ? "follow,tls" + zArgument.substring(10) : zArgument;
        String name = null;
        for (String n : NAMES) {
            if (arg.startsWith(n) && (name == null || n.length() > name.length())) {
                name = n;
            }
        }
        for (String n : NOT_IMPLEMENTED) {
            if (arg.startsWith(n) && (name == null || n.length() > name.length())) {
                throw new StatsException("tshark: \"-z " + n
                        + "\" is a tshark statistic Dorsal does not implement yet.");
            }
        }
        if (name == null) {
            throw new StatsException(invalidArgument(zArgument));
        }
        String rest = arg.substring(name.length());
        String filterText = rest.startsWith(",") ? rest.substring(1) : null;
        int comma = name.indexOf(',');
        String family = comma < 0 ? name : name.substring(0, comma);
        String kind = comma < 0 ? "" : name.substring(comma + 1);
        return switch (family) {
            case "conv" -> new ConversationTap(ConvKind.of(kind), filter(filterText, registry,
                    "tshark: Couldn't register conversations tap: "));
            case "endpoints" -> new EndpointTap(ConvKind.of(kind), filter(filterText, registry,
                    "tshark: Couldn't register endpoint tap: "));
            case "follow" -> follow(kind, rest);
            case "dests", "dns", "http", "http_req", "http_srv", "ip_hosts", "ip_srcdst", "ipv6_dests",
                    "ipv6_hosts", "ipv6_ptype", "ipv6_srcdst", "plen", "ptype" -> tree(family, filterText, registry);
            case "io" -> kind.equals("phs")
                    ? new HierarchyTap(filter(filterText, registry, "tshark: Couldn't register io,phs tap: "))
                    : IoStatTap.parse(rest, registry);
            default -> expert(rest, registry);
        };
    }

    /** tshark's {@code -z help} text: the statistics this build knows. */
    public static String helpText() {
        StringBuilder sb = new StringBuilder("tshark: The available statistics for the \"-z\" option are:");
        for (String n : NAMES) {
            sb.append("\n     ").append(n);
        }
        return sb.toString();
    }

    private static String invalidArgument(String arg) {
        StringBuilder sb = new StringBuilder("tshark: Invalid -z argument \"").append(arg)
                .append("\"; it must be one of:");
        for (String n : NAMES) {
            sb.append("\n     ").append(n);
        }
        return sb.toString();
    }

    /** Compiles a tap filter; a bad one is refused with {@code prefix} and the compiler's reason. */
    static TapFilter filter(String text, Registry registry, String prefix) throws StatsException {
        try {
            TapFilter f = TapFilter.compile(text, registry);
            if (f == null && text != null) {
                return TapFilter.empty(text);
            }
            return f;
        } catch (TapFilter.Invalid e) {
            throw new StatsException(prefix + invalidFilter(text, e.getMessage()));
        }
    }

    static String invalidFilter(String text, String why) {
        return "Filter \"" + text + "\" is invalid - " + why;
    }

    /**
     * A stats tree ({@code NAME,tree[,filter]}); text after "tree" that does not start with a comma is
     * ignored, as tshark does. tshark reports a bad filter on stderr and goes on without the statistic
     * (exit status 0); Dorsal stops there with the same message and status.
     */
    private static Tap tree(String family, String filterText, Registry registry) throws StatsException {
        Function<TapFilter, StatsTreeTap> make = switch (family) {
            case "http" -> HttpTrees.PacketCounter::new;
            case "http_req" -> HttpTrees.Requests::new;
            case "http_srv" -> HttpTrees.LoadDistribution::new;
            case "dns" -> f -> new DnsTree(f, registry == null ? null : registry.fields());
            case "plen" -> PacketLengthTree::new;
            case "ptype" -> f -> IpTrees.of(IpTrees.Kind.PTYPE, "ip", f);
            case "ip_hosts" -> f -> IpTrees.of(IpTrees.Kind.HOSTS, "ip", f);
            case "ip_srcdst" -> f -> IpTrees.of(IpTrees.Kind.SRCDST, "ip", f);
            case "ipv6_ptype" -> f -> IpTrees.of(IpTrees.Kind.PTYPE, "ipv6", f);
            case "dests" -> f -> IpTrees.of(IpTrees.Kind.DESTS, "ip", f);
            case "ipv6_dests" -> f -> IpTrees.of(IpTrees.Kind.DESTS, "ipv6", f);
            case "ipv6_hosts" -> f -> IpTrees.of(IpTrees.Kind.HOSTS, "ipv6", f);
            default -> f -> IpTrees.of(IpTrees.Kind.SRCDST, "ipv6", f);
        };
        try {
            return make.apply(TapFilter.compile(filterText, registry));
        } catch (TapFilter.Invalid e) {
            throw new StatsException("tshark: stats_tree for: " + make.apply(null).tree.title
                    + " failed to attach to the tap: " + invalidFilter(filterText, e.getMessage()), 0, false);
        }
    }

    private static Tap follow(String proto, String rest) throws StatsException {
        return new FollowTap(FollowArgs.parse(proto, rest));
    }

    private static Tap expert(String rest, Registry registry) throws StatsException {
        ExpertDef.Severity lowest = ExpertDef.Severity.COMMENT;
        String[][] levels = {{",error", "ERROR"}, {",warn", "WARN"}, {",note", "NOTE"}, {",chat", "CHAT"},
                {",comment", "COMMENT"}};
        for (String[] l : levels) {
            if (rest.startsWith(l[0])) {
                lowest = ExpertDef.Severity.valueOf(l[1]);
                rest = rest.substring(l[0].length());
                break;
            }
        }
        String text = rest.startsWith(",") ? rest.substring(1) : null;
        TapFilter f;
        try {
            f = TapFilter.compile(text, registry);
            if (f == null && text != null) {
                f = TapFilter.empty(text);
            }
        } catch (TapFilter.Invalid e) {
            throw new StatsException("Expert tap error (" + invalidFilter(text, e.getMessage()) + ")!", 1, true);
        }
        return new ExpertTap(registry, lowest, f);
    }
}
