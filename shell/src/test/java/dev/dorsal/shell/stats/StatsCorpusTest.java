package dev.dorsal.shell.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.shell.cli.SharedRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * End-to-end {@code -z} statistics through the real dissectors and the CLI, byte for byte against
 * tshark 4.0.17's outputs in the corpus oracle:
 * {@code <capture>.conv.txt} is {@code -q -z conv,tcp -z conv,ip -z io,phs} (printed in reverse order)
 * and {@code <capture>.follow.N.txt} is {@code -q -z follow,tcp,ascii,N}; like the oracle, runs add
 * {@code -o tls.keylog_file:<stem>.keys} when a key log sits beside the capture.
 *
 * <p>The oracle files are in {@code src/test/resources/stats/oracle}; the captures are the ones the
 * differential tests already keep in {@code src/test/resources/corpus} (same paths). Outputs of
 * captures whose every layer Dorsal dissects ({@link StatsScope}) must be equal; the others are run
 * and counted. With
 * {@code -Ddorsal.stats.corpus=/path/to/corpus} the test runs on a full corpus checkout instead, and
 * {@code -Ddorsal.stats.dump=DIR} writes Dorsal's outputs there for a closer look.
 */
class StatsCorpusTest {
    private static final Pattern FOLLOW = Pattern.compile("(.*)\\.follow\\.(\\d+)\\.txt");

    record Case(String capture, String oracle, List<String> zArgs) {}

    private static Path[] roots() throws URISyntaxException {
        String corpus = System.getProperty("dorsal.stats.corpus");
        if (corpus != null) {
            return new Path[] {Path.of(corpus), Path.of(corpus, "oracle")};
        }
        Path oracle = Path.of(StatsCorpusTest.class.getResource("/stats/oracle").toURI());
        Path captures = Path.of(StatsCorpusTest.class.getResource("/corpus").toURI());
        return new Path[] {captures, oracle};
    }

    private static List<Case> cases(Path oracleRoot, String kind) throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(oracleRoot)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = oracleRoot.relativize(p).toString().replace('\\', '/');
                if (kind.equals("conv") && rel.endsWith(".conv.txt") && !rel.endsWith(".nokeys.conv.txt")
                        && !rel.endsWith(".rsakey.conv.txt")) {
                    out.add(new Case(rel.substring(0, rel.length() - ".conv.txt".length()), rel,
                            List.of("conv,tcp", "conv,ip", "io,phs")));
                }
                Matcher m = FOLLOW.matcher(rel);
                if (kind.equals("follow") && m.matches()) {
                    out.add(new Case(m.group(1), rel, List.of("follow,tcp,ascii," + m.group(2))));
                }
            }
        }
        return out;
    }

    /**
     * Outputs known to differ, with the reason; each still runs (and counts when equal). Gated
     * outputs are every other one whose protocols Dorsal all has.
     */
    private static final java.util.Map<String, String> KNOWN_DIFFERENCES = java.util.Map.of(
            "ppp/PacketExamples/gtp.pcap.conv.txt",
            "io,phs: frame 2's TCP payload in a GTP tunnel goes to tshark's X11 dissector, which asks for "
                    + "reassembly and adds no layer; Dorsal has none and counts it as data (as TreeDiff.NOT_DISSECTED "
                    + "notes)",
            "ppp/PcapExamples/650HttpResponses.pcap.conv.txt",
            "io,phs: frame 656's application/x-fcs body goes to tshark's RTMPT dissector, which adds no layer; "
                    + "Dorsal has none and counts it as media (as TreeDiff.NOT_DISSECTED notes)");

    @Test
    void conversationsAndHierarchyMatchTshark() throws Exception {
        check("conv");
    }

    @Test
    void followTcpMatchesTshark() throws Exception {
        check("follow");
    }

    private static void check(String kind) throws Exception {
        Path[] roots = roots();
        List<Case> cases = cases(roots[1], kind);
        List<String> differ = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] sectionsEqual = new int[3];
        int inScope = 0;
        int equal = 0;
        String firstDiff = null;
        FieldRegistry registry = SharedRegistry.get().fields();
        for (Case c : cases) {
            Path capture = roots[0].resolve(c.capture());
            if (!Files.isRegularFile(capture)) {
                skipped.add(c.capture()); // not copied into the test resources (see corpus/README.md)
                continue;
            }
            List<String> layers = StatsScope.hierarchy(roots[1].resolve(c.capture() + ".conv.txt"));
            boolean gated = layers != null && StatsScope.missing(layers, registry).isEmpty()
                    && StatsScope.pending(capture) == null && !KNOWN_DIFFERENCES.containsKey(c.oracle());
            List<String> args = new ArrayList<>(List.of("-r", capture.toString()));
            String file = capture.getFileName().toString();
            Path keys = capture.resolveSibling(file.substring(0, file.lastIndexOf('.')) + ".keys");
            if (Files.isRegularFile(keys)) {
                args.addAll(List.of("-o", "tls.keylog_file:" + keys));
            }
            args.add("-q");
            for (String z : c.zArgs()) {
                args.addAll(List.of("-z", z));
            }
            String expected = Files.readString(roots[1].resolve(c.oracle()), StandardCharsets.UTF_8);
            String actual = StatsRuns.run(args);
            if (kind.equals("conv")) {
                String[] e = sections(expected);
                String[] a = sections(actual);
                for (int i = 0; i < e.length; i++) {
                    sectionsEqual[i] += e[i].equals(a[i]) ? 1 : 0;
                }
            }
            String dump = System.getProperty("dorsal.stats.dump");
            if (dump != null) {
                Path d = Path.of(dump, c.oracle());
                Files.createDirectories(d.getParent());
                Files.writeString(d, actual, StandardCharsets.UTF_8);
            }
            inScope += gated ? 1 : 0;
            if (expected.equals(actual)) {
                equal++;
            } else if (gated) {
                differ.add(c.oracle());
                if (firstDiff == null) {
                    firstDiff = c.oracle() + "\n--- tshark\n" + expected + "--- dorsal\n" + actual;
                }
            }
        }
        if (firstDiff != null) {
            System.err.println(firstDiff);
            System.err.println(kind + " outputs differing from tshark: " + differ);
        }
        int run = cases.size() - skipped.size();
        System.out.println(kind + ": " + (inScope - differ.size()) + " of " + inScope
                + " outputs equal to tshark's on captures whose layers Dorsal all dissects (gated); " + equal
                + " of " + run + " on all captures");
        if (kind.equals("conv")) {
            System.out.println("conv sections equal to tshark's: io,phs " + sectionsEqual[0] + ", conv,ip "
                    + sectionsEqual[1] + ", conv,tcp " + sectionsEqual[2] + " (of " + run + ")");
        }
        if (!skipped.isEmpty()) {
            System.out.println(kind + ": captures not in the resources, skipped: " + skipped);
        }
        assertEquals(List.of(), differ, differ.size() + " of " + inScope + " gated " + kind
                + " outputs differ from tshark");
    }

    /**
     * The three reports of a conv.txt output, in print order: io,phs, then the IPv4 and the TCP
     * conversations (each starts with a line of 80 '=' and ends with another).
     */
    static String[] sections(String text) {
        String rule = "=".repeat(80) + "\n";
        int ip = text.indexOf(rule + "IPv4 Conversations\n");
        int tcp = text.indexOf(rule + "TCP Conversations\n");
        if (ip < 0 || tcp < 0 || tcp < ip) {
            return new String[] {text, "", ""};
        }
        return new String[] {text.substring(0, ip), text.substring(ip, tcp), text.substring(tcp)};
    }

}
