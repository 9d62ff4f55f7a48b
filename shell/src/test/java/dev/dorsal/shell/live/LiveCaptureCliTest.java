package dev.dorsal.shell.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.live.LiveCapture;
import dev.dorsal.engine.live.LiveCaptureException;
import dev.dorsal.engine.live.LiveOptions;
import dev.dorsal.shell.Main;
import dev.dorsal.shell.cli.Interrupts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        try (LiveCapture c = LiveCapture.open(LiveOptions.of("lo").withFilter("udp port 9"))) {
            // capturing works here
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
