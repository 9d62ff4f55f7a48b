package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.Column;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.output.TextTreeFormatter;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.ProtoItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparisons behind {@link LinkLayerOracleTest}, run inside an {@link Isolated} class loader with
 * a registry of the link and network layer providers only. Each method returns "equal N" followed
 * by one line per difference.
 */
final class LinkLayerRun {
    private LinkLayerRun() {}

    private static Registry registry() {
        return LinkLayerRegistry.shared();
    }
    private static final String[] COLUMNS = {"frame.number", "frame.len", "eth.src", "eth.dst", "eth.type", "ip.src",
        "ip.dst", "ip.proto", "ip.ttl", "ipv6.src", "ipv6.dst"};

    /** The layers of frame.protocols before the first protocol of another module. */
    private static List<String> ownPrefix(String protocolsLine) {
        if (protocolsLine == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String l : OracleText.layers(protocolsLine)) {
            if (!LinkLayerRegistry.LAYERS.contains(l)) {
                break;
            }
            out.add(l);
        }
        return out;
    }

    private static int occurrences(String value) {
        return value.isEmpty() ? 0 : value.split(",", -1).length;
    }

    /** Our packets: the -V lines and the dissection itself. */
    record Ours(List<String> lines, DissectedPacket packet) {}

    static List<Ours> dissect(Path capture) throws Exception {
        Registry registry = registry();
        List<Ours> out = new ArrayList<>();
        try (CaptureReader reader = Captures.open(capture)) {
            Dissection d = new Dissection(registry);
            RawFrame f;
            while ((f = reader.next()) != null) {
                List<String> names = new ArrayList<>();
                for (InterfaceInfo i : reader.interfaces()) {
                    names.add(i.name());
                }
                d.setCaptureContext(reader.format() == CaptureFormat.PCAPNG ? 1 : 0, names);
                DissectedPacket p = d.dissect(f, DissectionOptions.FULL);
                d.markDisplayed(p);
                StringBuilder sb = new StringBuilder();
                new TextTreeFormatter().tree(p, sb);
                out.add(new Ours(List.of(sb.toString().split("\n")), p));
            }
        }
        return out;
    }

    /** Lines of our protocols' -V subtrees that differ from tshark's for {@code capture}. */
    static List<String> treeDiffs(String capture, String verbose) throws Exception {
        List<Ours> ours = dissect(Path.of(capture));
        List<List<String>> oracle = OracleText.packets(OracleText.readLines(verbose));
        if (oracle.size() != ours.size()) {
            return List.of("equal 0", "packet count: tshark " + oracle.size() + ", dorsal " + ours.size());
        }
        int equal = 0;
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < oracle.size(); i++) {
            List<List<String>> want = OracleText.blocks(oracle.get(i));
            List<List<String>> got = OracleText.blocks(ours.get(i).lines());
            int g = 0;
            for (List<String> w : want) {
                String proto = OracleText.own(w.get(0));
                if (proto == null) {
                    break; // what follows another protocol's item is that protocol's business
                }
                List<String> match = null;
                while (g < got.size() && match == null) {
                    List<String> c = got.get(g++);
                    if (proto.equals(OracleText.own(c.get(0)))) {
                        match = c;
                    }
                }
                if (match == null) {
                    diffs.add("frame " + (i + 1) + ": no " + w.get(0));
                    continue;
                }
                List<String> a = OracleText.expected(w, match);
                List<String> b = OracleText.actual(match, w);
                for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
                    String x = k < a.size() ? a.get(k) : "<none>";
                    String y = k < b.size() ? b.get(k) : "<none>";
                    if (x.equals(y)) {
                        equal++;
                    } else {
                        diffs.add("frame " + (i + 1) + "\n  tshark: " + x + "\n  dorsal: " + y);
                    }
                }
            }
        }
        diffs.add(0, "equal " + equal);
        return diffs;
    }

    /** -T fields values of these layers, and Protocol/Info of frames with only these layers, that differ. */
    static List<String> fieldDiffs(String capture, String fields, String verboseText) throws Exception {
        List<Ours> ours = dissect(Path.of(capture));
        List<String> rows = Files.readAllLines(Path.of(fields));
        List<List<String>> verbose = OracleText.packets(Files.readAllLines(Path.of(verboseText)));
        String[] header = rows.get(0).split("\t", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        if (rows.size() - 1 != ours.size()) {
            return List.of("equal 0", "packet count: tshark " + (rows.size() - 1) + ", dorsal " + ours.size());
        }
        // Source/Destination as tshark -n shows them (no MAC vendor names): <capture>.addr.tsv, no header.
        Path addrFile = Path.of(fields.replace(".fields.tsv", ".addr.tsv"));
        List<String> addresses = Files.exists(addrFile) ? Files.readAllLines(addrFile) : null;
        List<String> diffs = new ArrayList<>();
        int equal = 0;
        if (addresses != null && addresses.size() != ours.size()) {
            diffs.add("address rows: tshark " + addresses.size() + ", dorsal " + ours.size());
            addresses = null;
        }
        for (int i = 0; i < ours.size(); i++) {
            String[] want = rows.get(i + 1).split("\t", -1);
            DissectedPacket p = ours.get(i).packet();
            String protocols = verbose.get(i).stream().filter(l -> l.startsWith("    [Protocols in frame: "))
                    .findFirst().orElse(null);
            List<String> ownLayers = ownPrefix(protocols);
            for (String c : COLUMNS) {
                String w = want[column.get(c)];
                String layer = c.substring(0, c.indexOf('.'));
                if (!layer.equals("frame") && occurrences(w) > java.util.Collections.frequency(ownLayers, layer)) {
                    continue; // a value from inside another protocol (a tunnel this module does not dissect)
                }
                StringBuilder got = new StringBuilder();
                for (ProtoItem item : FieldValues.find(p.tree(), c)) {
                    if (got.length() > 0) {
                        got.append(',');
                    }
                    got.append(FieldFormat.fieldsText(item));
                }
                if (w.equals(got.toString())) {
                    equal++;
                } else {
                    diffs.add("frame " + (i + 1) + " " + c + ": tshark " + w + ", dorsal " + got);
                }
            }
            if (protocols != null && OracleText.onlyOwnLayers(protocols)) {
                String[][] pairs = {{want[column.get("_ws.col.Protocol")], p.columns().protocol()},
                    {want[column.get("_ws.col.Info")], p.columns().info()}};
                if (addresses != null) {
                    String[] a = addresses.get(i).split("\t", -1);
                    pairs = new String[][] {pairs[0], pairs[1], {a[0], Column.source(p, false)},
                        {a[1], Column.destination(p, false)}};
                }
                for (String[] pair : pairs) {
                    if (pair[0].equals(pair[1])) {
                        equal++;
                    } else {
                        diffs.add("frame " + (i + 1) + " column: tshark \"" + pair[0] + "\", dorsal \"" + pair[1] + "\"");
                    }
                }
            }
        }
        diffs.add(0, "equal " + equal);
        return diffs;
    }
}
