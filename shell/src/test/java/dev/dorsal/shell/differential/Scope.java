package dev.dorsal.shell.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides from the oracle alone which captures and columns the differential gates hold to 100%:
 * the protocols Dorsal has dissectors for now (frame, eth, vlan, arp, ip, ipv6, icmp, tcp, udp and the
 * tunnels MPLS, GRE, VXLAN and GTP with what they carry). Widen
 * the sets below as dissectors land; nothing here names a capture file.
 */
final class Scope {
    /** Protocol-column values of packets whose whole summary line is in scope. */
    static final Set<String> SUMMARY_PROTOCOLS = Set.of("ARP", "IPv4", "IPv6", "ICMP", "TCP", "UDP", "MPLS", "GRE",
            "VxLAN");

    /**
     * Protocol-column values that only Dorsal's dissectors write: every summary line showing one, in
     * any capture, must equal tshark's (lines of other protocols depend on dissectors Dorsal lacks).
     */
    static final Set<String> DISSECTED_COLUMNS = Set.of("ARP", "IPv4", "IPv6", "ICMP", "ICMPv6", "TCP", "UDP",
            "IGMP", "IGMPv1", "IGMPv2", "IGMPv3",
            "DNS", "MDNS", "LLMNR", "HTTP", "HTTP2", "HTTP2/JSON", "SSL", "SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2",
            "TLSv1.3", "SSH", "SSHv1", "SSHv2", "HTTP/XML", "SSDP", "NTP", "DHCP", "BOOTP", "DHCPv6", "MPLS", "GRE",
            "VxLAN", "PPP", "ERSPAN", "LLC", "XID", "STP", "GARP", "LLDP", "FTP", "FTP-DATA", "TELNET", "SMTP", "QUIC",
            "POP", "PPPoED", "PPPoES", "PPP LCP", "PPP PAP", "PPP CHAP", "PPP IPCP", "PPP IPV6CP", "PPP CCP",
            "RADIUS", "Syslog", "TFTP", "VRRP", "WOL", "NBNS", "NBDS", "CDP", "SIP", "SIP/SDP",
            "SIP/XML", "RTP", "RTP EVENT", "RTCP", "ESP", "AH", "UDPENCAP", "WireGuard", "BGP", "OSPF", "RIP",
            "RIPv1", "RIPv2", "RIPng", "GTP", "GTPv2", "CHDLC", "SLARP", "NFLOG", "BJNP",
            "SMTP/IMF", "POP/IMF", "HTTP/IMF", "IMAP", "IMAP/IMF",
            "TPKT", "COTP", "S7COMM", "Modbus/TCP", "Modbus/UDP", "DoIP", "LISP", "DB-LSP-DISC/JSON");

    /**
     * True for a Protocol column only Dorsal's dissectors write: one of {@link #DISSECTED_COLUMNS}, or
     * GTP's "GTP &lt;X&gt;" around one.
     */
    static boolean dissectedColumn(String column) {
        if (column.startsWith("GTP <") && column.endsWith(">")) {
            return dissectedColumn(column.substring(5, column.length() - 1));
        }
        return DISSECTED_COLUMNS.contains(column);
    }

    /** Layers (frame.protocols entries) of in-scope packets; "data" is undissected payload. */
    static final Set<String> SUMMARY_LAYERS = Set.of("eth", "ethertype", "arp", "ip", "ipv6", "icmp", "tcp", "udp",
            "data", "_ws.short", "_ws.malformed", "vlan", "mpls", "pwethheuristic", "pwethcw", "pwethnocw", "pwach",
            "gre", "ppp", "erspan", "vxlan");

    /**
     * Layers allowed below the transport layer for the in-scope field columns to be comparable; with a
     * tunnel (below), below the innermost transport layer.
     */
    static final Set<String> LINK_LAYERS = Set.of("eth", "ethertype", "arp", "ip", "ipv6", "vlan", "mpls",
            "pwethheuristic", "pwethcw", "pwethnocw", "pwach", "gre", "ppp", "erspan", "vxlan", "gtp");

    /** Layers that carry another network layer: the stack is in scope up to the innermost transport. */
    static final Set<String> TUNNEL_LAYERS = Set.of("mpls", "gre", "vxlan", "gtp");

    /** Layers where the link/network part of the stack ends. */
    static final Set<String> TRANSPORT_LAYERS = Set.of("tcp", "udp", "icmp", "icmpv6");

    /** Field-name prefixes (protocol filter names) whose -T fields columns are in scope. */
    static final Set<String> FIELD_PROTOCOLS = Set.of("frame", "eth", "arp", "ip", "ipv6", "icmp", "tcp", "udp",
            "mpls", "gre", "vxlan", "ppp");

