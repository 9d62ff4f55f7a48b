package dev.dorsal.dissectors.ssh;

import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the server's host key and exchange-hash signature of a key exchange reply (RFC 4253 section
 * 6.6): each a length-prefixed blob starting with its type name, shown in a "KEX host key (type: T)"
 * or "KEX host signature (type: T)" subtree. RSA, DSA, ECDSA and EdDSA keys are taken apart; of the
 * signatures only RSA and DSA are (as in tshark), and a signature whose parts do not add up to its
 * length gets tshark's warning, spelling included.
 */
final class SshHostKey {
    static final FieldDef KEY_LENGTH = FieldDef.uint32("ssh.host_key.length", "Host key length");
    static final FieldDef KEY_TYPE_LENGTH = FieldDef.uint32("ssh.host_key.type_length", "Host key type length");
    static final FieldDef KEY_TYPE = FieldDef.string("ssh.host_key.type", "Host key type");
    static final FieldDef KEY_DATA = FieldDef.bytes("ssh.host_key.data", "Host key data");
    static final FieldDef RSA_N = FieldDef.bytes("ssh.host_key.rsa.n", "RSA modulus (N)");
    static final FieldDef RSA_E = FieldDef.bytes("ssh.host_key.rsa.e", "RSA public exponent (e)");
    static final FieldDef DSA_P = FieldDef.bytes("ssh.host_key.dsa.p", "DSA prime modulus (p)");
    static final FieldDef DSA_Q = FieldDef.bytes("ssh.host_key.dsa.q", "DSA prime divisor (q)");
    static final FieldDef DSA_G = FieldDef.bytes("ssh.host_key.dsa.g", "DSA subgroup generator (g)");
    static final FieldDef DSA_Y = FieldDef.bytes("ssh.host_key.dsa.y", "DSA public key (y)");
    static final FieldDef ECDSA_ID = FieldDef.string("ssh.host_key.ecdsa.id", "ECDSA elliptic curve identifier");
    static final FieldDef ECDSA_ID_LENGTH = FieldDef.uint32("ssh.host_key.ecdsa.id_length",
            "ECDSA elliptic curve identifier length");
    static final FieldDef ECDSA_Q = FieldDef.bytes("ssh.host_key.ecdsa.q", "ECDSA public key (Q)");
    static final FieldDef ECDSA_Q_LENGTH = FieldDef.uint32("ssh.host_key.ecdsa.q_length", "ECDSA public key length");
    static final FieldDef EDDSA_KEY = FieldDef.bytes("ssh.host_key.eddsa.key", "EdDSA public key");
    static final FieldDef EDDSA_KEY_LENGTH = FieldDef.uint32("ssh.host_key.eddsa.key_length", "EdDSA public key length");
    static final FieldDef SIG_LENGTH = FieldDef.uint32("ssh.host_sig.length", "Host signature length");
    static final FieldDef SIG_TYPE_LENGTH = FieldDef.uint32("ssh.host_sig.type_length", "Host signature type length");
    static final FieldDef SIG_TYPE = FieldDef.string("ssh.host_sig.type", "Host signature type");
    static final FieldDef SIG_DATA = FieldDef.bytes("ssh.host_sig.data", "Host signature data");
    static final FieldDef SIG_RSA = FieldDef.bytes("ssh.host_sig.rsa", "RSA signature");
    static final FieldDef SIG_DSA = FieldDef.bytes("ssh.host_sig.dsa", "DSA signature");

    static final List<FieldDef> FIELDS = List.of(KEY_LENGTH, KEY_TYPE_LENGTH, KEY_TYPE, KEY_DATA, RSA_N, RSA_E, DSA_P,
            DSA_Q, DSA_G, DSA_Y, ECDSA_ID, ECDSA_ID_LENGTH, ECDSA_Q, ECDSA_Q_LENGTH, EDDSA_KEY, EDDSA_KEY_LENGTH,
            SIG_LENGTH, SIG_TYPE_LENGTH, SIG_TYPE, SIG_DATA, SIG_RSA, SIG_DSA);

    private SshHostKey() {}

