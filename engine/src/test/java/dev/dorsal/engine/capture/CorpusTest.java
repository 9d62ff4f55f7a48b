package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads real captures and checks them against tshark 4.0.17: the packet count from the oracle
 * manifest, and each frame's epoch time, lengths and interface id from its {@code -V} output.
 * The copies in test resources always run; the whole corpus runs when it is on the machine.
 */
class CorpusTest {

    private static final Pattern FRAME = Pattern.compile("^Frame (\\d+): ");
    private static final Pattern FIELD =
            Pattern.compile("^    (Epoch Time|Frame Length|Capture Length|Interface id): (\\S+)");

    /** One frame as tshark described it; interface id is null for pcap files. */
    record Expected(long frame, String epoch, int frameLen, int capLen, Integer interfaceId) {}

    @TestFactory
    Stream<DynamicTest> resourceCapturesHaveTsharksPacketCounts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines(TestCaptures.resource("expected_counts.tsv"))) {
            String[] f = line.split("\t");
            tests.add(dynamicTest(f[0], () -> assertEquals(Long.parseLong(f[1]),
                    TestCaptures.frames(TestCaptures.resource(f[0])).size())));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> resourceCapturesHaveTsharksTimesAndLengths() throws IOException {
        List<String> rows = lines(TestCaptures.resource("expected_frames.tsv"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : rows.stream().map(r -> r.split("\t")[0]).distinct().toList()) {
            List<Expected> want = rows.stream().map(r -> r.split("\t", -1)).filter(r -> r[0].equals(file))
                    .map(r -> new Expected(Long.parseLong(r[1]), r[2], Integer.parseInt(r[3]), Integer.parseInt(r[4]),
                            r[5].isEmpty() ? null : Integer.valueOf(r[5])))
                    .toList();
            tests.add(dynamicTest(file, () -> compare(TestCaptures.resource(file), want)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> wholeCorpusHasTsharksPacketCounts() throws IOException {
        Path corpus = TestCaptures.corpus();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines(corpus.resolve("oracle/MANIFEST.tsv"))) {
            String[] f = line.split("\t");
            tests.add(dynamicTest(f[0], () -> {
                TestCaptures.Result r = TestCaptures.readAll(corpus.resolve(f[0]));
                assertNull(r.error(), () -> String.valueOf(r.error()));
                assertEquals(Long.parseLong(f[1]), r.frames().size());
            }));
        }
        assertTrue(tests.size() >= 160, "manifest lists " + tests.size() + " captures");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> wholeCorpusHasTsharksTimesAndLengths() throws IOException {
        Path corpus = TestCaptures.corpus();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines(corpus.resolve("oracle/MANIFEST.tsv"))) {
            String name = line.split("\t")[0];
            Path verbose = corpus.resolve("oracle").resolve(name + ".verbose.txt");
            if (Files.exists(verbose)) {
                tests.add(dynamicTest(name, () -> compare(corpus.resolve(name), parseVerbose(verbose))));
            }
        }
        return tests.stream();
    }

    private static void compare(Path capture, List<Expected> want) {
        List<RawFrame> got = TestCaptures.frames(capture);
        assertEquals(want.size(), got.size(), "frames");
        for (Expected e : want) {
            RawFrame f = got.get((int) e.frame() - 1);
            String at = capture.getFileName() + " frame " + e.frame();
            assertEquals(e.epoch(), epoch(f.timestampNanos()), at + " epoch time");
            assertEquals(e.frameLen(), f.originalLength(), at + " frame length");
            assertEquals(e.capLen(), f.capturedLength(), at + " capture length");
            if (e.interfaceId() != null) {
                assertEquals(e.interfaceId(), f.interfaceId(), at + " interface id");
            }
        }
    }

    /** Formats nanoseconds the way tshark prints Epoch Time: seconds with nine decimals. */
    static String epoch(long nanos) {
        return BigDecimal.valueOf(nanos, 9).toPlainString();
    }

    /** Takes the top-level frame fields of each {@code Frame N:} tree in a {@code tshark -V} output. */
    static List<Expected> parseVerbose(Path verbose) throws IOException {
        List<Expected> out = new ArrayList<>();
        long frame = -1;
        String[] fields = null;
        for (String line : Files.readAllLines(verbose)) {
            Matcher m = FRAME.matcher(line);
            if (m.find()) {
                if (fields != null) {
                    out.add(expected(frame, fields));
                }
                frame = Long.parseLong(m.group(1));
                fields = new String[4];
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (fields != null && f.find()) {
                int i = switch (f.group(1)) {
                    case "Epoch Time" -> 0;
                    case "Frame Length" -> 1;
                    case "Capture Length" -> 2;
                    default -> 3;
                };
                if (fields[i] == null) {
                    fields[i] = f.group(2);
                }
            }
        }
        if (fields != null) {
            out.add(expected(frame, fields));
        }
        return out;
    }

    private static Expected expected(long frame, String[] f) {
        return new Expected(frame, f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                f[3] == null ? null : Integer.valueOf(f[3]));
    }

    private static List<String> lines(Path tsv) throws IOException {
        List<String> all = Files.readAllLines(tsv);
        return all.subList(1, all.size());
    }
}