    /**
     * Ethertypes of Ethernet II frames whose payload the in-scope dissectors decode (each Ethernet
     * header of a frame: a tunnel adds inner ones; LLDP's is 0x88cc).
     */
    static final Set<String> ETHERTYPES = Set.of("0x0800", "0x86dd", "0x0806", "0x8100", "0x8847", "0x8848", "0x88cc",
            "0x8863", "0x8864");

    /** IPv4 protocol numbers the in-scope dissectors decode. */
    static final Set<String> IP_PROTOCOLS = Set.of("1", "2", "4", "6", "17", "41", "47");

    /** IP protocols after which another IP header is in scope (IP in IP, GRE), as after an ICMP error. */
    static final Set<String> IP_TUNNELS = Set.of("1", "4", "41", "47");

    /**
     * A MAC address shown with a vendor name ("Giga-Byt_b2:de:6e"): Dorsal ships no vendor database
     * (docs/compat.md), so summary lines with one are not held to the gate.
     */
    static final Pattern VENDOR_NAME = Pattern.compile("^(?!00:00:00_)[A-Za-z][\\w.-]*_[0-9a-f]{2}(:[0-9a-f]{2})*$");

    /**
     * Info of a TCP segment an upper-layer dissector asked to reassemble: its Info text comes from that
     * dissector although the segment's layers end at "tcp".
     */
    static final String UPPER_LAYER_SEGMENT = "[TCP segment of a reassembled PDU]";

    private Scope() {}

    /** True when an -e column belongs to an in-scope protocol ({@code tcp.seq} yes, {@code tls.record.version} no). */
    static boolean fieldInScope(String field) {
        int dot = field.indexOf('.');
        String proto = dot < 0 ? field : field.substring(0, dot);
        return FIELD_PROTOCOLS.contains(proto);
    }

