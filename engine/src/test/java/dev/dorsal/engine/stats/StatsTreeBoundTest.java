package dev.dorsal.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stats-tree model's bound and the printer's rules that the corpus oracle reaches only by
 * accident (StatsTreeTest in the shell checks the rest against tshark).
 */
class StatsTreeBoundTest {
    private static String print(StatsTree tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatsTreePrinter.print(tree, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split(" +"));
    }

    @Test
    void nodesPastTheBoundAreNotCreatedAndTheReportSaysSo() {
        StatsTree tree = new StatsTree("Test/Hosts");
        StatsTree.Node root = tree.root("Hosts");
        tree.tick(0);
        for (int i = 1; i < StatsTree.MAX_NODES; i++) {
            StatsTreeTap.inc(root.increment().child("h" + i));
        }
        root.increment();
        assertNull(root.child("one too many"));
        assertEquals(1, tree.dropped);
        assertEquals(StatsTree.MAX_NODES - 1, root.children.size());
        String text = print(tree);
        assertTrue(text.endsWith("Dorsal: 1 items not counted past the limit of 100000 nodes\n"), text);
        assertTrue(text.matches("(?s).*\nHosts +" + StatsTree.MAX_NODES + " .*"), "the root still counts every packet");
    }

    @Test
    void burstWindowAndRatesFollowTshark() {
        StatsTree tree = new StatsTree("Test/Counter");
        StatsTree.Node root = tree.root("Total");
        StatsTree.Node a = root.child("a");
        StatsTree.Node b = root.child("b");
        long ms = 1_000_000L;
        // 3 in the first 100 ms (the window starts at 0 until it first slides), then 4 within 100 ms
        // from 150 ms, whose window starts at the oldest bucket still in it (150 ms)
        for (long t : new long[] {10, 20, 30, 150, 180, 200, 240}) {
            tree.tick(t * ms);
            root.increment();
            (t < 100 ? a : b).increment();
        }
        String text = print(tree);
        String[] lines = text.split("\n");
        // rate: 7 over the 230 ms from the first counted packet to the last
        assertEquals(List.of("Total", "7", "0.0304", "100%", "0.0400", "0.150"), cells(lines[5]));
        assertEquals(List.of("b", "4", "0.0174", "57.14%", "0.0400", "0.150"), cells(lines[6]),
                "children by count, highest first");
        assertEquals(List.of("a", "3", "0.0130", "42.86%", "0.0300", "0.000"), cells(lines[7]),
                "the first window starts at 0");
    }
}
