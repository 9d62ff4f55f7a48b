package dev.dorsal.dissectors.ssh;

import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a KEXINIT (RFC 4253 section 7.1): cookie, the ten name-lists, first_kex_packet_follows and
 * the reserved word; adds the side's HASSH fingerprint (MD5 of its key exchange, cipher, MAC and
 * compression lists, as tshark computes it), and once both sides' lists are known picks the key
 * exchange method: the client's first method the server also offers (first_kex_packet_follows is
 * ignored, as in tshark).
 *
 * <pre>
 *   byte 20 | cookie (16) | 10 x (uint32 length, name-list) | boolean first_kex_packet_follows | uint32 0
 * </pre>
 */
final class SshKexInit {
    static final FieldDef COOKIE = FieldDef.bytes("ssh.cookie", "Cookie");
    static final FieldDef KEX = FieldDef.string("ssh.kex_algorithms", "kex_algorithms string");
    static final FieldDef HOST_KEY = FieldDef.string("ssh.server_host_key_algorithms",
            "server_host_key_algorithms string");
    static final FieldDef ENC_CS = FieldDef.string("ssh.encryption_algorithms_client_to_server",
            "encryption_algorithms_client_to_server string");
    static final FieldDef ENC_SC = FieldDef.string("ssh.encryption_algorithms_server_to_client",
            "encryption_algorithms_server_to_client string");
    static final FieldDef MAC_CS = FieldDef.string("ssh.mac_algorithms_client_to_server",
            "mac_algorithms_client_to_server string");
    static final FieldDef MAC_SC = FieldDef.string("ssh.mac_algorithms_server_to_client",
            "mac_algorithms_server_to_client string");
    static final FieldDef COMP_CS = FieldDef.string("ssh.compression_algorithms_client_to_server",
            "compression_algorithms_client_to_server string");
    static final FieldDef COMP_SC = FieldDef.string("ssh.compression_algorithms_server_to_client",
            "compression_algorithms_server_to_client string");
    static final FieldDef LANG_CS = FieldDef.string("ssh.languages_client_to_server", "languages_client_to_server string");
    static final FieldDef LANG_SC = FieldDef.string("ssh.languages_server_to_client", "languages_server_to_client string");
    static final FieldDef KEX_LENGTH = FieldDef.uint32("ssh.kex_algorithms_length", "kex_algorithms length");
    static final FieldDef HOST_KEY_LENGTH = FieldDef.uint32("ssh.server_host_key_algorithms_length",
            "server_host_key_algorithms length");
    static final FieldDef ENC_CS_LENGTH = FieldDef.uint32("ssh.encryption_algorithms_client_to_server_length",
            "encryption_algorithms_client_to_server length");
    static final FieldDef ENC_SC_LENGTH = FieldDef.uint32("ssh.encryption_algorithms_server_to_client_length",
            "encryption_algorithms_server_to_client length");
    static final FieldDef MAC_CS_LENGTH = FieldDef.uint32("ssh.mac_algorithms_client_to_server_length",
            "mac_algorithms_client_to_server length");
    static final FieldDef MAC_SC_LENGTH = FieldDef.uint32("ssh.mac_algorithms_server_to_client_length",
            "mac_algorithms_server_to_client length");
    static final FieldDef COMP_CS_LENGTH = FieldDef.uint32("ssh.compression_algorithms_client_to_server_length",
            "compression_algorithms_client_to_server length");
    static final FieldDef COMP_SC_LENGTH = FieldDef.uint32("ssh.compression_algorithms_server_to_client_length",
            "compression_algorithms_server_to_client length");
    static final FieldDef LANG_CS_LENGTH = FieldDef.uint32("ssh.languages_client_to_server_length",
            "languages_client_to_server length");
    static final FieldDef LANG_SC_LENGTH = FieldDef.uint32("ssh.languages_server_to_client_length",
            "languages_server_to_client length");
    static final FieldDef FIRST_KEX_FOLLOWS = FieldDef.uint8("ssh.first_kex_packet_follows", "First KEX Packet Follows");
    static final FieldDef RESERVED = FieldDef.bytes("ssh.kex.reserved", "Reserved");
    static final FieldDef HASSH_ALGORITHMS = FieldDef.string("ssh.kex.hassh_algorithms", "hasshAlgorithms");
    static final FieldDef HASSH = FieldDef.string("ssh.kex.hassh", "hassh");
    static final FieldDef HASSH_SERVER_ALGORITHMS = FieldDef.string("ssh.kex.hasshserver_algorithms",
            "hasshServerAlgorithms");
    static final FieldDef HASSH_SERVER = FieldDef.string("ssh.kex.hasshserver", "hasshServer");

    static final List<FieldDef> FIELDS = List.of(COOKIE, KEX, HOST_KEY, ENC_CS, ENC_SC, MAC_CS, MAC_SC, COMP_CS,
            COMP_SC, LANG_CS, LANG_SC, KEX_LENGTH, HOST_KEY_LENGTH, ENC_CS_LENGTH, ENC_SC_LENGTH, MAC_CS_LENGTH,
            MAC_SC_LENGTH, COMP_CS_LENGTH, COMP_SC_LENGTH, LANG_CS_LENGTH, LANG_SC_LENGTH, FIRST_KEX_FOLLOWS,
            RESERVED, HASSH_ALGORITHMS, HASSH, HASSH_SERVER_ALGORITHMS, HASSH_SERVER);

    private SshKexInit() {}

