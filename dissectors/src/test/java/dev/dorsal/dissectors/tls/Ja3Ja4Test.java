package dev.dorsal.dissectors.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client fingerprints against independent references: the worked examples of the FoxIO JA4
 * specification (technical_details/JA4.md), a published JA3 string and hash, and, on every TLS test
 * capture, the JA4 that {@code ja4_calc.py} computes from tshark 4.0.17's fields ({@code *.ja4.txt},
 * made by regen.sh). JA3 and JA3S themselves are compared with tshark's fields in {@link TlsOracleTest}.
 */
class Ja3Ja4Test {
    private static Registry registry;

    @BeforeAll
    static void load() {
        registry = TlsOracle.registry();
    }

    /** The ClientHello of the specification's example, GREASE included as a browser sends it. */
    private static TlsHelloFacts specExample(boolean withSignatureAlgorithms) {
        TlsHelloFacts h = new TlsHelloFacts();
        h.legacyVersion = 0x0303;
        add(h.ciphers, "0a0a,1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035");
        add(h.extensions, "2a2a,001b,0000,0033,0010,4469,0017,002d,000d,0005,0023,0012,002b,ff01,000b,000a,0015,3a3a");
        if (withSignatureAlgorithms) {
            add(h.signatureAlgorithms, "0403,0804,0401,0503,0805,0501,0806,0601");
        }
        add(h.supportedVersions, "5a5a,0304,0303");
        h.hasServerName = true;
        h.firstAlpn = "h2";
        return h;
    }

    private static void add(TlsHelloFacts.Ints list, String hex) {
        for (String v : hex.split(",")) {
            list.add(Integer.parseInt(v, 16));
        }
    }

    @Test
    void specificationExample() {
        TlsHelloFacts h = specExample(true);
        assertEquals("t13d1516h2_8daaf6152771_e5627efa2ab1", Ja4.fingerprint(h));
        assertEquals("t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9"
                + "_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01"
                + "_0403,0804,0401,0503,0805,0501,0806,0601", Ja4.raw(h));
    }

    @Test
    void withoutSignatureAlgorithmsTheExtensionListIsHashedAlone() {
        assertEquals("t13d1516h2_8daaf6152771_6d807ffa2a79", Ja4.fingerprint(specExample(false)));
    }

    @Test
    void emptyListsHashToZeros() {
        TlsHelloFacts h = new TlsHelloFacts();
        h.legacyVersion = 0x0301;
        add(h.extensions, "0000,0010"); // only SNI and ALPN: counted in a, dropped from c
        h.hasServerName = true;
        assertEquals("t10d000200_000000000000_000000000000", Ja4.fingerprint(h));
    }

    @Test
    void versionFallsBackToTheHelloAndUnknownIsZeroZero() {
        TlsHelloFacts h = new TlsHelloFacts();
        h.legacyVersion = 0x0300;
        assertTrue(Ja4.prefix(h).startsWith("ts3i"));
        h.legacyVersion = 0x0305;
        assertTrue(Ja4.prefix(h).startsWith("t00i"));
        add(h.supportedVersions, "0a0a,0302");
        assertTrue(Ja4.prefix(h).startsWith("t11i"), "GREASE is not a version");
    }

    @Test
    void countsStopAtNinetyNine() {
        TlsHelloFacts h = new TlsHelloFacts();
        h.legacyVersion = 0x0303;
        for (int i = 1; i <= 120; i++) {
            h.ciphers.add(i);
        }
        assertEquals("t12i990000", Ja4.prefix(h));
    }

    @Test
    void alpnCharactersAsTheSpecificationShows() {
        assertEquals("h2", Ja4.alpnChars("h2"));
        assertEquals("h1", Ja4.alpnChars("http/1.1"));
        assertEquals("00", Ja4.alpnChars(null));
        assertEquals("00", Ja4.alpnChars(""));
        assertEquals("xx", Ja4.alpnChars("x"), "a single character is both first and last");
        assertEquals("ab", Ja4.alpnChars(bytes(0xab)));
        assertEquals("ad", Ja4.alpnChars(bytes(0xab, 0xcd)));
        assertEquals("3b", Ja4.alpnChars(bytes(0x30, 0xab)));
        assertEquals("3d", Ja4.alpnChars(bytes(0x30, 0x31, 0xab, 0xcd)));
        assertEquals("01", Ja4.alpnChars(bytes(0x30, 0xab, 0xcd, 0x31)));
    }

    /** An ALPN value as the dissector keeps it: one char per byte. */
    private static String bytes(int... b) {
        StringBuilder sb = new StringBuilder();
        for (int x : b) {
            sb.append((char) x);
        }
        return sb.toString();
    }

