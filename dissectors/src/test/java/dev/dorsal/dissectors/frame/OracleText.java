package dev.dorsal.dissectors.frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Cuts {@code tshark -V} text into packets and top-level blocks, and puts a block into the form the
 * link-layer tests compare. Three differences are normalised away, each documented in
 * docs/compat.md: MAC vendor names (Dorsal has no OUI database), the pcapng interface description
 * (not passed to dissectors), and what other protocols contribute (the tests run with the link and
 * network layer dissectors only, so a transport payload is data here).
 */
final class OracleText {
    private OracleText() {}

    /** Labels of the top-level items the link and network layer dissectors produce. */
    static final String[] OWN_LABELS = {"Frame ", "Ethernet II", "Ethernet Unknown", "IEEE 802.3 Ethernet",
        "802.1Q Virtual LAN", "IEEE 802.1ad", "IEEE 802.1ah", "Linux cooked capture", "Null/Loopback",
        "Raw packet data", "Address Resolution Protocol", "Internet Protocol Version 4", "Internet Protocol Version 6",
        "Internet Protocol, bogus",
        "Internet Control Message Protocol", "Data ("};

    /** Labels of other protocols' items that appear nested inside ours (quoted packets in ICMP errors…). */
    private static final String[] FOREIGN_NESTED = {"User Datagram Protocol", "Transmission Control Protocol",
        "Authentication Header", "Encapsulating Security Payload"};

    private static final Pattern NAMED_MAC = Pattern.compile("\\S+ \\(([0-9a-f]{2}(?::[0-9a-f]{2}){5})\\)");
    private static final Pattern HEX_DUMP = Pattern.compile("^[0-9a-f]{4,}  .*");
    private static final String PROTOCOLS = "    [Protocols in frame: ";

    /** The lines of an oracle file, gunzipped when its name ends in ".gz". */
    static List<String> readLines(String path) throws IOException {
        Path p = Path.of(path);
        if (!path.endsWith(".gz")) {
            return Files.readAllLines(p);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The packets of a -V text, each a list of lines starting with its "Frame N:" line. */
    static List<List<String>> packets(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        for (String l : lines) {
            if (l.startsWith("Frame ") && l.contains(" on wire (")) {
                cur = new ArrayList<>();
                out.add(cur);
            }
            if (cur != null) {
                cur.add(l);
            }
        }
        return out;
    }

    /** Top-level blocks of one packet (a label line and its indented lines), hex dumps left out. */
    static List<List<String>> blocks(List<String> packet) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        for (String l : packet) {
            if (l.isEmpty() || HEX_DUMP.matcher(l).matches()) {
                continue;
            }
            if (!l.startsWith(" ")) {
                cur = new ArrayList<>();
                out.add(cur);
            }
            if (cur != null) {
                cur.add(l);
            }
        }
        return out;
    }

    /** Which of {@link #OWN_LABELS} starts {@code line}, or null. */
    static String own(String line) {
        for (String m : OWN_LABELS) {
            if (line.startsWith(m)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The oracle block as this module alone would print it: vendor names and interface descriptions
     * dropped, nested items of other protocols removed, frame.protocols cut after the last own layer.
     */
    static List<String> expected(List<String> block, List<String> actual) {
        List<String> out = new ArrayList<>();
        int skipDepth = Integer.MAX_VALUE;
        for (String l : block) {
            int depth = depth(l);
            if (depth > skipDepth) {
                continue;
            }
            skipDepth = Integer.MAX_VALUE;
            String text = l.trim();
            if (depth > 0 && startsWithAny(text, FOREIGN_NESTED)) {
                skipDepth = depth;
                continue;
            }
            if (text.startsWith("Interface description: ")) {
                continue;
            }
            out.add(normalise(l.startsWith(PROTOCOLS) ? ownProtocols(l, actual) : l));
        }
        return out;
    }

    /** Our block, with nested data that stands in for another protocol's item removed when the oracle had one. */
    static List<String> actual(List<String> block, List<String> oracleBlock) {
        boolean foreign = false;
        for (String l : oracleBlock) {
            if (depth(l) > 0 && startsWithAny(l.trim(), FOREIGN_NESTED)) {
                foreign = true;
            }
        }
        List<String> out = new ArrayList<>();
        int skipDepth = Integer.MAX_VALUE;
        for (String l : block) {
            int depth = depth(l);
            if (depth > skipDepth) {
                continue;
            }
            skipDepth = Integer.MAX_VALUE;
            if (foreign && depth > 0 && l.trim().startsWith("Data (")) {
                skipDepth = depth;
                continue;
            }
            out.add(normalise(l));
        }
        return out;
    }

    /** True when frame.protocols lists only layers of this module. */
    static boolean onlyOwnLayers(String protocolsLine) {
        for (String p : layers(protocolsLine)) {
            if (!LinkLayerRegistry.LAYERS.contains(p)) {
                return false;
            }
        }
        return true;
    }

    static List<String> layers(String protocolsLine) {
        String body = protocolsLine.substring(PROTOCOLS.length(), protocolsLine.length() - 1);
        return List.of(body.split(":"));
    }

    /** The oracle's frame.protocols cut before the first other protocol (ours ends there, in data). */
    private static String ownProtocols(String oracleLine, List<String> actual) {
        List<String> want = layers(oracleLine);
        int own = 0;
        while (own < want.size() && LinkLayerRegistry.LAYERS.contains(want.get(own))) {
            own++;
        }
        if (own == want.size()) {
            return oracleLine;
        }
        List<String> prefix = want.subList(0, own);
        for (String l : actual) {
            if (l.startsWith(PROTOCOLS)) {
                List<String> got = layers(l);
                if (got.size() > own && got.subList(0, own).equals(prefix) && Set.of("data").contains(got.get(own))) {
                    return l;
                }
                // An empty payload: no data layer, and an EtherType no dissector here takes is not
                // listed either (tshark's ethertype dissector then reports nothing taken).
                if (got.equals(prefix) || (own > 1 && prefix.get(own - 1).equals("ethertype")
                        && got.equals(prefix.subList(0, own - 1)))) {
                    return l;
                }
            }
        }
        return oracleLine;
    }

    private static String normalise(String line) {
        return NAMED_MAC.matcher(line).replaceAll("($1)");
    }

    private static int depth(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n / 4;
    }

    private static boolean startsWithAny(String s, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