    /**
     * True when every packet of the capture is carried by in-scope link and network layers: Ethernet
     * II with in-scope ethertypes (from fields.tsv), IP protocols Dorsal decodes and a second IP header
     * only inside an ICMP error or a tunnel, and, when the -V oracle exists, no other layer below the
     * transport layer in "Protocols in frame" (below the innermost one when a tunnel carries another).
     */
    static boolean linkInScope(CorpusCase c) {
        List<String> fields = c.oracleLines("fields.tsv");
        if (fields == null || fields.isEmpty()) {
            return false;
        }
        List<List<String>> stacks = protocolStacks(c);
        List<String> header = List.of(fields.get(0).split("\t", -1));
        int ethType = header.indexOf("eth.type");
        int ipProto = header.indexOf("ip.proto");
        int row = 0;
        for (String line : fields.subList(1, fields.size())) {
            String[] cols = line.split("\t", -1);
            if (ethType < 0 || ethType >= cols.length || !ethertypesInScope(cols[ethType])) {
                return false;
            }
            List<String> stack = row < stacks.size() ? stacks.get(row) : null;
            if (ipProto >= 0 && ipProto < cols.length && !ipProtocolsInScope(cols[ipProto], stack)) {
                return false;
            }
            row++;
        }
        for (List<String> stack : stacks) {
            int end = networkEnd(stack);
            for (int i = 0; i < end; i++) {
                String layer = stack.get(i);
                if (!LINK_LAYERS.contains(layer) && !TRANSPORT_LAYERS.contains(layer) && !layer.startsWith("ipv6.")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every Ethernet type of the cell (one per Ethernet header) is in scope. */
    private static boolean ethertypesInScope(String cell) {
        for (String t : cell.split(",")) {
            if (!ETHERTYPES.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every IP protocol of the cell is decoded, and a second IP header follows an ICMP error, IP in IP
     * or GRE, or, when the packet's layers are known ({@code stack} not null), a tunnel among them.
     */
    private static boolean ipProtocolsInScope(String cell, List<String> stack) {
        if (cell.isEmpty()) {
            return true;
        }
        String[] protos = cell.split(",");
        boolean tunnel = stack != null && stack.stream().anyMatch(TUNNEL_LAYERS::contains);
        for (int i = 0; i < protos.length; i++) {
            if (!IP_PROTOCOLS.contains(protos[i])) {
                return false;
            }
            if (i > 0 && !protos[0].equals("1") && !IP_TUNNELS.contains(protos[i - 1]) && !tunnel) {
                return false;
            }
        }
        return true;
    }

    /**
     * Index just past the network part of a stack: the first transport layer, or the innermost one
     * when a tunnel layer comes after the first.
     */
    private static int networkEnd(List<String> stack) {
        int first = -1;
        int last = -1;
        boolean tunnel = false;
        for (int i = 0; i < stack.size(); i++) {
            String layer = stack.get(i);
            if (TRANSPORT_LAYERS.contains(layer)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            } else if (first >= 0 && TUNNEL_LAYERS.contains(layer)) {
                tunnel = true;
            }
        }
        if (first < 0) {
            return stack.size();
        }
        return tunnel ? last : first;
    }

    /**
     * Per packet of the capture: whether the layers carrying it are ones Dorsal dissects, so that its
     * summary line is Dorsal's own work. From fields.tsv: an Ethernet II frame with in-scope
     * ethertypes (or another link type), IP protocols Dorsal decodes and no second IP header outside
     * an ICMP error or a tunnel; and, when the -V oracle exists, every layer of "Protocols in frame" registered
     * by Dorsal. Empty when there is no fields table.
     */
    static List<Boolean> packetsOnDissectedLayers(CorpusCase c, Set<String> dorsalProtocols) {
        List<String> fields = c.oracleLines("fields.tsv");
        List<Boolean> out = new ArrayList<>();
        if (fields == null || fields.isEmpty()) {
            return out;
        }
        List<String> header = List.of(fields.get(0).split("\t", -1));
        int ethType = header.indexOf("eth.type");
        int ipProto = header.indexOf("ip.proto");
        List<List<String>> stacks = protocolStacks(c);
        for (String row : fields.subList(1, fields.size())) {
            String[] cols = row.split("\t", -1);
            boolean ok = true;
            if (ethType >= 0 && ethType < cols.length && !cols[ethType].isEmpty()) {
                ok = ethertypesInScope(cols[ethType]);
            }
            if (ok && ipProto >= 0 && ipProto < cols.length) {
                ok = ipProtocolsInScope(cols[ipProto], out.size() < stacks.size() ? stacks.get(out.size()) : null);
            }
            out.add(ok);
        }
        for (int i = 0; i < stacks.size() && i < out.size(); i++) {
            if (!dorsalProtocols.containsAll(stacks.get(i))) {
                out.set(i, false);
            }
        }
        return out;
    }

    /**
     * HTTP responses whose body an image dissector describes in tshark ("(GIF89a)", "(JPEG JFIF image)",
     * "(PNG)"): Dorsal has no image dissectors and shows the media type (docs/compat.md, HTTP).
     */
    static final Pattern IMAGE_INFO = Pattern.compile(".* HTTP [0-9]+ .*\\((GIF8[79]a|JPEG JFIF image|PNG)\\)$");

    /** True when every whole summary line of the capture is in scope (see the sets above). */
    static boolean summaryInScope(CorpusCase c) {
        if (!linkInScope(c)) {
            return false;
        }
        List<String> fields = c.oracleLines("fields.tsv");
        List<String> header = List.of(fields.get(0).split("\t", -1));
        int proto = header.indexOf("_ws.col.Protocol");
        for (String row : fields.subList(1, fields.size())) {
            String[] cols = row.split("\t", -1);
            if (proto < 0 || proto >= cols.length || !SUMMARY_PROTOCOLS.contains(cols[proto])) {
                return false;
            }
        }
        for (List<String> stack : protocolStacks(c)) {
            if (!SUMMARY_LAYERS.containsAll(stack)) {
                return false;
            }
        }
        for (String line : c.oracleLines("summary.txt")) {
            if (line.contains(UPPER_LAYER_SEGMENT)) {
                return false;
            }
            int arrow = line.indexOf(" → ");
            if (arrow < 0) {
                continue;
            }
            String[] before = line.substring(0, arrow).trim().split(" +");
            String src = before[before.length - 1];
            String rest = line.substring(arrow + 3);
            String dst = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
            if (VENDOR_NAME.matcher(src).matches() || VENDOR_NAME.matcher(dst).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The "[Protocols in frame: …]" stacks of the -V oracle, or none when it does not exist. */
    static List<List<String>> protocolStacks(CorpusCase c) {
        List<String> verbose = c.oracleLines("verbose.txt");
        List<List<String>> out = new ArrayList<>();
        if (verbose == null) {
            return out;
        }
        String marker = "[Protocols in frame: ";
        for (String line : verbose) {
            int at = line.indexOf(marker);
            if (at >= 0 && line.startsWith("    [")) {
                String list = line.substring(at + marker.length(), line.length() - 1);
                out.add(List.of(list.split(":")));
            }
        }
        return out;
    }
}
