package dev.dorsal.engine.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.RawFrame;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capturing on the loopback device (root and libpcap, as in CI): frames keep their bytes, lengths and
 * nanosecond timestamps, the BPF filter and snap length apply, and drops are counted.
 */
class LiveCaptureTest {
    /** Bytes before the UDP payload on lo: Ethernet 14, IPv4 20, UDP 8. */
    private static final int HEADERS = 42;

    @BeforeEach
    void needsLoopbackCapture() {
        LoopbackCapture.assumeAvailable();
    }

    @Test
    void framesArriveWithTheirBytesLengthsAndInterface() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = receiver.getLocalPort();
            LiveOptions options = new LiveOptions("lo", 100, true, "udp dst port " + port, 0);
            List<RawFrame> frames = new ArrayList<>();
            long before = System.currentTimeMillis();
            try (LiveCapture capture = LiveCapture.open(options)) {
                assertEquals("lo", capture.interfaceInfo().name());
                assertEquals(1, capture.interfaceInfo().linkType(), "lo is Ethernet to libpcap on Linux");
                assertEquals(100, capture.interfaceInfo().snapLen());
                assertEquals(9, capture.interfaceInfo().tsResolution());
                assertEquals("udp dst port " + port, capture.interfaceInfo().filter());
                for (int i = 0; i < 5; i++) {
                    byte[] payload = new byte[10 + 50 * i];
                    Arrays.fill(payload, (byte) ('a' + i));
                    sender.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
                }
                sender.send(new DatagramPacket(new byte[1], 1, InetAddress.getLoopbackAddress(), port + 1 == 65536 ? 1 : port + 1));
                while (frames.size() < 5) {
                    RawFrame f = capture.next();
                    assertNotNull(f);
                    frames.add(f);
                }
                capture.stop();
                assertNull(capture.next(), "nothing else passes the filter, and a stopped capture ends");
                assertEquals(5, capture.framesReturned());
            }
            for (int i = 0; i < 5; i++) {
                RawFrame f = frames.get(i);
                int wire = HEADERS + 10 + 50 * i;
                assertEquals(i + 1, f.number());
                assertEquals(wire, f.originalLength());
                assertEquals(Math.min(wire, 100), f.capturedLength(), "cut at the snap length");
                assertEquals(0, f.interfaceId());
                assertEquals(9, f.timePrecisionDigits());
                assertTrue(f.timestampNanos() / 1_000_000 >= before - 1000, "a current timestamp");
                byte[] start = new byte[Math.min(wire, 100) - HEADERS];
                Arrays.fill(start, (byte) ('a' + i));
                assertArrayEquals(start, Arrays.copyOfRange(f.data(), HEADERS, f.capturedLength()));
            }
        }
    }

    @Test
    void aConsumerTooFarBehindGetsDropsCounted() throws Exception {
        int queue = 50;
        int sent = 3_000;
        try (DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = sender.getLocalPort() == 65535 ? 65534 : sender.getLocalPort() + 1; // nobody listens there
            LiveCapture capture = LiveCapture.open(LiveOptions.of("lo").withFilter("udp dst port " + port), queue);
            try (capture) {
                byte[] payload = new byte[64];
                for (int i = 0; i < sent; i++) {
                    sender.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
                }
                capture.stop(); // reads what libpcap still holds, then ends
                int returned = 0;
                while (capture.next() != null) {
                    returned++;
                }
                capture.close();
                CaptureStats stats = capture.stats();
                assertNotNull(stats);
                assertTrue(returned >= queue, "the consumer gets at least what the queue held: " + returned);
                assertTrue(stats.queueDropped() > 0, stats.toString());
                assertEquals(stats.dropped() + stats.queueDropped(), stats.totalDropped());
                // libpcap's counters on lo also count the outgoing copy of each packet, which it then skips
                assertTrue(stats.received() >= returned + stats.queueDropped(), stats.toString());
            }
        }
    }

    @Test
    void aBadFilterAndAMissingDeviceSayWhatIsWrong() {
        LiveCaptureException filter = org.junit.jupiter.api.Assertions.assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open(LiveOptions.of("lo").withFilter("tcp port")));
        assertEquals(LiveCaptureException.Kind.BAD_FILTER, filter.kind());
        assertEquals("""
                Invalid capture filter "tcp port" for interface 'lo'.

                That string isn't a valid capture filter (can't parse filter expression: syntax error).
                See the User's Guide for a description of the capture filter syntax.""", filter.getMessage());
        LiveCaptureException device = org.junit.jupiter.api.Assertions.assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open(LiveOptions.of("nosuch0")));
        assertEquals(LiveCaptureException.Kind.NO_SUCH_DEVICE, device.kind());
        assertTrue(device.getMessage().startsWith("There is no device named \"nosuch0\".\n("), device.getMessage());
    }

    @Test
    void theLoopbackDeviceIsListed() throws Exception {
        List<LiveInterface> all = LiveCaptures.interfaces();
        LiveInterface lo = all.stream().filter(i -> i.name().equals("lo")).findFirst().orElseThrow();
        assertTrue(lo.loopback());
        assertEquals("Loopback: lo", lo.displayName());
        assertEquals("3. lo (Loopback)", lo.listLine(3));
        assertTrue(LiveCaptures.libraryVersion().startsWith("libpcap version"));
    }
}
