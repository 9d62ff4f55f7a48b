package dev.dorsal.shell.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.live.LiveCapture;
import dev.dorsal.engine.live.LiveCaptureException;
import dev.dorsal.engine.live.LiveOptions;
import dev.dorsal.shell.Main;
import dev.dorsal.shell.cli.Interrupts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dorsal -i lo -f BPF -w FILE -P -T fields …} while a client talks to a local HTTP server and a
 * local TLS server: the live run prints the dissected handshakes and requests as they arrive, saves
 * them, and ends on a stop request (what Ctrl-C does) with tshark's closing line; the saved file
 * dissects to the same lines. Needs root (or CAP_NET_RAW) and libpcap, as in CI; elsewhere it is
 * skipped with the reason.
 */
class LiveCaptureCliTest {
    private static final long WAIT_MILLIS = 60_000;
    private static final List<String> FIELDS = List.of("frame.number", "tcp.srcport", "tcp.dstport",
            "tls.handshake.type", "tls.handshake.extensions_server_name", "http.request.method", "http.request.uri");

    @TempDir
    Path dir;

    @BeforeEach
    void needsLoopbackCapture() {
        String reason = null;
        try {
            LiveCapture.open(LiveOptions.of("lo").withFilter("udp port 9")).close(); // capturing works here
        } catch (LiveCaptureException e) {
            reason = "live capture on lo is not possible here (" + e.kind() + "): "
                    + e.getMessage().lines().findFirst().orElse("");
        }
        assumeTrue(reason == null, reason);
    }

