package dev.dorsal.shell.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * TLS decryption against tshark 4.0.17 run with the same key logs, on every corpus capture that can
 * be decrypted (a {@code .keys} file beside it, or embedded secrets) and on synthetic captures of what
 * the corpus lacks ({@code tls-decrypt/captures}, recorded by its {@code record.sh}: TLS 1.0 and 1.1,
 * CBC-SHA384, AES-CCM and CCM_8, encrypt-then-MAC off, renegotiation, KeyUpdate, early data). The
 * expected outputs are in
 * {@code tls-decrypt/}, made by its {@code make.sh}: summary lines, decrypted HTTP and TLS fields
 * frame by frame, the -V blocks of TLS and what it carries, the -x dumps of TLS frames with their
 * "Decrypted TLS" data sources, display filters on decrypted fields, and {@code follow,tls}; plus a
 * key log missing sessions and a damaged one.
 *
 * <p>Everything must be equal, the frames tshark dissects as HTTP/2 (ALPN {@code h2}) included.
 */
class TlsDecryptionDifferentialTest {
    private static final List<String> FIELDS_OPTIONS = List.of("-T", "fields", "-E", "header=y", "-E", "separator=/t",
            "-E", "occurrence=a", "-E", "aggregator=,");

    /** What one comparison kind counted over all captures: equal, compared. */
    private static final Map<String, long[]> TOTALS = Collections.synchronizedMap(new LinkedHashMap<>());

