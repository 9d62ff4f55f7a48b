package dev.dorsal.dissectors.ssh;

/**
 * Picks each side's encryption, MAC and compression as tshark 4.0.17 does when it reads a DH or ECDH
 * key exchange reply: the client's first algorithm the server also lists, per direction. AES-GCM and
 * ChaCha20-Poly1305 bring their own 16-byte tag (GCM also sends the length in clear); otherwise the
 * MAC's length comes from its name, and "-etm" MACs send the length in clear. Only hmac-sha2-256 is
 * kept as a MAC name (tshark drops the others when it looks for one it can verify), so titles show
 * no MAC for the rest although their length is known.
 */
final class SshAlgorithms {
    private SshAlgorithms() {}

    static void choose(SshConversation conv) {
        choose(conv, conv.client, 0);
        choose(conv, conv.server, 1);
    }

    private static void choose(SshConversation conv, SshPeer peer, int dir) {
        if (peer.enc == null) {
            peer.enc = SshKexInit.choose(conv.client.encProposals[dir], conv.server.encProposals[dir]);
        }
        if ("aes128-gcm@openssh.com".equals(peer.enc) || "aes256-gcm@openssh.com".equals(peer.enc)) {
            peer.mac = "<implicit>";
            peer.macLength = 16;
            peer.lengthIsPlaintext = true;
        } else if ("chacha20-poly1305@openssh.com".equals(peer.enc)) {
            peer.mac = "<implicit>";
            peer.macLength = 16;
        } else {
            if (peer.mac == null) {
                peer.mac = SshKexInit.choose(conv.client.macProposals[dir], conv.server.macProposals[dir]);
            }
            macLength(peer);
        }
        if (peer.comp == null) {
            peer.comp = SshKexInit.choose(conv.client.compProposals[dir], conv.server.compProposals[dir]);
        }
        peer.cipherKind = SshCipher.Kind.of(peer.enc);
        if (peer.cipherKind == null) {
            peer.cipher = null;
        }
        peer.macSha256 = "hmac-sha2-256".equals(peer.mac);
        if (!peer.macSha256) {
            peer.mac = null;
        }
    }

    /** The MAC length from the name: its last "-NNN" in bits, else the known digests' sizes. */
    private static void macLength(SshPeer peer) {
        String name = peer.mac;
        if (name == null) {
            return;
        }
        int strip = name.indexOf("-etm@openssh.com");
        if (strip >= 0) {
            peer.lengthIsPlaintext = true;
            name = name.substring(0, strip);
        } else {
            strip = name.indexOf("@openssh.com");
            if (strip >= 0) {
                name = name.substring(0, strip);
            }
        }
        int dash = name.lastIndexOf('-');
        long size = dash >= 0 ? bits(name.substring(dash + 1)) : -1;
        if (size > 0 && size % 8 == 0) {
            peer.macLength = (int) (size / 8);
        } else if (name.equals("hmac-sha1") || name.equals("hmac-ripemd160")) {
            peer.macLength = 20;
        } else if (name.equals("hmac-md5")) {
            peer.macLength = 16;
        } else if (name.equals("none")) {
            peer.macLength = 0;
        }
    }

    /** A decimal number of bits as ws_strtou32 reads one (the whole text, no sign), or -1. */
    private static long bits(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        long v = Long.parseLong(s);
        return v > 0xffffffffL ? -1 : v;
    }
}
