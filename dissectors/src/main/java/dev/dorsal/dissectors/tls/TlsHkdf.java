package dev.dorsal.dissectors.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * TLS 1.3's HKDF-Expand-Label (RFC 8446, section 7.1), done with the JDK's own HKDF
 * ({@link javax.crypto.KDF}): derives record keys and IVs from traffic secrets, and the next traffic secret on a
 * KeyUpdate.
 *
 * <pre>
 * HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length)
 * struct { uint16 length; opaque label&lt;7..255&gt; = "tls13 " + Label; opaque context&lt;0..255&gt;; } HkdfLabel;
 * </pre>
 */
public final class TlsHkdf {
    private TlsHkdf() {}

    /**
     * {@code HKDF-Expand-Label(secret, label, "", length)} with {@code hash} ("SHA-256" or "SHA-384").
     */
    public static byte[] expandLabel(String hash, byte[] secret, String label, int length)
            throws GeneralSecurityException {
        byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + full.length + 1];
        info[0] = (byte) (length >> 8);
        info[1] = (byte) length;
        info[2] = (byte) full.length;
        System.arraycopy(full, 0, info, 3, full.length);
        info[3 + full.length] = 0; // empty context
        javax.crypto.KDF kdf = TlsJce.kdf("HKDF-" + hash.replace("-", ""));
        return kdf.deriveData(HKDFParameterSpec.expandOnly(new SecretKeySpec(secret, "HKDF-PRK"), info, length));
    }
}
