package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.shell.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code -G fields|protocols|decodes}: tshark's glossary formats, and Dorsal's field lines against
 * tshark 4.0.17's for the same names (description column aside: Dorsal does not carry tshark's
 * descriptions; oracle from {@code corpus/make_glossary_oracle.sh}).
 */
class GlossaryOptionTest {
    /**
     * Names whose line differs on purpose or by a known gap (docs/compat.md): names tshark registers
     * twice (its glossary lists the first registration), the bit-picture version fields, DNS class
     * fields Dorsal masks for mDNS's cache-flush bit, and the few type/base/label gaps listed there.
     */
    private static final Set<String> KNOWN = Set.of("_ws.expert.severity", "_ws.expert.group", "P:_ws.short",
            "mptcp.analysis.subflows", "tls.handshake.type", "tls.handshake.session_id_length",
            "tls.handshake.session_ticket_lifetime_hint", "tls.handshake.cert_type", "ip.version", "ipv6.version",
            "dns.flags.authenticated", "dns.qry.class", "dns.resp.class", "dns.rr.udp_payload_size",
            "ssh.global_request_name_length", "ssh.global_request_name");

    private static String key(String[] c) {
        return c[0].equals("P") ? "P:" + c[2] : c[2];
    }

    @Test
    void fieldLinesEqualTsharksButForTheDescription() throws Exception {
        Path oracle = Path.of(GlossaryOptionTest.class.getResource("/corpus/oracle/glossary/fields.tsv").toURI());
        Map<String, String> tshark = new HashMap<>();
        for (String line : Files.readAllLines(oracle, StandardCharsets.UTF_8)) {
            tshark.putIfAbsent(key(line.split("\t", -1)), line);
        }
        CliRun r = CliRun.run("-G", "fields");
        assertEquals(0, r.exit(), r.err());
        int compared = 0;
        List<String> differ = new ArrayList<>();
        for (String line : r.lines()) {
            String[] c = line.split("\t", -1);
            assertTrue(c[0].equals("P") ? c.length == 3 : c.length == 8, line);
            String want = tshark.get(key(c));
            if (want == null || KNOWN.contains(key(c))) {
                continue;
            }
            compared++;
            String mine = c[0].equals("P") ? line : String.join("\t", List.of(c).subList(0, 7));
            if (!mine.equals(want)) {
                differ.add("tshark: " + want + "\ndorsal: " + mine);
            }
        }
        assertTrue(compared > 1500, "only " + compared + " lines compared");
        assertTrue(differ.isEmpty(), differ.size() + " lines differ:\n" + String.join("\n", differ));
    }

    @Test
    void defaultReportIsFieldsAndOthersHaveTsharksColumns() {
        CliRun plain = CliRun.run("-G");
        assertEquals(CliRun.run("-G", "fields").out(), plain.out());
        CliRun protocols = CliRun.run("-G", "protocols");
        assertTrue(protocols.lines().contains("Hypertext Transfer Protocol\tHTTP\thttp"), protocols.out());
        CliRun decodes = CliRun.run("-G", "decodes");
        assertTrue(decodes.lines().contains("tcp.port\t443\ttls"), decodes.out());
        assertTrue(decodes.lines().contains("tcp.port\t22\tssh"), decodes.out());
        CliRun bad = CliRun.run("-G", "bogus");
        assertEquals(1, bad.exit());
        assertEquals("dorsal: Invalid \"bogus\" option for -G flag, enter -G help for more help.\n", bad.err());
    }
}
