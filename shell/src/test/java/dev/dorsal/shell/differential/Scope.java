package dev.dorsal.shell.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides from the oracle alone which captures and columns the differential gates hold to 100%:
 * the protocols Dorsal has dissectors for now (frame, eth, arp, ip, ipv6, icmp, tcp, udp). Widen
 * the sets below as dissectors land; nothing here names a capture file.
 */
final class Scope {
    /** Protocol-column values of packets whose whole summary line is in scope. */
    static final Set<String> SUMMARY_PROTOCOLS = Set.of("ARP", "IPv4", "IPv6", "ICMP", "TCP", "UDP");

    /**
     * Protocol-column values that only Dorsal's dissectors write: every summary line showing one, in
     * any capture, must equal tshark's (lines of other protocols depend on dissectors Dorsal lacks).
     */
    static final Set<String> DISSECTED_COLUMNS = Set.of("ARP", "IPv4", "IPv6", "ICMP", "ICMPv6", "TCP", "UDP",
            "IGMP", "IGMPv1", "IGMPv2", "IGMPv3",
            "DNS", "MDNS", "LLMNR", "HTTP", "HTTP2", "HTTP2/JSON", "SSL", "SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2",
            "TLSv1.3", "SSH", "SSHv1", "SSHv2", "HTTP/XML", "SSDP", "NTP", "QUIC");

    /** Layers (frame.protocols entries) of in-scope packets; "data" is undissected payload. */
    static final Set<String> SUMMARY_LAYERS = Set.of("eth", "ethertype", "arp", "ip", "ipv6", "icmp", "tcp", "udp",
            "data", "_ws.short", "_ws.malformed");

    /** Layers allowed below the transport layer for the in-scope field columns to be comparable. */
    static final Set<String> LINK_LAYERS = Set.of("eth", "ethertype", "arp", "ip", "ipv6");

    /** Layers where the link/network part of the stack ends. */
    static final Set<String> TRANSPORT_LAYERS = Set.of("tcp", "udp", "icmp", "icmpv6");

    /** Field-name prefixes (protocol filter names) whose -T fields columns are in scope. */
    static final Set<String> FIELD_PROTOCOLS = Set.of("frame", "eth", "arp", "ip", "ipv6", "icmp", "tcp", "udp");

    /** Ethertypes of Ethernet II frames whose payload the in-scope dissectors decode. */
    static final Set<String> ETHERTYPES = Set.of("0x0800", "0x86dd", "0x0806");

    /** IPv4 protocol numbers the in-scope dissectors decode. */
    static final Set<String> IP_PROTOCOLS = Set.of("1", "2", "6", "17");

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
     * II with an IPv4/IPv6/ARP ethertype and no tunnels (from fields.tsv), and, when the -V oracle
     * exists, no other layer below TCP/UDP/ICMP in "Protocols in frame".
     */
    static boolean linkInScope(CorpusCase c) {
        List<String> fields = c.oracleLines("fields.tsv");
        if (fields == null || fields.isEmpty()) {
            return false;
        }
        List<String> header = List.of(fields.get(0).split("\t", -1));
        int ethType = header.indexOf("eth.type");
        int ipProto = header.indexOf("ip.proto");
        for (String row : fields.subList(1, fields.size())) {
            String[] cols = row.split("\t", -1);
            if (ethType < 0 || ethType >= cols.length || !ETHERTYPES.contains(cols[ethType])) {
                return false;
            }
            if (ipProto >= 0 && ipProto < cols.length && !cols[ipProto].isEmpty()) {
                String[] protos = cols[ipProto].split(",");
                for (int i = 0; i < protos.length; i++) {
                    // A second IP header is only in scope inside an ICMP error.
                    if (!IP_PROTOCOLS.contains(protos[i]) || (i > 0 && !protos[0].equals("1"))) {
                        return false;
                    }
                }
            }
        }
        for (List<String> stack : protocolStacks(c)) {
            for (String layer : stack) {
                if (TRANSPORT_LAYERS.contains(layer)) {
                    break;
                }
                if (!LINK_LAYERS.contains(layer) && !layer.startsWith("ipv6.")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Per packet of the capture: whether the layers carrying it are ones Dorsal dissects, so that its
     * summary line is Dorsal's own work. From fields.tsv: an Ethernet II frame with an IPv4/IPv6/ARP
     * ethertype (or another link type), IP protocols Dorsal decodes and no second IP header outside
     * an ICMP error; and, when the -V oracle exists, every layer of "Protocols in frame" registered
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
        for (String row : fields.subList(1, fields.size())) {
            String[] cols = row.split("\t", -1);
            boolean ok = true;
            if (ethType >= 0 && ethType < cols.length && !cols[ethType].isEmpty()) {
                ok = ETHERTYPES.contains(cols[ethType]);
            }
            if (ok && ipProto >= 0 && ipProto < cols.length && !cols[ipProto].isEmpty()) {
                String[] protos = cols[ipProto].split(",");
                for (int i = 0; i < protos.length && ok; i++) {
                    ok = IP_PROTOCOLS.contains(protos[i]) && (i == 0 || protos[0].equals("1"));
                }
            }
            out.add(ok);
        }
        List<List<String>> stacks = protocolStacks(c);
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