    static Path dir() {
        try {
            return Path.of(TlsDecryptionDifferentialTest.class.getResource("/tls-decrypt/make.sh").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Captures with expected outputs, by file name ("tls13.pcap"). */
    static List<String> captures() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches(".*\\.pcap(ng)?\\.summary\\.txt"))
                    .map(n -> n.substring(0, n.length() - ".summary.txt".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A synthetic capture of {@code tls-decrypt/captures} (record.sh), else the corpus copy. */
    private static long synthetic() {
        return captures().stream().filter(n -> Files.isRegularFile(dir().resolve("captures").resolve(n))).count();
    }

    private static Path capture(String name) {
        Path synthetic = dir().resolve("captures").resolve(name);
        return Files.isRegularFile(synthetic) ? synthetic : Corpus.root().resolve("captures").resolve(name);
    }

    /** The -o argument of the capture's key log, or nothing for a capture with embedded secrets. */
    private static List<String> keyArgs(String name) {
        Path keys = capture(name.substring(0, name.lastIndexOf('.')) + ".keys");
        return Files.isRegularFile(keys) ? List.of("-o", "tls.keylog_file:" + keys) : List.of();
    }

    private static List<String> read(String file) {
        Path p = dir().resolve(file);
        try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            return Cli.lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> dorsal(String name, List<String> keys, String... more) {
        List<String> args = new ArrayList<>(List.of("-r", capture(name).toString()));
        args.addAll(keys);
        args.addAll(Arrays.asList(more));
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), () -> name + " " + args + ": " + r.err());
        return r.outLines();
    }

    @TestFactory
    Stream<DynamicTest> decryptedOutputsMatchTshark() {
        return captures().stream().flatMap(name -> Stream.of(
                DynamicTest.dynamicTest(name + " summary", () -> summary(name, keyArgs(name), name + ".summary.txt")),
                DynamicTest.dynamicTest(name + " fields", () -> fields(name, keyArgs(name), name + ".http.tsv")),
                DynamicTest.dynamicTest(name + " details", () -> details(name)),
                DynamicTest.dynamicTest(name + " hex", () -> hex(name)),
                DynamicTest.dynamicTest(name + " filters", () -> filters(name)),
                DynamicTest.dynamicTest(name + " follow,tls", () -> follow(name))));
    }

    /** A key log holding only some sessions: those decrypt, the others stay Application Data. */
    @Test
    void partialKeyLogDecryptsWhatItCan() {
        for (String name : List.of("tls13.pcap", "tls12_ecdhe.pcapng")) {
            List<String> keys = List.of("-o", "tls.keylog_file:" + dir().resolve("partial.keys"));
            summary(name, keys, name + ".partial.summary.txt");
            fields(name, keys, name + ".partial.http.tsv");
        }
        // The key log has tls13.pcap's first session only: the second stays encrypted, with a note.
        List<String> v = dorsal("tls13.pcap", List.of("-o", "tls.keylog_file:" + dir().resolve("partial.keys")),
                "-V", "-Y", "frame.number == 24");
        assertTrue(v.stream().anyMatch(l -> l.contains("[Expert Info (Note/Decryption): Server records not decrypted: "
                + "no SERVER_HANDSHAKE_TRAFFIC_SECRET for Client Random 9be40de22aa43b95\u2026 in partial.keys]")),
                String.join("\n", v));
    }

    /**
     * Premaster secrets only (the key log's {@code RSA} lines): the master secret is derived, here with
     * the extended master secret both hellos negotiated, so the session hash of the handshake counts.
     */
    @Test
    void premasterSecretsDecryptThroughTheExtendedMasterSecret() {
        List<String> keys = List.of("-o", "tls.keylog_file:" + dir().resolve("rsa-only.keys"));
        summary("tls12_rsa.pcap", keys, "tls12_rsa.pcap.rsa-only.summary.txt");
        fields("tls12_rsa.pcap", keys, "tls12_rsa.pcap.rsa-only.http.tsv");
    }

    /** A damaged key log: bad lines are skipped, a wrong secret leaves its session encrypted, nothing fails. */
    @Test
    void corruptKeyLogIsNeverFatal() {
        List<String> keys = List.of("-o", "tls.keylog_file:" + dir().resolve("corrupt.keys"));
        for (String name : List.of("tls13.pcap", "tls12_ecdhe.pcapng")) {
            summary(name, keys, name + ".corrupt.summary.txt");
            fields(name, keys, name + ".corrupt.http.tsv");
        }
        Cli.Result r = Cli.run(List.of("-r", capture("tls12_ecdhe.pcapng").toString(), keys.get(0), keys.get(1), "-V",
                "-Y", "frame.number == 8"));
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("[Expert Info (Warning/Decryption): Client record did not decrypt (bad MAC or tag): "
                + "the secret in corrupt.keys does not fit this session]"), r.out());
        assertTrue(r.err().contains("3 malformed lines skipped (first: line 2)"), r.err());
    }

    private static void summary(String name, List<String> keys, String expectedFile) {
        List<String> expected = read(expectedFile);
        List<String> actual = dorsal(name, keys);
        compareRows("summary lines" + variant(name, expectedFile), name, expected, actual);
    }

    private static void fields(String name, List<String> keys, String expectedFile) {
        List<String> expected = read(expectedFile);
        List<String> args = new ArrayList<>(FIELDS_OPTIONS);
        for (String f : expected.get(0).split("\t")) {
            args.add("-e");
            args.add(f);
        }
        List<String> actual = dorsal(name, keys, args.toArray(String[]::new));
        assertEquals(expected.get(0), actual.isEmpty() ? null : actual.get(0), name + ": header");
        int protocols = List.of(expected.get(0).split("\t", -1)).indexOf("frame.protocols");
        compareRows("field rows" + variant(name, expectedFile), name, layers(expected.subList(1, expected.size()), protocols),
                layers(actual.isEmpty() ? List.of() : actual.subList(1, actual.size()), protocols));
    }

    /**
     * Rows with {@code frame.protocols} reduced to what this test is about: the certificate layers
     * tshark lists (x509sat, x509ce, …) are left out (a difference of the TLS dissector with or
     * without keys, docs/compat.md), and frames without TLS keep no value there (TCP's own layer
     * differences belong to the other differential tests).
     */
    private static List<String> layers(List<String> rows, int column) {
        List<String> out = new ArrayList<>(rows.size());
        for (String row : rows) {
            String[] c = row.split("\t", -1);
            if (column < c.length) {
                c[column] = c[column].contains(":tls") ? CERTIFICATE_LAYERS.matcher(c[column]).replaceAll("") : "";
            }
            out.add(String.join("\t", c));
        }
        return out;
    }

    private static final java.util.regex.Pattern CERTIFICATE_LAYERS =
            java.util.regex.Pattern.compile(":(x509\\w+|pkix1\\w+|pkcs-1|ber|ocsp)(?=:|$)");

    /** "" for the capture's own key log, else which hand-made one. */
    private static String variant(String name, String expectedFile) {
        String rest = expectedFile.substring(name.length() + 1);
        return rest.indexOf('.') < rest.lastIndexOf('.') ? " (" + rest.substring(0, rest.indexOf('.')) + ".keys)" : "";
    }

    /** Compares row by row (a row per frame). */
    private static void compareRows(String kind, String name, List<String> expected, List<String> actual) {
        long equal = 0;
        long compared = 0;
        String first = null;
        for (int i = 0; i < expected.size(); i++) {
            compared++;
            String a = i < actual.size() ? actual.get(i) : null;
            if (expected.get(i).equals(a)) {
                equal++;
            } else if (first == null) {
                first = "row " + (i + 1) + ": expected `" + expected.get(i) + "` got `" + a + "`";
            }
        }
        count(kind, equal, compared);
        assertEquals(expected.size(), actual.size(), name + " " + kind + ": row count");
        final String why = first;
        assertEquals(compared, equal, () -> name + " " + kind + ": " + why);
    }

    private static void details(String name) {
        Map<Long, List<String>> expected = frames(read(name + ".detail.txt.gz"));
        Map<Long, List<String>> actual = frames(detailBlocks(dorsal(name, keyArgs(name), "-V")));
        compareFrames("detail frames", name, expected, actual);
    }

    private static void hex(String name) {
        List<String> shown = dorsal(name, keyArgs(name), "-Y", "tls", "-T", "fields", "-e", "frame.number");
        Map<Long, List<String>> expected = hexFrames(read(name + ".hex.txt.gz"), shown);
        Map<Long, List<String>> actual = hexFrames(dorsal(name, keyArgs(name), "-Y", "tls", "-x"), shown);
        compareFrames("hex dumps", name, expected, actual);
    }

    private static void compareFrames(String kind, String name, Map<Long, List<String>> expected,
            Map<Long, List<String>> actual) {
        long equal = 0;
        long compared = 0;
        String first = null;
        for (Map.Entry<Long, List<String>> e : expected.entrySet()) {
            compared++;
            List<String> a = actual.get(e.getKey());
            if (e.getValue().equals(a)) {
                equal++;
            } else if (first == null) {
                first = "frame " + e.getKey() + ": " + firstDifference(e.getValue(), a);
            }
        }
        count(kind, equal, compared);
        assertEquals(expected.keySet(), actual.keySet(), name + " " + kind + ": frames");
        final String why = first;
        assertEquals(compared, equal, () -> name + " " + kind + ": " + why);
    }

    private static String firstDifference(List<String> e, List<String> a) {
        if (a == null) {
            return "missing";
        }
        for (int i = 0; i < e.size(); i++) {
            String al = i < a.size() ? a.get(i) : null;
            if (!e.get(i).equals(al)) {
                return "line " + (i + 1) + ": expected `" + e.get(i) + "` got `" + al + "`";
            }
        }
        return "extra line `" + a.get(e.size()) + "`";
    }

    /**
     * Of frames with TLS, the "Frame N:" line and the top-level blocks from TLS on, as make.sh keeps
     * them from tshark -V.
     */
    static List<String> detailBlocks(List<String> verbose) {
        List<String> out = new ArrayList<>();
        List<String> frame = new ArrayList<>();
        boolean tls = false;
        boolean keep = false;
        for (String line : verbose) {
            if (line.matches("Frame \\d+:.*")) {
                if (tls) {
                    out.addAll(frame);
                }
                frame = new ArrayList<>(List.of(line));
                tls = false;
                keep = false;
                continue;
            }
            if (!line.isEmpty() && line.charAt(0) != ' ') {
                keep = !line.matches("(Ethernet|Internet Protocol|Transmission Control|Linux cooked|Null/Loopback"
                        + "|\\[[0-9]+ Reassembled TCP).*");
            }
            if (line.equals("Transport Layer Security")) {
                tls = true;
            }
            if (keep) {
                frame.add(line);
            }
        }
        if (tls) {
            out.addAll(frame);
        }
        return out;
    }

    /** Splits detail blocks into frames, by their "Frame N:" lines. */
    private static Map<Long, List<String>> frames(List<String> lines) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        List<String> cur = null;
        for (String l : lines) {
            if (l.matches("Frame \\d+:.*")) {
                cur = new ArrayList<>();
                out.put(Long.parseLong(l.substring(6, l.indexOf(':'))), cur);
            }
            if (cur != null) {
                cur.add(l);
            }
        }
        return out;
    }

    /**
     * Splits -x output into packets (separated by blank lines), keyed by the frame numbers the same
     * filter shows ({@code shown}, in order); packets beyond that list get negative keys.
     */
    private static Map<Long, List<String>> hexFrames(List<String> lines, List<String> shown) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        int index = 0;
        List<String> cur = null;
        for (String l : lines) {
            if (l.isEmpty()) {
                cur = null;
                continue;
            }
            if (cur == null) {
                cur = new ArrayList<>();
                out.put(index < shown.size() ? Long.parseLong(shown.get(index)) : -1L - index, cur);
                index++;
            }
            cur.add(l);
        }
        return out;
    }

