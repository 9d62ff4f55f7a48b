package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.ProtoItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The comparison behind {@link MalformedTest}, run in an {@link Isolated} class loader with the link
 * and network layer providers only. The captures in src/test/resources/l2l3/malformed hold frames
 * that end inside one dissector's header, each once cut by the snaplen and once really short; for
 * every frame the "[Packet size limited during capture: X truncated]" or "[Malformed Packet: X]"
 * marks must be tshark's, and no frame may be reported as a dissector bug.
 */
final class MalformedRun {
    private MalformedRun() {}

    private static Registry registry() {
        return LinkLayerRegistry.shared();
    }

    /** "checked N" (frames) followed by one line per frame whose marks differ. */
    static List<String> run(String directory) throws Exception {
        List<Path> captures;
        try (Stream<Path> s = Files.list(Path.of(directory))) {
            captures = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path capture : captures) {
            List<List<String>> oracle = OracleText.packets(Files.readAllLines(Path.of(capture + ".verbose.txt")));
            Dissection d = new Dissection(registry());
            int i = 0;
            try (CaptureReader reader = Captures.open(capture)) {
                RawFrame f;
                while ((f = reader.next()) != null) {
                    DissectedPacket p = d.dissect(f, DissectionOptions.FULL);
                    List<String> got = new ArrayList<>();
                    for (ProtoItem top = p.tree().root().firstChild(); top != null; top = top.next()) {
                        String abbrev = top.field() == null ? "" : top.field().abbrev();
                        if (abbrev.equals("_ws.malformed") || abbrev.equals("_ws.short")) {
                            got.add(top.label());
                        }
                    }
                    List<String> want = oracle.get(i++).stream()
                            .filter(l -> l.startsWith("[Malformed Packet") || l.startsWith("[Packet size limited")).toList();
                    checked++;
                    if (!want.equals(got)) {
                        problems.add(capture.getFileName() + " frame " + i + ": tshark " + want + ", dorsal " + got);
                    }
                }
            }
            if (d.bugCount() != 0) {
                problems.add(capture.getFileName() + ": dissector bugs " + d.bugReports());
            }
        }
        problems.add(0, "checked " + checked);
        return problems;
    }
}
