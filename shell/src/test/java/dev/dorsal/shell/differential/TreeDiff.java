package dev.dorsal.shell.differential;

import java.util.ArrayList;
import java.util.List;

/** Splits multi-line per-packet outputs (-V, JSON) into packets and counts equal packets and lines. */
final class TreeDiff {
    /** Packets equal / compared, lines in common (LCS per packet) / oracle lines, and the first differing line. */
    record Counts(int packetsEqual, int packets, long linesEqual, long lines, String firstDifference) {}

    private TreeDiff() {}

    /**
     * Packets of -V output: each starts with its "Frame N: " line after an empty line. Empty lines
     * inside a packet (before the hex dump of undissected data) stay in it; trailing ones are dropped.
     */
    static List<List<String>> verbosePackets(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        String prev = "";
        for (String l : lines) {
            if (l.startsWith("Frame ") && prev.isEmpty()) {
                trimTrailingEmpty(cur);
                cur = new ArrayList<>();
                out.add(cur);
            }
            if (cur != null) {
                cur.add(l);
            }
            prev = l;
        }
        trimTrailingEmpty(cur);
        return out;
    }

    private static void trimTrailingEmpty(List<String> packet) {
        while (packet != null && !packet.isEmpty() && packet.get(packet.size() - 1).isEmpty()) {
            packet.remove(packet.size() - 1);
        }
    }

    /** Packets of -T json output: the objects that open with a line "  {". */
    static List<List<String>> jsonPackets(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        for (String l : lines) {
            if (l.equals("  {")) {
                cur = new ArrayList<>();
                out.add(cur);
            }
            if (cur != null) {
                cur.add(l.equals("  },") ? "  }" : l);
            }
        }
        return out;
    }

    /** Length of the longest common subsequence of lines, so one missing line does not count the rest as different. */
    static int commonLines(List<String> e, List<String> a) {
        int[] prev = new int[a.size() + 1];
        int[] cur = new int[a.size() + 1];
        for (String el : e) {
            for (int j = 1; j <= a.size(); j++) {
                cur[j] = el.equals(a.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[a.size()];
    }

    /**
     * Packets whose layers Dorsal all dissects but which a protocol without a dissector here still
     * changed in tshark, with the reason (capture#packet).
     */
    static final java.util.Map<String, String> NOT_DISSECTED = java.util.Map.of(
            "ppp/PcapExamples/one_tcp_stream_fin_rst_close_packet.pcap#4",
            "MySQL on port 3306 asked TCP to reassemble the segment: Dorsal has no MySQL dissector (data)",
            "ppp/PcapExamples/one_tcp_stream_fin_rst_close_packet.pcap#8",
            "MySQL on port 3306 asked TCP to reassemble the segment: Dorsal has no MySQL dissector (data)",
            "ppp/PacketExamples/gtp.pcap#2",
            "X11 on port 6005 (inside a GTP tunnel) asked TCP to reassemble the segment: Dorsal has no X11 "
                    + "dissector (data)",
            "ppp/PcapExamples/650HttpResponses.pcap#656",
            "tshark hands an application/x-fcs body to its RTMPT dissector, which shows nothing: Dorsal has "
                    + "none and shows the body as Media Type, so Info gets \"(application/x-fcs)\"");

    /**
     * The first packet that tshark's -V shows with layers Dorsal all registers ("[Protocols in frame:
     * …]") but whose tree differs, described; null when there is none.
     */
    /** Packets held to the gate of {@link #firstUnequalDissectedPacket} so far, and how many were equal. */
    static final java.util.concurrent.atomic.AtomicLong DISSECTED = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong DISSECTED_EQUAL = new java.util.concurrent.atomic.AtomicLong();

    static String firstUnequalDissectedPacket(String capture, List<List<String>> expected, List<List<String>> actual) {
        java.util.Set<String> known = dev.dorsal.shell.cli.SharedRegistry.get().fields().protocols().keySet();
        for (int p = 0; p < expected.size(); p++) {
            List<String> e = expected.get(p);
            String layers = e.stream().map(TreeDiff::layers).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (layers == null) {
                continue;
            }
            boolean dissected = java.util.Arrays.stream(layers.split(":")).allMatch(known::contains);
            List<String> a = p < actual.size() ? actual.get(p) : List.of();
            if (dissected && !NOT_DISSECTED.containsKey(capture + "#" + (p + 1))) {
                DISSECTED.incrementAndGet();
                if (e.equals(a)) {
                    DISSECTED_EQUAL.incrementAndGet();
                }
            }
            if (dissected && !e.equals(a) && !NOT_DISSECTED.containsKey(capture + "#" + (p + 1))) {
                for (int i = 0; i < e.size(); i++) {
                    String al = i < a.size() ? a.get(i) : null;
                    if (!e.get(i).equals(al)) {
                        return "packet " + (p + 1) + " (" + layers + ") line " + (i + 1) + ": expected `"
                                + e.get(i) + "` got `" + al + "`";
                    }
                }
                return "packet " + (p + 1) + ": " + (a.size() - e.size()) + " lines more than tshark";
            }
        }
        return null;
    }

    private static final String VERBOSE_LAYERS = "    [Protocols in frame: ";
    private static final String JSON_LAYERS = "\"frame.protocols\": \"";

    /** The frame's layers from a -V line ({@code [Protocols in frame: …]}) or a JSON one, else null. */
    private static String layers(String line) {
        if (line.startsWith(VERBOSE_LAYERS)) {
            return line.substring(VERBOSE_LAYERS.length(), line.length() - 1);
        }
        int at = line.indexOf(JSON_LAYERS);
        if (at >= 0) {
            int end = line.indexOf('"', at + JSON_LAYERS.length());
            return end < 0 ? null : line.substring(at + JSON_LAYERS.length(), end);
        }
        return null;
    }

    static Counts compare(List<List<String>> expected, List<List<String>> actual) {
        int packetsEqual = 0;
        long linesEqual = 0;
        long lines = 0;
        String first = null;
        for (int p = 0; p < expected.size(); p++) {
            List<String> e = expected.get(p);
            List<String> a = p < actual.size() ? actual.get(p) : List.of();
            if (e.equals(a)) {
                packetsEqual++;
            }
            lines += e.size();
            linesEqual += commonLines(e, a);
            for (int i = 0; first == null && i < e.size(); i++) {
                String al = i < a.size() ? a.get(i) : null;
                if (!e.get(i).equals(al)) {
                    first = "packet " + (p + 1) + " line " + (i + 1) + ": expected `" + e.get(i) + "` got `" + al + "`";
                }
            }
        }
        return new Counts(packetsEqual, expected.size(), linesEqual, lines, first);
    }
}
