package dev.dorsal.dissectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.dissectors.http.testkit.RealStack;
import dev.dorsal.dissectors.http.testkit.Resources;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The crafted DNS and HTTP captures with random bytes of their payloads changed, seeded so a failure
 * replays: malformed input must end as a malformed or truncated mark, never as another exception.
 */
class MessageFuzzTest {
    private static final long SEED = 0x0d15_5ec7L;
    private static final int ROUNDS = 40;

    @Test
    void mutatedMessagesNeverBreakTheDissectors() throws Exception {
        List<RawFrame> frames = new ArrayList<>();
        for (String name : List.of("dns/dns_crafted_records.pcap.gz", "dns/dns_crafted_edge.pcap.gz",
                "dns/dns_crafted_tcp.pcap.gz", "dns/dns_crafted_more_types.pcap.gz",
                "http/http_crafted_framing.pcap.gz", "http/http_crafted_json.pcap.gz",
                "http/http_crafted_media_types.pcap.gz")) {
            try (CaptureReader r = Captures.open(Resources.get(name))) {
                RawFrame f;
                while ((f = r.next()) != null) {
                    frames.add(f);
                }
            }
        }
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            Dissection d = new Dissection(RealStack.registry());
            for (RawFrame f : frames) {
                byte[] data = f.data().clone();
                int payload = 54; // Ethernet, IPv4 and TCP/UDP headers are kept so the frame reaches DNS or HTTP
                if (data.length > payload) {
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        data[payload + random.nextInt(data.length - payload)] = (byte) random.nextInt(256);
                    }
                }
                RawFrame m = new RawFrame(f.number(), 0, f.linkType(), 0, f.timestampNanos(), 6, data.length, data);
                d.dissect(m, round % 2 == 0 ? DissectionOptions.FULL : DissectionOptions.SUMMARY);
            }
            assertEquals(0, d.bugCount(), String.join("\n", d.bugReports()));
        }
    }
}
