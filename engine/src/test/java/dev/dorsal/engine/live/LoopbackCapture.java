package dev.dorsal.engine.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whether this process may capture on the loopback device: root (or CAP_NET_RAW) and libpcap present,
 * as in CI. Tests that capture skip, with the reason, everywhere else.
 */
final class LoopbackCapture {
    private LoopbackCapture() {}

    static void assumeAvailable() {
        String reason = null;
        try {
            LiveCapture.open(LiveOptions.of("lo").withFilter("udp port 9")).close(); // capturing works here
        } catch (LiveCaptureException e) {
            reason = "live capture on lo is not possible here (" + e.kind() + "): " + e.getMessage().lines().findFirst().orElse("");
        }
        assumeTrue(reason == null, reason);
    }
}