    private static void filters(String name) {
        long equal = 0;
        long compared = 0;
        List<String> rows = read(name + ".filters.tsv");
        String first = null;
        for (String row : rows) {
            String[] c = row.split("\t", -1);
            List<String> actual = dorsal(name, keyArgs(name), "-Y", c[0], "-T", "fields", "-e", "frame.number");
            List<Long> want = frameList(c[1].isEmpty() ? List.of() : List.of(c[1].split(",")));
            List<Long> got = frameList(actual);
            compared++;
            if (want.equals(got)) {
                equal++;
            } else if (first == null) {
                first = c[0] + ": expected " + want + " got " + got;
            }
        }
        count("filters", equal, compared);
        final String why = first;
        assertEquals(compared, equal, () -> name + " filters: " + why);
    }

    private static List<Long> frameList(List<String> numbers) {
        return numbers.stream().map(Long::parseLong).toList();
    }

    private static void follow(String name) throws IOException {
        List<Path> expected;
        try (Stream<Path> s = Files.list(dir())) {
            expected = s.filter(p -> p.getFileName().toString().startsWith(name + ".follow_tls.")).sorted().toList();
        }
        long equal = 0;
        for (Path p : expected) {
            String file = p.getFileName().toString();
            String stream = file.substring((name + ".follow_tls.").length(), file.length() - ".txt".length());
            List<String> actual = dorsal(name, keyArgs(name), "-q", "-z", "follow,tls,ascii," + stream);
            assertEquals(read(file), actual, name + " follow,tls stream " + stream);
            equal++;
        }
        count("follow,tls outputs", equal, expected.size());
    }

    private static void count(String kind, long equal, long compared) {
        long[] t = TOTALS.computeIfAbsent(kind, k -> new long[2]);
        synchronized (t) {
            t[0] += equal;
            t[1] += compared;
        }
    }

    @AfterAll
    static void report() {
        StringBuilder sb = new StringBuilder("TLS decryption vs tshark 4.0.17 with the same key logs ("
                + captures().size() + " captures, " + synthetic() + " of them synthetic):\n\n| output | equal | of |\n|---|---|---|\n");
        TOTALS.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1])
                .append(" |\n"));
        Report.section("TLS decryption", sb.toString());
    }
}