    /** Reads the KEXINIT body at {@code offset} (after its code) into {@code kex}; returns the offset after it. */
    static int dissect(SshContext ctx, ProtoItem kex, int offset) {
        Tvb tvb = ctx.tvb;
        SshPeer peer = ctx.peer;
        int start = offset;
        ProtoItem tree = SshTransport.subtree(kex, tvb, offset, -1, "Algorithms");
        tree.add(COOKIE, tvb, offset, 16);
        offset += 16;
        String[] kexList = new String[1];
        offset = nameList(tree, tvb, offset, KEX_LENGTH, KEX, kexList, 0);
        offset = nameList(tree, tvb, offset, HOST_KEY_LENGTH, HOST_KEY, null, 0);
        String[] enc = new String[2];
        String[] mac = new String[2];
        String[] comp = new String[2];
        offset = nameList(tree, tvb, offset, ENC_CS_LENGTH, ENC_CS, enc, 0);
        offset = nameList(tree, tvb, offset, ENC_SC_LENGTH, ENC_SC, enc, 1);
        offset = nameList(tree, tvb, offset, MAC_CS_LENGTH, MAC_CS, mac, 0);
        offset = nameList(tree, tvb, offset, MAC_SC_LENGTH, MAC_SC, mac, 1);
        offset = nameList(tree, tvb, offset, COMP_CS_LENGTH, COMP_CS, comp, 0);
        offset = nameList(tree, tvb, offset, COMP_SC_LENGTH, COMP_SC, comp, 1);
        offset = nameList(tree, tvb, offset, LANG_CS_LENGTH, LANG_CS, null, 0);
        offset = nameList(tree, tvb, offset, LANG_SC_LENGTH, LANG_SC, null, 0);
        tree.add(FIRST_KEX_FOLLOWS, tvb, offset, 1);
        offset += 1;
        tree.add(RESERVED, tvb, offset, 4);
        offset += 4;

        // tshark keeps each list as it reads it, so a later KEXINIT of the side replaces them.
        peer.kexProposal = kexList[0];
        System.arraycopy(enc, 0, peer.encProposals, 0, 2);
        System.arraycopy(mac, 0, peer.macProposals, 0, 2);
        System.arraycopy(comp, 0, peer.compProposals, 0, 2);

        int dir = ctx.fromServer ? 1 : 0;
        String algorithms = peer.kexProposal + ";" + peer.encProposals[dir] + ";" + peer.macProposals[dir] + ";"
                + peer.compProposals[dir];
        if (wantsHassh(tree)) {
            String hash = md5(algorithms);
            ProtoItem a = tree.addString(ctx.fromServer ? HASSH_SERVER_ALGORITHMS : HASSH_ALGORITHMS, tvb, offset, 0,
                    algorithms);
            if (a != tree) {
                a.setGenerated();
            }
            ProtoItem h = tree.addString(ctx.fromServer ? HASSH_SERVER : HASSH, tvb, offset, 0, hash);
            if (h != tree) {
                h.setGenerated();
            }
        }

        SshConversation conv = ctx.conv;
        if (conv.client.kexProposal != null && conv.server.kexProposal != null && conv.kex == null) {
            conv.kex = choose(conv.client.kexProposal, conv.server.kexProposal);
            conv.kexKind = kexKind(conv.kex);
        }
        if (tree != kex) {
            tree.setLength(offset - start);
        }
        return offset;
    }

    /** Whether anyone reads the HASSH fields (they cost an MD5 per KEXINIT). */
    private static boolean wantsHassh(ProtoItem tree) {
        PacketTree t = tree.tree();
        return t.detailed() || t.wants(HASSH) || t.wants(HASSH_SERVER) || t.wants(HASSH_ALGORITHMS)
                || t.wants(HASSH_SERVER_ALGORITHMS);
    }

    private static int nameList(ProtoItem tree, Tvb tvb, int offset, FieldDef lengthField, FieldDef field,
            String[] store, int index) {
        long len = tvb.u32(offset);
        tree.addUint(lengthField, tvb, offset, 4, len);
        offset += 4;
        int n = SshTransport.itemLength(tvb, offset, len);
        SshDissector.string(tree, field, tvb, offset, n);
        if (store != null) {
            store[index] = AsciiText.of(tvb, offset, n);
        }
        return offset + (int) len;
    }

    /** tshark's choice of an algorithm: the client's first name the server's list also has, else null. */
    static String choose(String client, String server) {
        if (client == null || server == null) {
            return null;
        }
        List<String> offered = server.isEmpty() ? List.of() : List.of(server.split(",", -1));
        if (client.isEmpty()) {
            return null;
        }
        for (String name : client.split(",", -1)) {
            if (offered.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** Which dissector tshark 4.0.17 gives messages 30 to 39 under the agreed method. */
    static SshConversation.KexKind kexKind(String kex) {
        if (kex == null) {
            return SshConversation.KexKind.DH;
        }
        if (kex.equals("diffie-hellman-group-exchange-sha1") || kex.equals("diffie-hellman-group-exchange-sha256")) {
            return SshConversation.KexKind.DH_GEX;
        }
        if (kex.startsWith("ecdh-sha2-") || kex.equals("curve25519-sha256@libssh.org") || kex.equals("curve25519-sha256")
                || kex.equals("curve448-sha512")) {
            return SshConversation.KexKind.ECDH;
        }
        return SshConversation.KexKind.DH;
    }

    private static String md5(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
