package dev.dorsal.dissectors.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.dissectors.http.testkit.TcpFrames;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A TCP connection to port 22 for tests (built by the shared {@link TcpFrames}): after the handshake,
 * {@link #client} and {@link #server} send bytes as one segment each and return the dissected frame.
 * Also builds SSH messages.
 */
final class SshSession {
    private static Registry registry;

    private final Dissection dissection = new Dissection(registry());
    private final TcpFrames frames = new TcpFrames(50000, 22);
    private int dissected;

    SshSession() {
        dissectNew();
    }

    static synchronized Registry registry() {
        if (registry == null) {
            registry = Registry.loadDefault();
        }
        return registry;
    }

    DissectedPacket client(byte[] payload) {
        frames.client(payload);
        return dissectNew();
    }

    DissectedPacket server(byte[] payload) {
        frames.server(payload);
        return dissectNew();
    }

    /** Dissects the frames added since the last call; returns the last one. */
    private DissectedPacket dissectNew() {
        List<RawFrame> all = frames.frames();
        DissectedPacket last = null;
        for (; dissected < all.size(); dissected++) {
            last = dissection.dissect(all.get(dissected), DissectionOptions.FULL);
        }
        assertEquals(0, dissection.bugCount(), () -> dissection.bugReports().toString());
        return last;
    }

    // ---- SSH messages ----------------------------------------------------------------------------

    static byte[] u32(long n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    static byte[] string(String s) {
        return string(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] string(byte[] b) {
        return concat(u32(b.length), b);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A binary packet (RFC 4253 section 6) with zero padding aligning the whole packet to {@code block}. */
    static byte[] packet(int block, byte[] payload) {
        int pad = block - ((5 + payload.length) % block);
        if (pad < 4) {
            pad += block;
        }
        return concat(u32(1 + payload.length + pad), new byte[] {(byte) pad}, payload, new byte[pad]);
    }

    static byte[] packet(byte[] payload) {
        return packet(8, payload);
    }

    /** A KEXINIT offering one algorithm of each kind (the same both ways). */
    static byte[] kexinit(String kex, String cipher, String mac) {
        byte[] cookie = new byte[16];
        return packet(concat(new byte[] {20}, cookie, string(kex), string("ssh-ed25519"), string(cipher),
                string(cipher), string(mac), string(mac), string("none"), string("none"), string(""), string(""),
                new byte[] {0}, u32(0)));
    }

    static byte[] ed25519HostKey() {
        return string(concat(string("ssh-ed25519"), string(new byte[32])));
    }

    static byte[] ed25519Signature() {
        return string(concat(string("ssh-ed25519"), string(new byte[64])));
    }
}