    @Test
    void capturesHttpAndTlsOnLoopbackAndSavesWhatItShows() throws Exception {
        try (LoopbackServers servers = new LoopbackServers(dir)) {
            int h = servers.httpPort();
            int t = servers.tlsPort();
            Path saved = dir.resolve("live.pcapng");
            List<String> args = new ArrayList<>(List.of("-i", "lo", "-f", "tcp port " + h + " or tcp port " + t,
                    "-w", saved.toString(), "-P", "-T", "fields"));
            FIELDS.forEach(f -> args.addAll(List.of("-e", f)));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicInteger rc = new AtomicInteger(-1);
            Thread run = new Thread(() -> rc.set(Main.run(args.toArray(String[]::new),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))),
                    "dorsal-live");
            run.start();
            waitFor(Interrupts::capturing, "the capture to start; stderr: " + err);

            String answer = httpGet(h, "/hello?from=dorsal");
            assertEquals("you asked for /hello?from=dorsal", answer);
            assertEquals("ok", tlsGet(servers, t));

            // lines are printed as packets arrive: wait for the last ones we expect, then stop as Ctrl-C does
            waitFor(() -> text(out).contains("\t2\t") && text(out).contains("GET\t/hello?from=dorsal"),
                    "the handshake and the request on stdout: " + text(out));
            assertTrue(Interrupts.stopCapture());
            run.join(WAIT_MILLIS);
            assertEquals(0, rc.get(), text(err));

            List<String> live = lines(text(out));
            List<String[]> rows = live.stream().map(l -> l.split("\t", -1)).toList();
            for (String[] r : rows) {
                assertTrue(r[1].equals(h + "") || r[1].equals(t + "") || r[2].equals(h + "") || r[2].equals(t + ""),
                        "the capture filter let only our ports through: " + Arrays.toString(r));
            }
            assertTrue(rows.stream().anyMatch(r -> r[3].equals("1") && r[4].equals(LoopbackServers.HOST)),
                    "a Client Hello with SNI " + LoopbackServers.HOST + " in\n" + text(out));
            assertTrue(rows.stream().anyMatch(r -> r[3].startsWith("2")), "a Server Hello in\n" + text(out));
            assertTrue(rows.stream().anyMatch(r -> r[5].equals("GET") && r[6].equals("/hello?from=dorsal")),
                    "the HTTP request in\n" + text(out));
            assertEquals(List.of("Capturing on 'Loopback: lo'", live.size() + " packets captured"), lines(text(err)),
                    "tshark's opening and closing lines, every captured packet displayed");

            // the file holds what was shown: the same packets dissect to the same lines
            try (CaptureReader r = Captures.open(saved)) {
                InterfaceInfo lo = r.interfaces().getFirst();
                assertEquals("lo", lo.name());
                assertEquals("tcp port " + h + " or tcp port " + t, lo.filter());
                assertEquals(9, lo.tsResolution());
            }
            List<String> readBack = new ArrayList<>(List.of("-r", saved.toString(), "-T", "fields"));
            FIELDS.forEach(f -> readBack.addAll(List.of("-e", f)));
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertEquals(0, Main.run(readBack.toArray(String[]::new), new PrintStream(again, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            assertEquals(live, lines(text(again)));
            System.out.println("live capture on lo: " + live.size() + " packets shown and saved; "
                    + rows.stream().filter(r -> !r[3].isEmpty()).count() + " with TLS handshake messages, "
                    + rows.stream().filter(r -> !r[5].isEmpty()).count() + " HTTP request(s); file read back equal");
        }
    }

    @Test
    void ringBufferKeepsTheNewestFilesAndCountStopsTheCapture() throws Exception {
        try (DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = sender.getLocalPort() == 65535 ? 65534 : sender.getLocalPort() + 1;
            Path base = dir.resolve("ring.pcapng");
            String[] args = {"-i", "lo", "-f", "udp dst port " + port, "-w", base.toString(), "-b", "packets:2",
                    "-b", "files:2", "-c", "7"};
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicInteger rc = new AtomicInteger(-1);
            Thread run = new Thread(() -> rc.set(Main.run(args, new PrintStream(new ByteArrayOutputStream(), true),
                    new PrintStream(err, true, StandardCharsets.UTF_8))), "dorsal-ring");
            run.start();
            waitFor(Interrupts::capturing, "the capture to start; stderr: " + err);
            for (int i = 0; i < 7; i++) {
                byte[] b = {(byte) i};
                sender.send(new DatagramPacket(b, 1, InetAddress.getLoopbackAddress(), port));
            }
            run.join(WAIT_MILLIS);
            assertEquals(0, rc.get(), text(err));
            assertEquals(List.of("Capturing on 'Loopback: lo'", "7 packets captured"), lines(text(err)));
            List<Path> files;
            try (var list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().startsWith("ring_")).sorted().toList();
            }
            assertEquals(2, files.size(), "files:2 keeps the newest two of four: " + files);
            assertTrue(files.get(0).getFileName().toString().matches("ring_00003_\\d{14}\\.pcapng"), files.toString());
            assertTrue(files.get(1).getFileName().toString().matches("ring_00004_\\d{14}\\.pcapng"), files.toString());
            assertEquals(List.of(4, 5), payloads(files.get(0)));
            assertEquals(List.of(6), payloads(files.get(1)));
        }
    }

    @Test
    void durationEndsAnIdleCaptureAndTheListShowsLoopback() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"-i", "lo", "-f", "udp port 9 and udp port 10", "-a", "duration:0.3"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        assertEquals("", text(out));
        assertEquals("Capturing on 'Loopback: lo'\n0 packets captured\n", text(err));

        ByteArrayOutputStream list = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"-D"}, new PrintStream(list, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true)));
        assertTrue(lines(text(list)).stream().anyMatch(l -> l.matches("\\d+\\. lo \\(Loopback\\)")), text(list));
    }

    @Test
    void captureFailuresPrintTsharksTextAndExitOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"-i", "lo", "-f", "tcp port", "-c", "1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, rc);
        assertEquals("""
                Capturing on 'Loopback: lo'
                dorsal: Invalid capture filter "tcp port" for interface 'lo'.

                That string isn't a valid capture filter (can't parse filter expression: syntax error).
                See the User's Guide for a description of the capture filter syntax.
                0 packets captured
                """, text(err));
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        assertEquals(1, Main.run(new String[] {"-i", "nosuch0", "-c", "1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(none, true, StandardCharsets.UTF_8)));
        assertTrue(text(none).startsWith("Capturing on 'nosuch0'\ndorsal: There is no device named \"nosuch0\".\n("),
                text(none));
        assertTrue(text(none).endsWith(")\n0 packets captured\n"), text(none));
    }

    /** The one-byte UDP payloads of a file's frames (Ethernet 14 + IPv4 20 + UDP 8 bytes in). */
    private static List<Integer> payloads(Path file) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (CaptureReader r = Captures.open(file)) {
            for (RawFrame f; (f = r.next()) != null;) {
                out.add((int) f.data()[42]);
            }
        }
        return out;
    }

    private static String httpGet(int port, String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection(Proxy.NO_PROXY);
        try {
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private static String tlsGet(LoopbackServers servers, int port) throws Exception {
        try (SSLSocket s = (SSLSocket) servers.context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(LoopbackServers.HOST)));
            s.setSSLParameters(p);
            s.startHandshake();
            s.getOutputStream().write(("GET /secret HTTP/1.1\r\nHost: " + LoopbackServers.HOST + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            LoopbackServers.readHead(s.getInputStream());
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }
}
