package dev.dorsal.dissectors.tls;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.Mac;

/**
 * Keeps one JCA object per algorithm and thread: looking a provider up costs more than decrypting a
 * small record, and a capture has thousands of sessions. Callers initialise what they get before each
 * use (ciphers are re-initialised per record anyway); nothing stays keyed between uses, except where
 * a caller keeps its own instance (RC4's running keystream).
 */
final class TlsJce {
    private TlsJce() {}

    private static final ThreadLocal<Map<String, Object>> CACHE = ThreadLocal.withInitial(HashMap::new);

    static Cipher cipher(String transformation) throws GeneralSecurityException {
        Object o = CACHE.get().get("cipher:" + transformation);
        if (o == null) {
            o = Cipher.getInstance(transformation);
            CACHE.get().put("cipher:" + transformation, o);
        }
        return (Cipher) o;
    }

    static Mac mac(String algorithm) throws GeneralSecurityException {
        Object o = CACHE.get().get("mac:" + algorithm);
        if (o == null) {
            o = Mac.getInstance(algorithm);
            CACHE.get().put("mac:" + algorithm, o);
        }
        return (Mac) o;
    }

    static KDF kdf(String algorithm) throws GeneralSecurityException {
        Object o = CACHE.get().get("kdf:" + algorithm);
        if (o == null) {
            o = KDF.getInstance(algorithm);
            CACHE.get().put("kdf:" + algorithm, o);
        }
        return (KDF) o;
    }
}
