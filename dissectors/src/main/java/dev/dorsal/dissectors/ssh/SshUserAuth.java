package dev.dorsal.dissectors.ssh;

import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads decrypted user authentication messages (RFC 4252) as tshark 4.0.17 does: requests with the
 * "publickey" and "password" methods' fields, failures, and PK_OK (code 60) with its key blob.
 */
final class SshUserAuth {
    static final FieldDef USER_NAME_LENGTH = FieldDef.uint32("ssh.userauth_user_name_length", "User Name length");
    static final FieldDef USER_NAME = FieldDef.string("ssh.userauth_user_name", "User Name");
    static final FieldDef CHANGE_PASSWORD = FieldDef.bool("ssh.userauth.change_password", "Change password");
    static final FieldDef SERVICE_NAME_LENGTH = FieldDef.uint32("ssh.userauth_service_name_length",
            "Service Name length");
    static final FieldDef SERVICE_NAME = FieldDef.string("ssh.userauth_service_name", "Service Name");
    static final FieldDef METHOD_NAME_LENGTH = FieldDef.uint32("ssh.userauth_method_name_length", "Method Name length");
    static final FieldDef METHOD_NAME = FieldDef.string("ssh.userauth_method_name", "Method Name");
    static final FieldDef HAVE_SIGNATURE = FieldDef.bool("ssh.userauth.have_signature", "Have signature");
    static final FieldDef PASSWORD_LENGTH = FieldDef.uint32("ssh.userauth_password_length", "Password length");
    static final FieldDef PASSWORD = FieldDef.string("ssh.userauth_password", "Password");
    static final FieldDef NEW_PASSWORD_LENGTH = FieldDef.uint32("ssh.userauth_new_password_length",
            "New password length");
    static final FieldDef NEW_PASSWORD = FieldDef.string("ssh.userauth_new_password", "New password");
    static final FieldDef FAILURE_LIST_LENGTH = FieldDef.uint32("ssh.auth_failure_cont_list_length",
            "Authentications that can continue list len");
    static final FieldDef FAILURE_LIST = FieldDef.string("ssh.auth_failure_cont_list",
            "Authentications that can continue list");
    static final FieldDef PARTIAL_SUCCESS = FieldDef.bool("ssh.userauth.partial_success", "Partial success");
    static final FieldDef PKA_NAME_LENGTH = FieldDef.uint32("ssh.userauth_pka_name_length",
            "Public key algorithm name length");
    static final FieldDef PKA_NAME = FieldDef.string("ssh.userauth_pka_name", "Public key algorithm name");
    static final FieldDef BLOB_NAME_LENGTH = FieldDef.uint32("ssh.pk_blob_name_length",
            "Public key blob algorithm name length");
    static final FieldDef BLOB_NAME = FieldDef.string("ssh.pk_blob_name", "Public key blob algorithm name");
    static final FieldDef BLOB_LENGTH = FieldDef.uint32("ssh.pk_blob_length", "Public key blob length");
    static final FieldDef BLOB_RSA_N = FieldDef.bytes("ssh.blob.ssh-rsa.n", "ssh-rsa modulus (n)");
    static final FieldDef BLOB_RSA_E = FieldDef.bytes("ssh.blob.ssh-rsa.e", "ssh-rsa public exponent (e)");
    static final FieldDef SIG_BLOB_LENGTH = FieldDef.uint32("ssh.pk_sig_blob_length", "Public key signature blob length");
    static final FieldDef SIG_BLOB_NAME_LENGTH = FieldDef.uint32("ssh.pk_sig_blob_name_length",
            "Public key signature blob algorithm name length");
    static final FieldDef SIG_BLOB_NAME = FieldDef.string("ssh.pk_sig_blob_name",
            "Public key signature blob algorithm name");
    static final FieldDef SIG_RSA_LENGTH = FieldDef.uint32("ssh.sig.ssh-rsa.length", "ssh-rsa signature length");
    static final FieldDef SIG_RSA_S = FieldDef.bytes("ssh.sig.ssh-rsa.s", "ssh-rsa signature (s)");

    static final List<FieldDef> FIELDS = List.of(USER_NAME_LENGTH, USER_NAME, CHANGE_PASSWORD, SERVICE_NAME_LENGTH,
            SERVICE_NAME, METHOD_NAME_LENGTH, METHOD_NAME, HAVE_SIGNATURE, PASSWORD_LENGTH, PASSWORD,
            NEW_PASSWORD_LENGTH, NEW_PASSWORD, FAILURE_LIST_LENGTH, FAILURE_LIST, PARTIAL_SUCCESS, PKA_NAME_LENGTH,
            PKA_NAME, BLOB_NAME_LENGTH, BLOB_NAME, BLOB_LENGTH, BLOB_RSA_N, BLOB_RSA_E, SIG_BLOB_LENGTH,
            SIG_BLOB_NAME_LENGTH, SIG_BLOB_NAME, SIG_RSA_LENGTH, SIG_RSA_S);

    private SshUserAuth() {}

