package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.Column;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison behind {@link TruncationTest}, in the link-layer {@link Isolated} class loader:
 * the detail trees of our protocols (as {@link LinkLayerRun#treeDiffs}), the "[Packet size limited
 * during capture: …]" / "[Malformed Packet: …]" marks, and Protocol/Info/Source/Destination of frames
 * that have no other module's protocol, against tshark for every frame of a truncated capture.
 */
final class TruncationRun {
    private TruncationRun() {}

    /**
     * tshark's message for a read past the end of a sub-tvb whose declared length exceeds its parent
     * (ContainedBoundsError); the engine has one kind of malformed packet, so these frames show the
     * plain mark (docs/compat.md).
     */
    private static final String CONTAINED = "length of contained item exceeds length of containing item";

    /** "equal N" then one line per difference. */
    static List<String> run(String capture, String verbose, String columns) throws Exception {
        List<String> result = new ArrayList<>(LinkLayerRun.treeDiffs(capture, verbose));
        int equal = Integer.parseInt(result.get(0).substring("equal ".length()));
        List<String> diffs = new ArrayList<>(result.subList(1, result.size()));

        List<LinkLayerRun.Ours> ours = LinkLayerRun.dissect(Path.of(capture));
        List<List<String>> oracle = OracleText.packets(OracleText.readLines(verbose));
        List<String> rows = OracleText.readLines(columns);
        if (oracle.size() != ours.size() || rows.size() != ours.size()) {
            return List.of("equal 0", "packet count: tshark " + oracle.size() + "/" + rows.size() + ", dorsal "
                    + ours.size());
        }
        for (int i = 0; i < ours.size(); i++) {
            // Only frames whose every layer is this module's: elsewhere another protocol ends the packet.
            String[] want = rows.get(i).split("\t", -1);
            boolean own = true;
            for (String layer : want[5].split(":")) {
                own &= LinkLayerRegistry.LAYERS.contains(layer);
            }
            List<String> wantMarks = marks(oracle.get(i));
            if (!own || String.join("", wantMarks).contains(CONTAINED)) {
                continue;
            }
            List<String> gotMarks = marks(ours.get(i).lines());
            if (wantMarks.equals(gotMarks)) {
                equal++;
            } else {
                diffs.add("frame " + (i + 1) + " marks: tshark " + wantMarks + ", dorsal " + gotMarks);
            }
            DissectedPacket p = ours.get(i).packet();
            String[] got = {p.columns().protocol(), p.columns().info(), Column.source(p, false),
                Column.destination(p, false)};
            for (int c = 0; c < got.length; c++) {
                if (want[c + 1].equals(got[c])) {
                    equal++;
                } else {
                    diffs.add("frame " + (i + 1) + " column " + (c + 1) + ": tshark \"" + want[c + 1] + "\", dorsal \""
                            + got[c] + "\"");
                }
            }
        }
        diffs.add(0, "equal " + equal);
        return diffs;
    }

    /** The top-level lines that mark a packet cut short, malformed or hit by a dissector bug. */
    private static List<String> marks(List<String> packet) {
        List<String> out = new ArrayList<>();
        for (String l : packet) {
            if (l.startsWith("[Packet size limited") || l.startsWith("[Malformed Packet")
                    || l.startsWith("[Dissector bug")) {
                out.add(l);
            }
        }
        return out;
    }
}
