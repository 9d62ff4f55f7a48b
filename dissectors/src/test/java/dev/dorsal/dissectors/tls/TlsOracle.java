package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorProvider;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The TLS test resources ({@code tls/}, rebuilt by {@code regen.sh}): the corpus TLS captures and
 * tshark 4.0.17's outputs for them without key logs, and the registry the comparisons dissect with.
 */
final class TlsOracle {
    private TlsOracle() {}

    /** Providers the pipeline needs, in case the services file does not list them yet. */
    private static final List<String> PIPELINE = List.of("dev.dorsal.dissectors.frame.FrameDissector",
            "dev.dorsal.dissectors.eth.EthernetDissector", "dev.dorsal.dissectors.eth.EthertypeDissector",
            "dev.dorsal.dissectors.vlan.VlanDissector", "dev.dorsal.dissectors.ip.Ipv4Dissector",
            "dev.dorsal.dissectors.ipv6.Ipv6Dissector", "dev.dorsal.dissectors.tcp.TcpDissector",
            "dev.dorsal.dissectors.udp.UdpDissector", "dev.dorsal.dissectors.data.DataDissector",
            "dev.dorsal.dissectors.tls.TlsProvider");

    static Path root() {
        URL url = TlsOracle.class.getResource("/tls/regen.sh");
        if (url == null) {
            throw new IllegalStateException("test resources tls/ missing");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Capture names ("tls13.pcap"), sorted. */
    static List<String> captures() {
        try (Stream<Path> s = Files.list(root())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".pcap.gz") || n.endsWith(".pcapng.gz"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of resource {@code name} (stored gzip-compressed). */
    static List<String> lines(String name) {
        Path p = root().resolve(name + ".gz");
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

    /**
     * The TLS blocks of tshark's -V output per frame: for each frame with TLS, the lines of its
     * "Transport Layer Security" subtrees (one frame may have several).
     */
    static Map<Long, List<String>> tlsBlocks(String capture) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        long frame = -1;
        for (String line : lines(capture + ".tls.txt")) {
            if (line.startsWith("Frame ") && line.contains(":")) {
                frame = Long.parseLong(line.substring(6, line.indexOf(':')));
                continue;
            }
            out.computeIfAbsent(frame, k -> new ArrayList<>()).add(line);
        }
        for (List<String> block : out.values()) {
            while (!block.isEmpty() && block.get(block.size() - 1).isEmpty()) {
                block.remove(block.size() - 1); // the blank line between packets
            }
        }
        return out;
    }

    /** A -T fields table: header and rows keyed by frame.number (the first column). */
    record Table(List<String> header, Map<Long, String[]> rows) {
        int column(String name) {
            return header.indexOf(name);
        }
    }

    static Table table(String name) {
        List<String> lines = lines(name);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        Map<Long, String[]> rows = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            if (l.isEmpty()) {
                continue;
            }
            String[] cells = l.split("\t", -1);
            rows.put(Long.parseLong(cells[0]), cells);
        }
        return new Table(header, rows);
    }

    private static Registry shared;

    /**
     * A registry with every provider the pipeline needs (the services file's, plus any it lacks yet),
     * built once: field definitions are static, so every TLS test in the JVM shares one registry.
     */
    static synchronized Registry registry() {
        if (shared == null) {
            shared = build();
        }
        return shared;
    }

    private static Registry build() {
        List<DissectorProvider> providers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DissectorProvider p : ServiceLoader.load(DissectorProvider.class)) {
            providers.add(p);
            names.add(p.getClass().getName());
        }
        for (String c : PIPELINE) {
            if (!names.contains(c)) {
                try {
                    providers.add((DissectorProvider) Class.forName(c).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("provider " + c + " unavailable", e);
                }
            }
        }
        Registry r = new Registry();
        r.install(providers);
        return r;
    }

    /** Dissects every frame of {@code capture} with {@code options}, in order. */
    static void dissect(Registry registry, String capture, DissectionOptions options, Consumer<DissectedPacket> sink) {
        Dissection d = new Dissection(registry);
        try (CaptureReader reader = Captures.open(root().resolve(capture + ".gz"))) {
            for (RawFrame f = reader.next(); f != null; f = reader.next()) {
                sink.accept(d.dissect(f, options));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (d.bugCount() > 0) {
            throw new AssertionError(capture + ": dissector bugs " + d.bugReports());
        }
    }
}