    /** Codes 50 to 59, from {@code offset} (after the code); returns the offset after what was read. */
    static int generic(ProtoItem tree, Tvb tvb, int offset, int code) {
        if (code == 50) {
            offset = SshMessages.lengthAndString(tree, tvb, offset, USER_NAME_LENGTH, USER_NAME);
            offset = SshMessages.lengthAndString(tree, tvb, offset, SERVICE_NAME_LENGTH, SERVICE_NAME);
            long len = tvb.u32(offset);
            tree.add(METHOD_NAME_LENGTH, tvb, offset, 4);
            offset += 4;
            int n = SshTransport.itemLength(tvb, offset, len);
            SshDissector.string(tree, METHOD_NAME, tvb, offset, n);
            String method = AsciiText.of(tvb, offset, n);
            offset += (int) len;
            if (method.equals("publickey")) {
                int haveSignature = tvb.u8(offset);
                tree.add(HAVE_SIGNATURE, tvb, offset, 1);
                offset += 1;
                offset = SshMessages.lengthAndString(tree, tvb, offset, PKA_NAME_LENGTH, PKA_NAME);
                long blobLen = tvb.u32(offset);
                tree.add(BLOB_LENGTH, tvb, offset, 4);
                offset += 4;
                offset = blob(tree, tvb, offset, blobLen, "Public key blob", true);
                if (haveSignature != 0) {
                    long sigLen = tvb.u32(offset);
                    tree.add(SIG_BLOB_LENGTH, tvb, offset, 4);
                    offset += 4;
                    offset = blob(tree, tvb, offset, sigLen, "Public key signature", false);
                }
            } else if (method.equals("password")) {
                int change = tvb.u8(offset);
                tree.add(CHANGE_PASSWORD, tvb, offset, 1);
                offset += 1;
                offset = SshMessages.lengthAndString(tree, tvb, offset, PASSWORD_LENGTH, PASSWORD);
                if (change != 0) {
                    offset = SshMessages.lengthAndString(tree, tvb, offset, NEW_PASSWORD_LENGTH, NEW_PASSWORD);
                }
            }
        } else if (code == 51) {
            offset = SshMessages.lengthAndString(tree, tvb, offset, FAILURE_LIST_LENGTH, FAILURE_LIST);
            tree.add(PARTIAL_SUCCESS, tvb, offset, 1);
            offset += 1;
        }
        return offset;
    }

    /** Codes 60 to 79: only PK_OK (60) has fields. */
    static int specific(ProtoItem tree, Tvb tvb, int offset, int code) {
        if (code == 60) {
            offset = SshMessages.lengthAndString(tree, tvb, offset, PKA_NAME_LENGTH, PKA_NAME);
            long blobLen = tvb.u32(offset);
            ProtoItem length = tree.add(BLOB_LENGTH, tvb, offset, 4);
            offset += 4;
            offset = keyBlob(tree, length, tvb, offset, blobLen);
        }
        return offset;
    }

    /**
     * A public key blob in its own subtree, with the length mismatch warning on {@code length} (the item
     * of its length word), as PK_OK and the hostkeys global request have it; returns the offset after it.
     */
    static int keyBlob(ProtoItem tree, ProtoItem length, Tvb tvb, int offset, long blobLen) {
        ProtoItem blob = SshTransport.subtree(tree, tvb, offset, (int) blobLen, "Public key blob");
        int decoded = publicKeyBlob(blob, tvb, offset) - offset;
        if (decoded != (int) blobLen) {
            (length != tree ? length : tree).expert(SshTransport.PACKET_DECODE_ERROR,
                    "Decoded " + decoded + " bytes, but packet legnth is " + (int) blobLen + " bytes");
        }
        return offset + (int) blobLen;
    }

    /** A key or signature blob in its own subtree, warned about when its parts do not add up to its length. */
    private static int blob(ProtoItem tree, Tvb tvb, int offset, long len, String title, boolean key) {
        ProtoItem sub = SshTransport.subtree(tree, tvb, offset, (int) len, title);
        int decoded = (key ? publicKeyBlob(sub, tvb, offset) : signatureBlob(sub, tvb, offset)) - offset;
        if (decoded != (int) len) {
            sub.expert(SshTransport.PACKET_DECODE_ERROR,
                    "Decoded " + decoded + " bytes, but packet legnth is " + (int) len + " bytes");
        }
        return offset + (int) len;
    }

    private static int publicKeyBlob(ProtoItem tree, Tvb tvb, int offset) {
        long len = tvb.u32(offset);
        tree.add(BLOB_NAME_LENGTH, tvb, offset, 4);
        offset += 4;
        int n = SshTransport.itemLength(tvb, offset, len);
        SshDissector.string(tree, BLOB_NAME, tvb, offset, n);
        offset += (int) len;
        // tshark 4.0.17 reads every key blob as an RSA key, whatever its algorithm name.
        offset += SshKex.mpint(tree, tvb, offset, BLOB_RSA_E);
        offset += SshKex.mpint(tree, tvb, offset, BLOB_RSA_N);
        return offset;
    }

    private static int signatureBlob(ProtoItem tree, Tvb tvb, int offset) {
        long len = tvb.u32(offset);
        tree.add(SIG_BLOB_NAME_LENGTH, tvb, offset, 4);
        offset += 4;
        int n = SshTransport.itemLength(tvb, offset, len);
        SshDissector.string(tree, SIG_BLOB_NAME, tvb, offset, n);
        offset += (int) len;
        // tshark 4.0.17 reads every signature blob as an RSA signature, whatever its algorithm name.
        long sLen = tvb.u32(offset);
        tree.add(SIG_RSA_LENGTH, tvb, offset, 4);
        offset += 4;
        tree.add(SIG_RSA_S, tvb, offset, SshTransport.itemLength(tvb, offset, sLen));
        offset += (int) sLen;
        return offset;
    }
}