    @Test
    void ja3OfAPublishedHello() {
        // A Chrome ClientHello as a fingerprinting service published it (JA3 text and its MD5).
        TlsHelloFacts h = new TlsHelloFacts();
        h.legacyVersion = 771;
        addDecimal(h.ciphers, "2570-4865-4866-4867-49195-49199-49196-49200-52393-52392-49171-49172-156-157-47-53");
        addDecimal(h.extensions, "45-51-16-65037-23-17613-0-11-10-43-65281-35-18-5-13-27-2570");
        addDecimal(h.groups, "6682-4588-29-23-24");
        addDecimal(h.pointFormats, "0");
        String text = "771,4865-4866-4867-49195-49199-49196-49200-52393-52392-49171-49172-156-157-47-53,"
                + "45-51-16-65037-23-17613-0-11-10-43-65281-35-18-5-13-27,4588-29-23-24,0";
        assertEquals(text, Ja3.client(h), "GREASE dropped from every list");
        assertEquals("98487aa16281980e7d1120d399efb6a4", Ja3.md5(Ja3.client(h)));
    }

    private static void addDecimal(TlsHelloFacts.Ints list, String dashed) {
        for (String v : dashed.split("-")) {
            list.add(Integer.parseInt(v));
        }
    }

    /**
     * Every ClientHello of the test captures: our (hidden) tls.handshake.ja4 equals ja4_calc.py's on
     * tshark's fields, and ja4_r too. ja4_calc.py always writes "_" before the signature algorithms;
     * the specification ends the string without it when there are none, as we do. Compared are the
     * ClientHellos tshark computes JA3 for: it fingerprints (JA3 in 4.0, JA4 too from 4.2) only a TLS
     * ClientHello dissected to its end, as we do, while ja4_calc.py also hashes the fields of an SSLv2
     * hello (whose cipher specs tshark files elsewhere) or of a hello cut short by a malformed extension.
     */
    @Test
    void everyCaptureAgreesWithJa4Calc() {
        int compared = 0;
        int explained = 0;
        List<String> differences = new ArrayList<>();
        for (String capture : TlsOracle.captures()) {
            TlsOracle.Table extra = TlsOracle.table(capture + ".tls_extra.tsv");
            int ja3 = extra.column("tls.handshake.ja3");
            Map<Long, String[]> want = new TreeMap<>();
            for (String line : TlsOracle.lines(capture + ".ja4.txt")) {
                String[] parts = line.split(" \\| JA4_r: ", 2);
                String[] head = parts[0].split(" ");
                String raw = parts[1].endsWith("_") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
                long frame = Long.parseLong(head[0]);
                if (!extra.rows().get(frame)[ja3].isEmpty()) {
                    want.put(frame, new String[] {head[1], raw});
                }
            }
            Map<Long, String[]> got = new TreeMap<>();
            TlsFieldTables.ours(registry, capture, List.of("frame.number", "tls.handshake.ja4", "tls.handshake.ja4_r"))
                    .forEach((frame, cells) -> {
                        if (!cells[1].isEmpty()) {
                            got.put(frame, new String[] {cells[1], cells[2]});
                        }
                    });
            assertEquals(want.keySet(), got.keySet(), capture + ": frames with a ClientHello fingerprint");
            for (Map.Entry<Long, String[]> e : want.entrySet()) {
                compared++;
                String[] g = got.get(e.getKey());
                if (capture.equals("probe_hello_extensions.pcap") && e.getKey() == 4) {
                    // This hello also has delegated_credentials, whose signature schemes (0403,0804) tshark
                    // files under the same field as signature_algorithms': ja4_calc.py appends them to the
                    // list that JA4 takes from signature_algorithms alone. All else must agree.
                    assertEquals(e.getValue()[0].substring(0, 24), g[0].substring(0, 24), "JA4 a and b");
                    assertEquals(e.getValue()[1], g[1] + ",0403,0804", "JA4_r");
                    explained++;
                    continue;
                }
                if (!e.getValue()[0].equals(g[0]) || !e.getValue()[1].equals(g[1])) {
                    differences.add(capture + " frame " + e.getKey() + ": ja4_calc " + String.join(" ", e.getValue())
                            + " / dorsal " + String.join(" ", g));
                }
            }
        }
        System.out.println("JA4: " + (compared - explained - differences.size()) + " of " + compared
                + " ClientHellos equal ja4_calc.py, " + explained + " differing as explained");
        assertTrue(compared > 50, "the captures hold ClientHellos");
        assertEquals(List.of(), differences);
    }
}
