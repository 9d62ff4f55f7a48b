package dev.dorsal.dissectors.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated TLS traffic never breaks the dissector: every test capture is replayed with bytes flipped,
 * lengths rewritten and frames cut short (fixed seed, so a failure reproduces), with and without a
 * detailed tree. A bad length may only end in a bounds error ("[Malformed Packet]"), which the driver
 * handles; anything else thrown is a dissector bug and counted by {@link Dissection#bugCount()}.
 */
class TlsFuzzTest {
    private static final long SEED = 0x715_f022L;
    private static final int ROUNDS = 3;

    @Test
    void mutatedTlsNeverBreaksTheDissector() {
        Random random = new Random(SEED);
        long frames = 0;
        for (String capture : TlsOracle.captures()) {
            for (int round = 0; round < ROUNDS; round++) {
                Dissection d = new Dissection(TlsOracle.registry());
                DissectionOptions options = round % 2 == 0 ? DissectionOptions.FULL : DissectionOptions.SUMMARY;
                try (CaptureReader reader = Captures.open(TlsOracle.root().resolve(capture + ".gz"))) {
                    for (RawFrame f = reader.next(); f != null; f = reader.next()) {
                        byte[] data = mutate(f.data(), random);
                        d.dissect(new RawFrame(f.number(), 0, f.linkType(), f.interfaceId(), f.timestampNanos(),
                                f.timePrecisionDigits(), Math.max(data.length, f.originalLength()), data), options);
                        frames++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String where = capture + " round " + round;
                assertEquals(0, d.bugCount(), () -> where + ": " + d.bugReports());
            }
        }
        assertTrue(frames > 1000, "the captures were replayed");
    }

    /**
     * The same with the captures' key logs: damaged records must fail decryption quietly (they stay
     * encrypted), and whatever does decrypt goes on to HTTP without breaking it.
     */
    @Test
    void mutatedTlsWithKeysNeverBreaksDecryption() throws IOException {
        Random random = new Random(SEED + 1);
        long frames = 0;
        for (String capture : TlsOracle.captures()) {
            java.nio.file.Path keys = TlsOracle.root().resolve(capture.substring(0, capture.lastIndexOf('.')) + ".keys");
            if (!java.nio.file.Files.isRegularFile(keys)) {
                continue;
            }
            byte[] secrets = java.nio.file.Files.readAllBytes(keys);
            for (int round = 0; round < ROUNDS; round++) {
                Dissection d = new Dissection(TlsOracle.registry());
                d.addDecryptionSecrets(TlsSecrets.TLS_KEY_LOG, secrets);
                DissectionOptions options = round % 2 == 0 ? DissectionOptions.FULL : DissectionOptions.SUMMARY;
                try (CaptureReader reader = Captures.open(TlsOracle.root().resolve(capture + ".gz"))) {
                    for (RawFrame f = reader.next(); f != null; f = reader.next()) {
                        byte[] data = mutate(f.data(), random);
                        d.dissect(new RawFrame(f.number(), 0, f.linkType(), f.interfaceId(), f.timestampNanos(),
                                f.timePrecisionDigits(), Math.max(data.length, f.originalLength()), data), options);
                        frames++;
                    }
                }
                String where = capture + " with keys, round " + round;
                assertEquals(0, d.bugCount(), () -> where + ": " + d.bugReports());
            }
        }
        assertTrue(frames > 1000, "the captures were replayed");
    }

    /**
     * Leaves the first 54 bytes (Ethernet, IPv4, TCP without options: the way to TLS) mostly intact and
     * damages what follows: flipped bytes, 0x00/0xff runs where lengths live, or a cut.
     */
    private static byte[] mutate(byte[] frame, Random random) {
        byte[] d = frame.clone();
        int from = Math.min(d.length, 54);
        if (d.length <= from || random.nextInt(4) == 0) {
            return d; // some frames stay intact, so sessions keep their state and reach later messages
        }
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    d[from + random.nextInt(d.length - from)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = from + random.nextInt(d.length - from);
                byte v = random.nextBoolean() ? (byte) 0xff : 0;
                for (int i = at; i < Math.min(d.length, at + 1 + random.nextInt(3)); i++) {
                    d[i] = v;
                }
            }
            case 2 -> d = Arrays.copyOf(d, from + random.nextInt(d.length - from));
            default -> d[from + random.nextInt(d.length - from)] = (byte) random.nextInt(256);
        }
        return d;
    }
}
