package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** tshark's getopt rules for the batch CLI's options. */
class OptionParserTest {
    private static BatchOptions parse(String... args) throws OptionParser.Problem {
        return OptionParser.parse(args);
    }

    @Test
    void shortOptionsAloneClusteredAndWithValuesAttachedOrNext() throws Exception {
        BatchOptions o = parse("-qV", "-c100", "-r", "a.pcap", "-Tfields", "-e", "ip.src", "-eip.dst", "-nx");
        assertTrue(o.quiet && o.verbose && o.noResolution && o.hex);
        assertEquals("100", o.count);
        assertEquals("a.pcap", o.readFile);
        assertEquals("fields", o.format);
        assertEquals(List.of("ip.src", "ip.dst"), o.fields);
        BatchOptions cluster = parse("-qr", "b.pcap");
        assertTrue(cluster.quiet);
        assertEquals("b.pcap", cluster.readFile);
        assertEquals("c.pcap", parse("-qrc.pcap").readFile);
    }

    @Test
    void longOptionsWithEqualsOrNextWord() throws Exception {
        BatchOptions o = parse("--read-file=x.pcap", "--display-filter", "tcp", "--check-filter", "udp", "--version");
        assertEquals("x.pcap", o.readFile);
        assertEquals("tcp", o.displayFilter);
        assertEquals("udp", o.checkFilter);
        assertTrue(o.version);
    }

    @Test
    void valuesAreTakenAsGivenAndTheLastOneWins() throws Exception {
        assertEquals("-1", parse("-Y", "-1").displayFilter);
        assertEquals("-", parse("-r", "-").readFile);
        assertEquals("b", parse("-r", "a", "-r", "b").readFile);
        assertEquals(List.of("conv,tcp", "io,phs"), parse("-z", "conv,tcp", "-z", "io,phs").statistics);
    }

    @Test
    void wordsThatAreNotOptionsAreTheTrailingFilterWhereverTheyStand() throws Exception {
        BatchOptions o = parse("tcp", "-r", "a.pcap", "port", "--", "-80");
        assertEquals(List.of("tcp", "port", "-80"), o.trailingFilter);
        assertEquals(List.of("-"), parse("-").trailingFilter);
    }

    @Test
    void glossaryReportMayBeLeftOut() throws Exception {
        assertEquals("fields", parse("-G").glossary);
        assertEquals("protocols", parse("-G", "protocols").glossary);
        assertEquals("values", parse("-Gvalues").glossary);
        BatchOptions then = parse("-G", "-n");
        assertEquals("fields", then.glossary);
        assertTrue(then.noResolution);
        assertNull(parse("-n").glossary);
    }

    @Test
    void mistakesAreNamedInGetoptsWords() {
        assertEquals("invalid option -- 'k'", assertThrows(OptionParser.Problem.class, () -> parse("-k")).getMessage());
        assertEquals("invalid option -- 'k'", assertThrows(OptionParser.Problem.class, () -> parse("-qk")).getMessage());
        assertEquals("unrecognized option '--frob=1'",
                assertThrows(OptionParser.Problem.class, () -> parse("--frob=1")).getMessage());
        assertEquals("option requires an argument -- 'r'",
                assertThrows(OptionParser.Problem.class, () -> parse("-r")).getMessage());
        assertEquals("option '--read-file' requires an argument",
                assertThrows(OptionParser.Problem.class, () -> parse("--read-file")).getMessage());
        assertEquals("option '--help' doesn't allow an argument",
                assertThrows(OptionParser.Problem.class, () -> parse("--help=yes")).getMessage());
    }

    @Test
    void usageListsEveryOption() {
        String usage = OptionParser.usage();
        for (BatchOptions.Spec spec : BatchOptions.SPECS) {
            assertTrue(usage.contains(spec.help()), spec.names().toString());
        }
        assertTrue(usage.contains("-r, --read-file=FILE"), usage);
        assertTrue(usage.contains("-G[REPORT]"), usage);
    }
}
