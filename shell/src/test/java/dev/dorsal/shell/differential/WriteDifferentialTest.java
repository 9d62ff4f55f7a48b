package dev.dorsal.shell.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dorsal -r IN -Y FILTER -F TYPE -w OUT} against {@code tshark} doing the same: Dorsal's file,
 * read back by Dorsal's reader, must describe exactly as tshark's own file reads in tshark (file type,
 * every interface's name, snap length, resolution, filter and OS, every frame's number, epoch time,
 * lengths, interface and MD5). The tshark side is recorded in {@code write/expected/} by
 * {@code write/make_expected.py}, which also checks, when run with {@code --dorsal}, that tshark reads
 * Dorsal's files the same way.
 */
class WriteDifferentialTest {
    private static int cases;
    private static int frames;

    @TempDir
    Path dir;

    record Case(String name, String input, String filter, String type, List<String> extra) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(resource("write/cases.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            out.add(new Case(c[0], c[1], c[2].equals("-") ? null : c[2], c[3],
                    c[4].equals("-") ? List.of() : List.of(c[4].split(" "))));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dorsalWritesWhatTsharkWrites(Case c) throws Exception {
        Path out = dir.resolve(c.name());
        List<String> args = new ArrayList<>(List.of("-r", resource(c.input()).toString()));
        if (c.filter() != null) {
            args.addAll(List.of("-Y", c.filter()));
        }
        args.addAll(c.extra());
        args.addAll(List.of("-F", c.type(), "-w", out.toString()));
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out() + r.err(), "nothing printed when writing without -P");

        List<String> expected = Files.readAllLines(resource("write/expected/" + c.name() + ".txt")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        List<String> actual = describe(out);
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        synchronized (WriteDifferentialTest.class) {
            cases++;
            frames += (int) actual.stream().filter(l -> l.startsWith("frame\t")).count();
        }
    }

    @AfterAll
    static void report() {
        Report.section("Writing (-w) vs tshark -w", cases + " cases, " + frames
                + " frames: Dorsal's files read back exactly as tshark's own (file type, interfaces, times, lengths, MD5).");
    }

    /** The lines make_expected.py writes from capinfos and tshark, from Dorsal's reader. */
    static List<String> describe(Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        try (CaptureReader reader = Captures.open(file)) {
            List<RawFrame> read = new ArrayList<>();
            for (RawFrame f; (f = reader.next()) != null;) {
                read.add(f);
            }
            boolean pcapng = reader.format() == CaptureFormat.PCAPNG;
            lines.add("format\t" + switch (reader.format()) {
                case PCAP -> "pcap";
                case PCAP_NSEC -> "nsecpcap";
                case PCAPNG -> "pcapng";
            });
            List<InterfaceInfo> ifs = reader.interfaces();
            for (int i = 0; i < ifs.size(); i++) {
                InterfaceInfo f = ifs.get(i);
                lines.add(String.join("\t", "interface", String.valueOf(i), orDash(f.name()), String.valueOf(f.snapLen()),
                        String.valueOf(f.tsResolutionDigits()),
                        f.tsResolution() < 0 ? "-" : "0x%02x".formatted(f.tsResolution()),
                        orDash(f.filter()), orDash(f.os())));
            }
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (RawFrame f : read) {
                String name = pcapng ? (ifs.get(f.interfaceId()).name() == null ? "unknown" : ifs.get(f.interfaceId()).name()) : "";
                lines.add(String.join("\t", "frame", String.valueOf(f.number()), epoch(f), String.valueOf(f.originalLength()),
                        String.valueOf(f.capturedLength()), pcapng ? String.valueOf(f.interfaceId()) : "", name,
                        HexFormat.of().formatHex(md5.digest(f.data()))));
            }
        }
        return lines;
    }

    /** frame.time_epoch as tshark 4.0's -T fields prints it: seconds and nine digits, whatever the resolution. */
    private static String epoch(RawFrame f) {
        long ns = f.timestampNanos();
        return Math.floorDiv(ns, 1_000_000_000L) + "." + "%09d".formatted(Math.floorMod(ns, 1_000_000_000L));
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static Path resource(String name) throws Exception {
        var url = WriteDifferentialTest.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " missing");
        }
        return Path.of(url.toURI());
    }
}