    /** The host key blob K_S at {@code offset}; returns its size with the length word. */
    static int hostKey(ProtoItem parent, Tvb tvb, int offset) {
        int start = offset;
        long keyLen = tvb.u32(offset);
        long typeLen = tvb.u32(offset + 4);
        int typeAt = offset + 8;
        int n = SshTransport.fetchLength(tvb, typeAt, typeLen);
        String type = AsciiText.of(tvb, typeAt, n);
        ProtoItem tree = SshTransport.subtree(parent, tvb, start, (int) keyLen + 4, "KEX host key (type: " + type + ")");
        tree.addUint(KEY_LENGTH, tvb, start, 4, keyLen);
        // tshark copies the whole blob for its exchange hash: a blob cut short fails here.
        tvb.bytes(start + 4, SshTransport.fetchLength(tvb, start + 4, keyLen));
        tree.addUint(KEY_TYPE_LENGTH, tvb, start + 4, 4, typeLen);
        tree.addString(KEY_TYPE, tvb, typeAt, n, type);
        offset = typeAt + (int) typeLen;
        if (type.equals("ssh-rsa")) {
            offset += SshKex.mpint(tree, tvb, offset, RSA_E);
            SshKex.mpint(tree, tvb, offset, RSA_N);
        } else if (type.equals("ssh-dss")) {
            offset += SshKex.mpint(tree, tvb, offset, DSA_P);
            offset += SshKex.mpint(tree, tvb, offset, DSA_Q);
            offset += SshKex.mpint(tree, tvb, offset, DSA_G);
            SshKex.mpint(tree, tvb, offset, DSA_Y);
        } else if (type.startsWith("ecdsa-sha2-")) {
            offset += SshKex.string(tree, tvb, offset, ECDSA_ID_LENGTH, ECDSA_ID);
            SshKex.string(tree, tvb, offset, ECDSA_Q_LENGTH, ECDSA_Q);
        } else if (type.startsWith("ssh-ed")) {
            SshKex.string(tree, tvb, offset, EDDSA_KEY_LENGTH, EDDSA_KEY);
        } else {
            long rest = (keyLen - (typeLen + 4)) & 0xffffffffL;
            tree.add(KEY_DATA, tvb, offset, SshTransport.itemLength(tvb, offset, rest));
        }
        return 4 + (int) keyLen;
    }

    /** The signature blob at {@code offset}; returns its size with the length word. */
    static int signature(ProtoItem parent, Tvb tvb, int offset) {
        int start = offset;
        long sigLen = tvb.u32(offset);
        long typeLen = tvb.u32(offset + 4);
        int typeAt = offset + 8;
        int n = SshTransport.fetchLength(tvb, typeAt, typeLen);
        String type = AsciiText.of(tvb, typeAt, n);
        ProtoItem tree = SshTransport.subtree(parent, tvb, start, (int) sigLen + 4,
                "KEX host signature (type: " + type + ")");
        ProtoItem length = tree.addUint(SIG_LENGTH, tvb, start, 4, sigLen);
        tree.addUint(SIG_TYPE_LENGTH, tvb, start + 4, 4, typeLen);
        tree.addString(SIG_TYPE, tvb, typeAt, n, type);
        offset = typeAt + (int) typeLen;
        if (type.equals("ssh-rsa")) {
            offset += SshKex.mpint(tree, tvb, offset, SIG_RSA);
        } else if (type.equals("ssh-dss")) {
            offset += SshKex.mpint(tree, tvb, offset, SIG_DSA);
        } else if (!type.startsWith("ecdsa-sha2-") && !type.startsWith("ssh-ed")) {
            long rest = (sigLen - (typeLen + 4)) & 0xffffffffL;
            tree.add(SIG_DATA, tvb, offset, SshTransport.itemLength(tvb, offset, rest));
        }
        int decoded = offset - start;
        if (decoded != (int) (4 + sigLen)) {
            String msg = "Decoded " + decoded + " bytes, but packet legnth is " + (int) sigLen + " bytes";
            (length != tree ? length : tree).expert(SshTransport.PACKET_DECODE_ERROR, msg);
        }
        return 4 + (int) sigLen;
    }
}
