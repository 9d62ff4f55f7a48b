package dev.dorsal.dissectors;

import static dev.dorsal.dissectors.TunnelFrames.bytes;
import static dev.dorsal.dissectors.TunnelFrames.concat;
import static dev.dorsal.dissectors.TunnelFrames.eth;
import static dev.dorsal.dissectors.TunnelFrames.ipv4;
import static dev.dorsal.dissectors.TunnelFrames.ipv6;
import static dev.dorsal.dissectors.TunnelFrames.label;
import static dev.dorsal.dissectors.TunnelFrames.tcp;
import static dev.dorsal.dissectors.TunnelFrames.u16;
import static dev.dorsal.dissectors.TunnelFrames.u32;
import static dev.dorsal.dissectors.TunnelFrames.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates tunnel frames (MPLS stacks, pseudowires, the associated channel, GRE with its optional
 * fields, PPTP, ERSPAN, VXLAN), seeded so a failure replays: flipped bytes make flags, lengths,
 * labels and types take every value, cuts end headers anywhere. Only the malformed and truncated
 * marks may come of it, never a dissector bug.
 */
class TunnelFuzzTest {
    private static final long SEED = 0x7e11_e15L;
    private static final int MUTATIONS_PER_FRAME = 1_000;
    private static final int[] A = {10, 1, 0, 1};
    private static final int[] B = {10, 2, 0, 1};

    private static List<byte[]> seeds() {
        byte[] inner4 = ipv4(A, B, 6, tcp(1234, 80, 1, 0, 0x02, new byte[0]));
        byte[] frame = eth(0x0800, ipv4(A, B, 17, udp(1, 2, bytes(1, 2, 3))));
        return List.of(
                eth(0x8847, concat(label(16, 0, false, 64), label(17, 5, true, 63), inner4)),
                eth(0x8847, concat(label(2, 0, true, 64), ipv6(1, 2, 17, udp(3, 4, bytes(1))))),
                eth(0x8847, concat(label(24, 0, true, 64), bytes(0, 0, 0, 1), frame)),
                eth(0x8847, concat(label(13, 0, true, 64), bytes(0x10, 0, 0, 0x21), inner4)),
                eth(0x0800, ipv4(A, B, 47, concat(u16(0xf000), u16(0x0800), u16(0), u16(0), u32(1), u32(2), inner4))),
                eth(0x0800, ipv4(A, B, 47, concat(u16(0x4000), u16(0x0800), u16(0), u16(0),
                        u16(0x0800), bytes(0, 4), u32(0x01020304L), u32(0), inner4))),
                eth(0x0800, ipv4(A, B, 47, concat(u16(0x3081), u16(0x880b), u16(8), u16(9), u32(5), u32(4),
                        bytes(0xff, 0x03, 0x00, 0x21), inner4))),
                eth(0x0800, ipv4(A, B, 47, concat(u16(0x1000), u16(0x22eb), u32(7), u16(0x2064), u16(0x012c),
                        u32(1), u16(2), u16(0x8001), u32(5L << 26), u32(9), frame))),
                eth(0x0800, ipv4(A, B, 47, concat(u16(0x2000), u16(0x6558), u32(100), frame))),
                eth(0x86dd, ipv6(7, 8, 47, concat(u16(0), u16(0x86dd), ipv6(9, 10, 6, tcp(1, 2, 3, 4, 0x12,
                        new byte[0]))))),
                eth(0x0800, ipv4(A, B, 17, udp(50000, 4789, concat(u16(0x8848), u16(5), u32(5001L << 8), frame)))));
    }

    @Test
    void mutatedTunnelFramesOnlyEverEndMalformedOrShort() {
        Dissection dissection = new Dissection(Registry.loadDefault());
        Random random = new Random(SEED);
        long n = 0;
        for (byte[] seed : seeds()) {
            for (int m = 0; m < MUTATIONS_PER_FRAME; m++) {
                byte[] data = seed.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    data[14 + random.nextInt(data.length - 14)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(3) == 0) {
                    data = Arrays.copyOf(data, 14 + random.nextInt(data.length - 13));
                }
                int orig = random.nextBoolean() ? data.length : data.length + random.nextInt(40);
                RawFrame f = new RawFrame(++n, 0, 1, 0, 1_700_000_000_000_000_000L + n, 6, orig, data);
                dissection.dissect(f, random.nextBoolean() ? DissectionOptions.FULL : DissectionOptions.SUMMARY);
            }
        }
        assertEquals(List.of(), dissection.bugReports(), "dissector bugs on " + n + " mutated tunnel frames");
    }
}
