package dev.dorsal.dissectors.quic;

import dev.dorsal.dissectors.tls.TlsHkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * QUIC packet protection as RFC 9001 section 5 defines it, with the JDK's javax.crypto: Initial secrets
 * from the client's first Destination Connection ID, keys by TLS 1.3's HKDF-Expand-Label, header
 * protection masks by AES-ECB over a 16-byte sample, AES-GCM payloads, and the Retry integrity tag.
 *
 * <pre>
 * initial_secret = HKDF-Extract(initial_salt, client_dst_connection_id)
 * client_initial_secret = HKDF-Expand-Label(initial_secret, "client in", "", 32)   (server: "server in")
 * key = HKDF-Expand-Label(secret, "quic key", "", 16); iv = … "quic iv" 12; hp = … "quic hp" 16
 * </pre>
 */
final class QuicCrypto {
    private QuicCrypto() {}

    static final byte[] SALT_V1 = hex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");
    static final byte[] SALT_V2 = hex("0dede3def700a6db819381be6e269dcbf9bd2ed9");
    /** The draft-29 salt: tshark uses it for every version that is neither 1 nor 2. */
    static final byte[] SALT_DRAFT29 = hex("afbfec289993d24c9e9786f19c6111e04390a899");
    private static final byte[] RETRY_KEY_V1 = hex("be0c690b9f66575a1d766b54e368c84e");
    private static final byte[] RETRY_NONCE_V1 = hex("461599d35d632bf2239825bb");
    private static final byte[] RETRY_KEY_V2 = hex("8fb4b01b56ac48e260fbcbcead7ccc92");
    private static final byte[] RETRY_NONCE_V2 = hex("d86969bc2d7c6d9990efb04a");
    static final int TAG_LENGTH = 16;
    static final int SAMPLE_LENGTH = 16;

    /** Why a packet could not be decrypted, in tshark's words; thrown by {@link Keys#open}. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The AEAD key, IV and header protection key of one direction and epoch: AES-GCM with AES-ECB header
     * protection, or ChaCha20-Poly1305 with ChaCha20 header protection ({@code chacha}).
     */
    record Keys(byte[] key, byte[] iv, byte[] hp, boolean chacha) {
        Keys(byte[] key, byte[] iv, byte[] hp) {
            this(key, iv, hp, false);
        }

        /**
         * The 5-byte header protection mask for {@code sample} (RFC 9001 sections 5.4.3 and 5.4.4: ChaCha20
         * takes the sample's first four bytes as its little-endian block counter and the rest as nonce).
         */
        byte[] mask(byte[] sample) {
            if (chacha) {
                try {
                    Cipher c = Cipher.getInstance("ChaCha20");
                    int counter = (sample[0] & 0xff) | (sample[1] & 0xff) << 8 | (sample[2] & 0xff) << 16
                            | (sample[3] & 0xff) << 24;
                    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hp, "ChaCha20"),
                            new javax.crypto.spec.ChaCha20ParameterSpec(Arrays.copyOfRange(sample, 4, 16), counter));
                    return c.doFinal(new byte[5]);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("ChaCha20 unavailable", e);
                }
            }
            try {
                Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
                ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hp, "AES"));
                return Arrays.copyOf(ecb.doFinal(sample), 5);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-ECB unavailable", e);
            }
        }

        /** Decrypts {@code sealed} (ciphertext and tag) of packet {@code pn} with {@code header} as associated data. */
        byte[] open(long pn, byte[] header, byte[] sealed) throws Failure {
            if (sealed.length < TAG_LENGTH) {
                throw new Failure("Decryption not possible, ciphertext is too short");
            }
            byte[] nonce = iv.clone();
            for (int i = 0; i < 8; i++) {
                nonce[nonce.length - 1 - i] ^= (byte) (pn >>> (8 * i));
            }
            try {
                Cipher aead;
                if (chacha) {
                    aead = Cipher.getInstance("ChaCha20-Poly1305");
                    aead.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"),
                            new javax.crypto.spec.IvParameterSpec(nonce));
                } else {
                    aead = Cipher.getInstance("AES/GCM/NoPadding");
                    aead.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                            new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                }
                aead.updateAAD(header);
                return aead.doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw new Failure("Decryption (checktag) failed: Checksum error");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AEAD unavailable", e);
            }
        }
    }

    /** The Initial keys of the client ({@code server} false) or server for a connection's first DCID. */
    static Keys initial(long version, byte[] dcid, boolean server) {
        byte[] salt = version == QuicValues.VERSION_1 ? SALT_V1 : version == QuicValues.VERSION_2 ? SALT_V2
                : SALT_DRAFT29;
        byte[] initialSecret = hmac("HmacSHA256", salt, dcid);
        byte[] secret = expandLabel(initialSecret, server ? "server in" : "client in", 32);
        return fromSecret(version, secret, 16, "HmacSHA256");
    }

    /**
     * Packet protection keys from a TLS traffic secret for cipher suite {@code suite}, or null for one QUIC
     * does not use (TLS_AES_128_CCM_SHA256 and others).
     */
    static Keys fromSecret(long version, byte[] secret, int suite) {
        return switch (suite) {
            case 0x1301 -> fromSecret(version, secret, 16, "HmacSHA256");
            case 0x1302 -> fromSecret(version, secret, 32, "HmacSHA384");
            case 0x1303 -> {
                Keys k = fromSecret(version, secret, 32, "HmacSHA256");
                yield new Keys(k.key(), k.iv(), k.hp(), true);
            }
            default -> null;
        };
    }

    private static Keys fromSecret(long version, byte[] secret, int keyLength, String mac) {
        String prefix = version == QuicValues.VERSION_2 ? "quicv2 " : "quic ";
        return new Keys(expandLabel(secret, prefix + "key", keyLength, mac),
                expandLabel(secret, prefix + "iv", 12, mac), expandLabel(secret, prefix + "hp", keyLength, mac));
    }

    /** Whether {@code tag} is the Retry integrity tag of {@code retryWithoutTag} for {@code odcid} (RFC 9001 section 5.8). */
    static boolean retryTagValid(long version, byte[] odcid, byte[] retryWithoutTag, byte[] tag) {
        byte[] pseudo = new byte[1 + odcid.length + retryWithoutTag.length];
        pseudo[0] = (byte) odcid.length;
        System.arraycopy(odcid, 0, pseudo, 1, odcid.length);
        System.arraycopy(retryWithoutTag, 0, pseudo, 1 + odcid.length, retryWithoutTag.length);
        boolean v2 = version == QuicValues.VERSION_2;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(v2 ? RETRY_KEY_V2 : RETRY_KEY_V1, "AES"),
                    new GCMParameterSpec(TAG_LENGTH * 8, v2 ? RETRY_NONCE_V2 : RETRY_NONCE_V1));
            gcm.updateAAD(pseudo);
            return Arrays.equals(gcm.doFinal(), tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** TLS 1.3's HKDF-Expand-Label with SHA-256 and an empty context (RFC 8446 section 7.1). */
    static byte[] expandLabel(byte[] secret, String label, int length) {
        return expandLabel(secret, label, length, "HmacSHA256");
    }

    /** HKDF-Expand-Label with the HMAC {@code mac} ("HmacSHA256" or "HmacSHA384"), as TLS 1.3 derives its keys. */
    static byte[] expandLabel(byte[] secret, String label, int length, String mac) {
        try {
            return TlsHkdf.expandLabel(mac.equals("HmacSHA384") ? "SHA-384" : "SHA-256", secret, label, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(mac + " unavailable", e);
        }
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
