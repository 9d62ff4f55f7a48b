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
        return cached("cipher:" + transformation, () -> Cipher.getInstance(transformation));
    }

    static Mac mac(String algorithm) throws GeneralSecurityException {
        return cached("mac:" + algorithm, () -> Mac.getInstance(algorithm));
    }

    static KDF kdf(String algorithm) throws GeneralSecurityException {
        return cached("kdf:" + algorithm, () -> KDF.getInstance(algorithm));
    }

    /** Makes a JCE object; lookups by name are slow enough to keep one per thread. */
    @FunctionalInterface
    private interface Factory<T> {
        T create() throws GeneralSecurityException;
    }

    @SuppressWarnings("unchecked") // each key names one type of object
    private static <T> T cached(String key, Factory<T> factory) throws GeneralSecurityException {
        Map<String, Object> cache = CACHE.get();
        Object o = cache.get(key);
        if (o == null) {
            o = factory.create();
            cache.put(key, o);
        }
        return (T) o;
    }
}
