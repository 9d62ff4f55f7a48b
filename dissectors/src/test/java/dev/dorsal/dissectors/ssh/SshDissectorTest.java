package dev.dorsal.dissectors.ssh;

import static dev.dorsal.dissectors.ssh.SshSession.concat;
import static dev.dorsal.dissectors.ssh.SshSession.ed25519HostKey;
import static dev.dorsal.dissectors.ssh.SshSession.ed25519Signature;
import static dev.dorsal.dissectors.ssh.SshSession.kexinit;
import static dev.dorsal.dissectors.ssh.SshSession.packet;
import static dev.dorsal.dissectors.ssh.SshSession.string;
import static dev.dorsal.dissectors.ssh.SshSession.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.ProtoItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** What the SSH dissector reads from hand-made packets, one behaviour of tshark 4.0.17 per test. */
class SshDissectorTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> values(DissectedPacket p, String field) {
        return FieldValues.find(p.tree(), field).stream().map(FieldFormat::fieldsText).toList();
    }

    private static String value(DissectedPacket p, String field) {
        List<String> v = values(p, field);
        return v.isEmpty() ? null : v.getFirst();
    }

    @Test
    void theClientsVersionLineDecidesTheVersion() {
        SshSession s = new SshSession();
        DissectedPacket server = s.server(ascii("SSH-2.0-Server_1.0\r\n"));
        assertEquals("SSH", server.columns().protocol());
        assertEquals("Server: Protocol (SSH-2.0-Server_1.0)", server.columns().info());
        assertEquals("SSH-2.0-Server_1.0", value(server, "ssh.protocol"));
        assertEquals("1", value(server, "ssh.direction"));
        DissectedPacket client = s.client(ascii("SSH-2.0-Client\n"));
        assertEquals("SSH", client.columns().protocol());
        assertEquals("0", value(client, "ssh.direction"));
        DissectedPacket next = s.server(kexinit("curve25519-sha256", "aes128-ctr", "hmac-sha2-256"));
        assertEquals("SSHv2", next.columns().protocol());
        assertEquals("Server: Key Exchange Init", next.columns().info());
    }

    @Test
    void aVersionLineCutBeforeItsNewlineIsLostAsInTshark() {
        SshSession s = new SshSession();
        DissectedPacket first = s.client(ascii("SSH-2.0-Spl"));
        DissectedPacket second = s.client(ascii("it_1.0\r\n"));
        // tshark asks TCP for "-1 - remaining" bytes: the request wraps, the next segment starts afresh.
        assertEquals("[TCP segment of a reassembled PDU]", first.columns().info());
        assertEquals("Client: Encrypted packet (len=8)", second.columns().info());
    }

    @Test
    void kexinitGivesHasshAndBothListsChooseTheMethod() throws Exception {
        SshSession s = new SshSession();
        s.client(ascii("SSH-2.0-C\r\n"));
        s.server(ascii("SSH-2.0-S\r\n"));
        DissectedPacket c = s.client(kexinit("curve25519-sha256,ecdh-sha2-nistp256", "aes128-ctr", "hmac-sha2-256"));
        String algorithms = "curve25519-sha256,ecdh-sha2-nistp256;aes128-ctr;hmac-sha2-256;none";
        assertEquals(algorithms, value(c, "ssh.kex.hassh_algorithms"));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(ascii(algorithms)));
        assertEquals(md5, value(c, "ssh.kex.hassh"));
        assertEquals("curve25519-sha256,ecdh-sha2-nistp256", value(c, "ssh.kex_algorithms"));
        DissectedPacket srv = s.server(kexinit("ecdh-sha2-nistp256,curve25519-sha256", "aes128-ctr", "hmac-sha2-256"));
        assertTrue(value(srv, "ssh.kex.hasshserver").matches("[0-9a-f]{32}"));
        DissectedPacket init = s.client(packet(concat(new byte[] {30}, string(new byte[32]))));
        // The client's first choice the server offers: curve25519, an ECDH method.
        assertEquals("Client: Elliptic Curve Diffie-Hellman Key Exchange Init", init.columns().info());
        assertEquals("32", value(init, "ssh.ecdh.q_c_length"));
    }

    @Test
    void groupExchangeMessagesFollowTheAgreedMethod() {
        SshSession s = new SshSession();
        s.client(ascii("SSH-2.0-C\r\n"));
        s.server(ascii("SSH-2.0-S\r\n"));
        byte[] ki = kexinit("diffie-hellman-group-exchange-sha256", "aes256-ctr", "hmac-sha2-256");
        s.client(ki);
        s.server(ki);
        DissectedPacket request = s.client(packet(concat(new byte[] {34}, u32(2048), u32(3072), u32(8192))));
        assertEquals("Client: Diffie-Hellman Group Exchange Request", request.columns().info());
        assertEquals(List.of("2048", "3072", "8192"), List.of(value(request, "ssh.dh_gex.min"),
                value(request, "ssh.dh_gex.nbits"), value(request, "ssh.dh_gex.max")));
        DissectedPacket group = s.server(packet(concat(new byte[] {31}, string(new byte[] {0x7f, 1, 2}),
                string(new byte[] {2}))));
        assertEquals("Server: Diffie-Hellman Group Exchange Group", group.columns().info());
        assertEquals("02", value(group, "ssh.dh_gex.g"));
        assertEquals("2", value(group, "ssh.seq_num"));
        DissectedPacket reply = s.server(concat(packet(concat(new byte[] {33}, ed25519HostKey(),
                string(new byte[] {5, 6}), ed25519Signature())), packet(new byte[] {21}), new byte[40]));
        // tshark never picks ciphers after a group exchange: the rest stays opaque, without a MAC.
        assertEquals("Server: Diffie-Hellman Group Exchange Reply, New Keys, Encrypted packet (len=40)",
                reply.columns().info());
        assertEquals("ssh-ed25519", value(reply, "ssh.host_key.type"));
        assertEquals(null, value(reply, "ssh.mac"));
    }

    @Test
    void newKeysSwitchesTheSideToEncryptedPackets() {
        SshSession s = new SshSession();
        s.client(ascii("SSH-2.0-C\r\n"));
        s.server(ascii("SSH-2.0-S\r\n"));
        byte[] ki = kexinit("curve25519-sha256", "3des-cbc", "hmac-sha2-256-etm@openssh.com");
        s.client(ki);
        s.server(ki);
        s.client(packet(concat(new byte[] {30}, string(new byte[32]))));
        s.server(concat(packet(concat(new byte[] {31}, ed25519HostKey(), string(new byte[32]), ed25519Signature())),
                packet(new byte[] {21})));
        DissectedPacket p = s.client(concat(packet(new byte[] {21}), u32(24), new byte[24], new byte[32]));
        assertEquals("Client: New Keys, Encrypted packet (len=60)", p.columns().info());
        // Encrypt-then-MAC: the length is in clear; hmac-sha2-256 gives a 32-byte MAC.
        assertEquals(List.of("12", "24"), values(p, "ssh.packet_length"));
        assertEquals(64, value(p, "ssh.mac").length());
    }

    @Test
    void aesGcmRecordsAreDecryptedWithTsharksZeroKey() throws Exception {
        SshSession s = new SshSession();
        s.client(ascii("SSH-2.0-C\r\n"));
        s.server(ascii("SSH-2.0-S\r\n"));
        byte[] ki = kexinit("curve25519-sha256", "aes256-gcm@openssh.com", "hmac-sha2-256");
        s.client(ki);
        s.server(ki);
        s.client(packet(concat(new byte[] {30}, string(new byte[32]))));
        s.server(concat(packet(concat(new byte[] {31}, ed25519HostKey(), string(new byte[32]), ed25519Signature())),
                packet(new byte[] {21})));
        // A SERVICE_REQUEST sealed as a sender with all-zero key and IV would seal it.
        byte[] body = concat(new byte[] {10, 5}, string("ssh-userauth"), new byte[10]);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new GCMParameterSpec(128, new byte[12]));
        gcm.updateAAD(u32(body.length));
        DissectedPacket p = s.client(concat(packet(new byte[] {21}), u32(body.length), gcm.doFinal(body)));
        assertEquals("Client: New Keys, Encrypted packet (plaintext_len=32), Service Request", p.columns().info());
        assertEquals("ssh-userauth", value(p, "ssh.service_name"));
        assertEquals("1", value(p, "ssh.mac.status"));
        assertTrue(p.dataSources().stream().anyMatch(d -> d.name().equals("Decrypted Packet")));
    }

    @Test
    void aPaddingLongerThanItsPacketIsMalformedAndEndsTheDissection() {
        SshSession s = new SshSession();
        s.client(ascii("SSH-2.0-C\r\n"));
        DissectedPacket p = s.client(concat(u32(12), new byte[] {(byte) 200, 21}, new byte[10]));
        assertEquals("New Keys[Malformed Packet]", p.columns().info());
        assertTrue(p.layers().contains("_ws.malformed"));
    }

    @Test
    void aBogusLengthIsLeftToTcpReassembly() {
        SshSession s = new SshSession();
        s.client(ascii("SSH-2.0-C\r\n"));
        DissectedPacket p = s.client(concat(u32(0x12345678), new byte[20]));
        assertEquals("TCP", p.columns().protocol());
        assertTrue(p.columns().info().endsWith("[TCP segment of a reassembled PDU]"));
    }

    @Test
    void sshOnePacketsHaveTheirOwnFraming() {
        SshSession s = new SshSession();
        s.server(ascii("SSH-1.5-S\n"));
        s.client(ascii("SSH-1.5-C\n"));
        DissectedPacket p = s.server(concat(u32(20), new byte[4], new byte[] {2}, new byte[19]));
        assertEquals("SSHv1", p.columns().protocol());
        assertEquals("Server: Public Key", p.columns().info());
        assertEquals("4", value(p, "ssh.padding_length"));
    }

    @Test
    void captureFilesOfBothKindsDissectWithoutBugs() throws Exception {
        for (String name : List.of("ssh_loopback.pcap", "ssh_crafted.pcap")) {
            Path file = Path.of(SshDissectorTest.class.getResource("/ssh/" + name).toURI());
            Dissection d = new Dissection(SshSession.registry());
            int ssh = 0;
            try (CaptureReader r = Captures.open(file)) {
                for (RawFrame f = r.next(); f != null; f = r.next()) {
                    DissectedPacket p = d.dissect(f, DissectionOptions.FULL);
                    if (p.layers().contains("ssh")) {
                        ssh++;
                    }
                }
            }
            assertEquals(0, d.bugCount(), () -> d.bugReports().toString());
            assertFalse(ssh == 0, name);
        }
    }

    @Test
    void fieldItemsAreNamedAsInTshark() {
        SshSession s = new SshSession();
        s.client(ascii("SSH-2.0-C\r\n"));
        DissectedPacket p = s.client(kexinit("curve25519-sha256", "aes128-ctr", "hmac-sha2-256"));
        ProtoItem cookie = FieldValues.find(p.tree(), "ssh.cookie").getFirst();
        assertEquals("Cookie", cookie.field().name());
        assertEquals("0", value(p, "ssh.first_kex_packet_follows"));
        assertEquals("00000000", value(p, "ssh.kex.reserved").replace(":", ""));
    }
}
