package dev.dorsal.dissectors.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP connection to port 22 for tests: after the handshake, {@link #client} and {@link #server} send
 * bytes as one segment each and return the dissected frame. Also builds SSH messages.
 */
final class SshSession {
    private static Registry registry;

    private final Dissection dissection = new Dissection(registry());
    private final List<DissectedPacket> packets = new ArrayList<>();
    private long cseq = 1000;
    private long sseq = 5000;
    private int number = 1;

    SshSession() {
        send(true, 0x02, new byte[0]);
        cseq++;
        send(false, 0x12, new byte[0]);
        sseq++;
        send(true, 0x10, new byte[0]);
    }

    static synchronized Registry registry() {
        if (registry == null) {
            registry = Registry.loadDefault();
        }
        return registry;
    }

    DissectedPacket client(byte[] payload) {
        return send(true, 0x18, payload);
    }

    DissectedPacket server(byte[] payload) {
        return send(false, 0x18, payload);
    }

    List<DissectedPacket> packets() {
        return packets;
    }

    private DissectedPacket send(boolean fromClient, int flags, byte[] payload) {
        long seq = fromClient ? cseq : sseq;
        long ack = fromClient ? sseq : cseq;
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 20 + payload.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0});
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putShort((short) number)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        byte[] c = {10, 0, 0, 1};
        byte[] s = {10, 0, 0, 2};
        b.put(fromClient ? c : s).put(fromClient ? s : c);
        b.putShort((short) (fromClient ? 50000 : 22)).putShort((short) (fromClient ? 22 : 50000));
        b.putInt((int) seq).putInt((int) (flags == 0x02 ? 0 : ack)).put((byte) 0x50).put((byte) flags)
                .putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        b.put(payload);
        byte[] data = b.array();
        RawFrame f = new RawFrame(number, 0, 1, 0, number * 1_000_000_000L, 6, data.length, data);
        number++;
        if (fromClient) {
            cseq += payload.length;
        } else {
            sseq += payload.length;
        }
        DissectedPacket p = dissection.dissect(f, DissectionOptions.FULL);
        assertEquals(0, dissection.bugCount(), () -> dissection.bugReports().toString());
        packets.add(p);
        return p;
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
