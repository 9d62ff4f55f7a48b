package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.Dissector;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.HeuristicDissector;
import dev.dorsal.engine.spi.HeuristicList;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Preference;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The TCP/UDP test resources ({@code captures/tcp/}, built by {@code make_oracle.py}): the corpus
 * captures, tshark's oracle outputs for them, and the registries the comparisons dissect with.
 */
public final class OracleCaptures {
    /** Protocols enabled when the "lower" oracle was made (make_oracle.py LOWER), by provider name. */
    static final Set<String> LOWER = Set.of("frame", "eth", "ethertype", "vlan", "ieee8021ad", "arp", "ip", "ipv6",
            "ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "icmp", "icmpv6", "sll", "null", "loop",
            "raw", "tcp", "udp", "data");

    private OracleCaptures() {}

    /** The resource directory. */
    public static Path root() {
        URL url = OracleCaptures.class.getResource("/captures/tcp/make_oracle.py");
        if (url == null) {
            throw new IllegalStateException("test resources captures/tcp missing");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Relative paths ("captures/x.pcap", "ppp/…") of every corpus capture, sorted. */
    public static List<String> corpus() {
        Path base = root().resolve("corpus");
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(p -> p.toString().endsWith(".gz")).map(p -> base.relativize(p).toString())
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the synthetic probe captures: the DLPP/DLPQ ones, or the others. */
    public static List<String> probes(boolean dlpp) {
        Path base = root().resolve("probes");
        try (Stream<Path> s = Files.list(base)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap.gz"))
                    .map(n -> n.substring(0, n.length() - 3)).filter(n -> n.startsWith("dlp") == dlpp).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of a gzip resource below {@link #root()}, or null when it does not exist. */
    public static List<String> lines(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            return null;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                out.add(l);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dissects every frame of the capture {@code relative} (stored as relative.gz) and hands each result to {@code sink}. */
    public static void dissect(Registry registry, String relative, DissectionOptions options,
            Consumer<DissectedPacket> sink) {
        Dissection d = new Dissection(registry);
        try (CaptureReader reader = Captures.open(root().resolve(relative + ".gz"))) {
            for (RawFrame f = reader.next(); f != null; f = reader.next()) {
                sink.accept(d.dissect(f, options));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every provider on the class path, as Registry.loadDefault() finds them. */
    static List<DissectorProvider> providers() {
        List<DissectorProvider> out = new ArrayList<>();
        ServiceLoader.load(DissectorProvider.class).forEach(out::add);
        return out;
    }

    /** Whether the protocols above TCP/UDP (all but {@link #LOWER}) are called. */
    private static volatile boolean upperLayers = true;
    /** Whether the DLPP test protocol is called. */
    private static volatile boolean dlppEnabled;
    /** The DLPP test protocol, bound into every registry built here. */
    static final DlppTestDissector DLPP = new DlppTestDissector();
    private static Registry shared;

    /**
     * The one registry of these tests (the engine binds each field to one registry per JVM): every
     * provider on the class path plus DLPP, with the layers above TCP/UDP behind switches.
     */
    private static synchronized Registry registry() {
        if (shared == null) {
            List<DissectorProvider> ps = new ArrayList<>();
            for (DissectorProvider p : providers()) {
                ps.add(LOWER.contains(p.name()) ? p : new Switchable(p, () -> upperLayers));
            }
            ps.add(new Switchable(DLPP, () -> dlppEnabled));
            ps.add(new Switchable(new DlpqTestDissector(), () -> dlppEnabled));
            shared = new Registry();
            shared.install(ps);
        }
        return shared;
    }

    /** Every dissector on the class path, as tshark with its default profile. */
    public static Registry full() {
        upperLayers = true;
        dlppEnabled = false;
        return registry();
    }

    /**
     * Only the {@link #LOWER} protocols are called (the others still exist but decline everything),
     * as tshark run with every other protocol disabled; with {@code dlpp}, the DLPP test protocol too.
     */
    public static Registry lower(boolean dlpp) {
        upperLayers = false;
        dlppEnabled = dlpp;
        DLPP.pdus.clear();
        return registry();
    }

    public static Registry lower() {
        return lower(false);
    }

    /** A provider whose bindings into other protocols' tables and heuristic lists only answer while switched on. */
    private record Switchable(DissectorProvider p, BooleanSupplier on) implements DissectorProvider {
        @Override
        public String name() {
            return p.name();
        }

        @Override
        public void register(Registrar registrar) {
            p.register(registrar);
        }

        @Override
        public void handoff(Tables tables) {
            p.handoff(new SwitchedTables(tables, on));
        }
    }

    private record SwitchedTables(Tables t, BooleanSupplier on) implements Tables {
        @Override
        public DissectorTable table(String name) {
            return new SwitchedTable(t.table(name), on);
        }

        @Override
        public HeuristicList heuristics(String name) {
            HeuristicList h = t.heuristics(name);
            return new HeuristicList() {
                @Override
                public String name() {
                    return h.name();
                }

                @Override
                public void add(String shortName, ProtocolDef protocol, HeuristicDissector d, boolean enabled) {
                    h.add(shortName, protocol, (tvb, pinfo, tree) -> on.getAsBoolean() && d.dissect(tvb, pinfo, tree),
                            enabled);
                }

                @Override
                public void setEnabled(String shortName, boolean enabled) {
                    h.setEnabled(shortName, enabled);
                }

                @Override
                public boolean tryHeuristics(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
                    return h.tryHeuristics(tvb, pinfo, tree);
                }
            };
        }

        @Override
        public DissectorHandle handle(String name) {
            return t.handle(name);
        }

        @Override
        public Preference preference(String name) {
            return t.preference(name);
        }
    }

    private record SwitchedTable(DissectorTable t, BooleanSupplier on) implements DissectorTable {
        private DissectorHandle gate(DissectorHandle h) {
            Dissector d = h.dissector();
            return new DissectorHandle(h.name(), h.protocol(),
                    (tvb, pinfo, tree) -> on.getAsBoolean() ? d.dissect(tvb, pinfo, tree) : 0);
        }

        @Override public String name() { return t.name(); }
        @Override public String uiName() { return t.uiName(); }
        @Override public FieldType keyType() { return t.keyType(); }
        @Override public void add(long key, DissectorHandle handle) { t.add(key, gate(handle)); }
        @Override public void addRange(long low, long high, DissectorHandle handle) { t.addRange(low, high, gate(handle)); }
        @Override public void add(String key, DissectorHandle handle) { t.add(key, gate(handle)); }
        @Override public void remove(long key) { t.remove(key); }
        @Override public void decodeAs(long key, DissectorHandle handle) { t.decodeAs(key, handle == null ? null : gate(handle)); }
        @Override public DissectorHandle lookup(long key) { return t.lookup(key); }
        @Override public DissectorHandle lookup(String key) { return t.lookup(key); }
        @Override public int tryDissect(long key, Tvb tvb, PacketInfo pinfo, ProtoItem tree) { return t.tryDissect(key, tvb, pinfo, tree); }
        @Override public int tryDissect(String key, Tvb tvb, PacketInfo pinfo, ProtoItem tree) { return t.tryDissect(key, tvb, pinfo, tree); }
        @Override public Map<Long, DissectorHandle> entries() { return t.entries(); }
    }

    /** Labels that start the TCP and the UDP subtree. */
    public static final List<String> TCP_AND_UDP = List.of("Transmission Control Protocol", "User Datagram Protocol");

    /**
     * The subtrees of a -V text whose top line starts with one of {@code tops}, each frame introduced
     * by its "Frame N" line (make_oracle.py keeps the TCP and UDP ones).
     */
    public static List<String> subtrees(List<String> verbose, List<String> tops) {
        List<String> out = new ArrayList<>();
        boolean keep = false;
        int depth = 0;
        for (String line : verbose) {
            if (line.startsWith("Frame ")) {
                int colon = line.indexOf(':');
                out.add(colon < 0 ? line : line.substring(0, colon));
                keep = false;
                continue;
            }
            String stripped = line.stripLeading();
            int indent = line.length() - stripped.length();
            if (tops.stream().anyMatch(stripped::startsWith)) {
                keep = true;
                depth = indent;
                out.add(line);
                continue;
            }
            if (keep) {
                if (line.isBlank() || indent <= depth) {
                    keep = false;
                } else {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** Per-field agreement counts, printed as a table. */
    public static final class Agreement {
        private static final int SAMPLES_PER_FIELD = 25;
        private final java.util.Set<String> shapes = new java.util.HashSet<>();
        private final TreeMap<String, Long> byCapture = new TreeMap<>();
        private final TreeMap<String, long[]> counts = new TreeMap<>();
        private final TreeMap<String, List<String>> samples = new TreeMap<>();

        public void count(String field, boolean equal, String sample) {
            long[] c = counts.computeIfAbsent(field, k -> new long[2]);
            c[1]++;
            if (equal) {
                c[0]++;
            } else {
                int space = sample.indexOf(' ');
                byCapture.merge(space > 0 ? sample.substring(0, space) : sample, 1L, Long::sum);
                // Keep differences of distinct shapes (digits ignored), so one report shows every kind.
                List<String> s = samples.computeIfAbsent(field, k -> new ArrayList<>());
                String shape = sample.substring(sample.indexOf(':') + 1).replaceAll("[0-9]+", "N");
                if (s.size() < SAMPLES_PER_FIELD && shapes.add(field + shape)) {
                    s.add(sample);
                }
            }
        }

        public long mismatches() {
            return counts.values().stream().mapToLong(c -> c[1] - c[0]).sum();
        }

        public long total() {
            return counts.values().stream().mapToLong(c -> c[1]).sum();
        }

        public String report(String title) {
            StringBuilder sb = new StringBuilder(title).append('\n');
            counts.forEach((f, c) -> sb.append(String.format("  %-40s %8d / %8d%n", f, c[0], c[1])));
            if (!byCapture.isEmpty()) {
                sb.append("  differences by capture:");
                byCapture.forEach((c, n) -> sb.append(' ').append(c).append('=').append(n));
                sb.append('\n');
            }
            if (!samples.isEmpty()) {
                sb.append("  first differences:\n");
                samples.values().forEach(l -> l.forEach(s -> sb.append("    ").append(s).append('\n')));
            }
            return sb.toString();
        }
    }
}
