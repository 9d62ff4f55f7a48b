package dev.dorsal.dissectors.ssh;

import static dev.dorsal.dissectors.ssh.SshSession.concat;
import static dev.dorsal.dissectors.ssh.SshSession.ed25519HostKey;
import static dev.dorsal.dissectors.ssh.SshSession.ed25519Signature;
import static dev.dorsal.dissectors.ssh.SshSession.kexinit;
import static dev.dorsal.dissectors.ssh.SshSession.packet;
import static dev.dorsal.dissectors.ssh.SshSession.string;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.ProtoItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sends one side's SSH byte stream (KEXINIT, ECDH init, an IGNORE and NEWKEYS after the version line)
 * cut into TCP segments at every split point and in segments of every size, through the real TCP
 * reassembly, and checks SSH reads the same messages as from the unsplit stream: codes, sequence
 * numbers, lengths and Info. (A version line cut before its newline is lost, as in tshark: see
 * {@link SshDissectorTest}.)
 */
class SshSplitTest {
    private static final byte[] KEXINIT = kexinit("curve25519-sha256", "aes128-ctr", "hmac-sha2-256");
    private static final byte[] STREAM = concat(KEXINIT, packet(concat(new byte[] {30}, string(new byte[32]))),
            packet(concat(new byte[] {2}, string("ignore me"))), packet(new byte[] {21}));

    /** What SSH read from the client in one run. */
    record Seen(List<String> codes, List<String> seqs, List<String> lengths, List<String> messages) {}

    @Test
    void everyTwoWaySplitGivesTheSameMessages() {
        Seen ref = run(new int[0]);
        assertEquals(List.of("20", "30", "2", "21"), ref.codes());
        assertEquals(List.of("0", "1", "0", "2"), ref.seqs());
        assertEquals(List.of("Key Exchange Init", "Elliptic Curve Diffie-Hellman Key Exchange Init", "Ignore",
                "New Keys"), ref.messages());
        for (int k = 1; k < STREAM.length; k++) {
            assertEquals(ref, run(new int[] {k}), "split at " + k);
        }
    }

    @Test
    void everySegmentSizeGivesTheSameMessages() {
        Seen ref = run(new int[0]);
        for (int size = 1; size <= 64; size++) {
            int[] cuts = new int[(STREAM.length - 1) / size];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = (i + 1) * size;
            }
            assertEquals(ref, run(cuts), "segments of " + size + " bytes");
        }
    }

    private static Seen run(int[] cuts) {
        SshSession s = new SshSession();
        s.client("SSH-2.0-Split_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
        s.server(concat("SSH-2.0-Server\r\n".getBytes(StandardCharsets.US_ASCII), KEXINIT));
        List<DissectedPacket> sent = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : STREAM.length;
            sent.add(s.client(Arrays.copyOfRange(STREAM, from, to)));
            from = to;
        }
        // The server's reply after the client's messages, so it neither helps nor hinders them.
        s.server(concat(packet(concat(new byte[] {31}, ed25519HostKey(), string(new byte[32]), ed25519Signature())),
                packet(new byte[] {21})));
        List<String> codes = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (DissectedPacket p : sent) {
            FieldValues.find(p.tree(), "ssh.message_code").forEach(i -> codes.add(text(i)));
            FieldValues.find(p.tree(), "ssh.seq_num").forEach(i -> seqs.add(text(i)));
            FieldValues.find(p.tree(), "ssh.packet_length").forEach(i -> lengths.add(text(i)));
            String info = p.columns().info();
            if (p.columns().protocol().startsWith("SSH")) {
                // Each SSH call prefixes "Client: " (a frame may hold two calls: a PDU and what follows).
                for (String part : info.replace("Client: ", "").split(", ")) {
                    messages.add(part);
                }
            }
        }
        return new Seen(codes, seqs, lengths, messages);
    }

    private static String text(ProtoItem item) {
        return FieldFormat.fieldsText(item);
    }
}
