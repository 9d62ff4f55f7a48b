package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects ServerKeyExchange and ClientKeyExchange (RFC 5246 section 7.4.3 and 7.4.7, RFC 8422 for
 * ECDHE) and DigitallySigned structures (CertificateVerify, ServerKeyExchange signatures). Their layout
 * depends on the key exchange of the negotiated cipher suite, read from its IANA name.
 *
 * <pre>
 * ECDHE params: curve_type(1)=3 named_curve(2) point<1..2^8-1> [signature_algorithm(2) signature<0..2^16-1>]
 * DHE params:   p<1..2^16-1> g<1..2^16-1> Ys<1..2^16-1>        [signature_algorithm(2) signature<0..2^16-1>]
 * RSA CKE:      encrypted_pre_master_secret<0..2^16-1>
 * </pre>
 */
final class TlsKeyExchange {
    private TlsKeyExchange() {}

    /** Key exchange algorithms that change how the key exchange messages look. */
    enum Kex { RSA, DHE, DH_ANON, DH_FIXED, ECDHE, ECDH_ANON, PSK, RSA_PSK, DHE_PSK, ECDHE_PSK, OTHER }

    static final FieldDef CURVE_TYPE = FieldDef.uint8("tls.handshake.server_curve_type", "Curve Type").hex()
            .vals(TlsValues.CURVE_TYPES);
    static final FieldDef NAMED_CURVE = FieldDef.uint16("tls.handshake.server_named_curve", "Named Curve").hex()
            .vals(TlsValues.GROUPS);
    static final FieldDef SERVER_POINT_LENGTH = FieldDef.uint8("tls.handshake.server_point_len", "Pubkey Length");
    static final FieldDef SERVER_POINT = FieldDef.bytes("tls.handshake.server_point", "Pubkey");
    static final FieldDef CLIENT_POINT_LENGTH = FieldDef.uint8("tls.handshake.client_point_len", "Pubkey Length");
    static final FieldDef CLIENT_POINT = FieldDef.bytes("tls.handshake.client_point", "Pubkey");
    static final FieldDef P_LENGTH = FieldDef.uint16("tls.handshake.p_len", "p Length");
    static final FieldDef P = FieldDef.bytes("tls.handshake.p", "p");
    static final FieldDef G_LENGTH = FieldDef.uint16("tls.handshake.g_len", "g Length");
    static final FieldDef G = FieldDef.bytes("tls.handshake.g", "g");
    static final FieldDef YS_LENGTH = FieldDef.uint16("tls.handshake.ys_len", "Pubkey Length");
    static final FieldDef YS = FieldDef.bytes("tls.handshake.ys", "Pubkey");
    static final FieldDef YC_LENGTH = FieldDef.uint16("tls.handshake.yc_len", "Pubkey Length");
    static final FieldDef YC = FieldDef.bytes("tls.handshake.yc", "Pubkey");
    static final FieldDef MODULUS_LENGTH = FieldDef.uint16("tls.handshake.modulus_len", "Modulus Length");
    static final FieldDef MODULUS = FieldDef.bytes("tls.handshake.modulus", "Modulus");
    static final FieldDef EXPONENT_LENGTH = FieldDef.uint16("tls.handshake.exponent_len", "Exponent Length");
    static final FieldDef EXPONENT = FieldDef.bytes("tls.handshake.exponent", "Exponent");
    static final FieldDef SIG_LEN = FieldDef.uint16("tls.handshake.sig_len", "Signature Length");
    static final FieldDef SIG = FieldDef.bytes("tls.handshake.sig", "Signature");
    static final FieldDef CERT_VERIFY_SIG_LEN = FieldDef.uint16("tls.handshake.client_cert_vrfy.sig_len",
            "Signature length");
    static final FieldDef CERT_VERIFY_SIG = FieldDef.bytes("tls.handshake.client_cert_vrfy.sig", "Signature");
    static final FieldDef EPMS_LENGTH = FieldDef.uint16("tls.handshake.epms_len", "Encrypted PreMaster length");
    static final FieldDef EPMS = FieldDef.bytes("tls.handshake.epms", "Encrypted PreMaster");
    static final FieldDef HINT_LENGTH = FieldDef.uint16("tls.handshake.hint_len", "Hint Length");
    static final FieldDef HINT = FieldDef.bytes("tls.handshake.hint", "Hint");
    static final FieldDef IDENTITY_LENGTH = FieldDef.uint16("tls.handshake.identity_len", "Identity Length");
    static final FieldDef IDENTITY = FieldDef.bytes("tls.handshake.identity", "Identity");

    static final List<FieldDef> FIELDS = List.of(CURVE_TYPE, NAMED_CURVE, SERVER_POINT_LENGTH, SERVER_POINT,
            CLIENT_POINT_LENGTH, CLIENT_POINT, P_LENGTH, P, G_LENGTH, G, YS_LENGTH, YS, YC_LENGTH, YC, MODULUS_LENGTH,
            MODULUS, EXPONENT_LENGTH, EXPONENT, SIG_LEN, SIG, CERT_VERIFY_SIG_LEN, CERT_VERIFY_SIG, EPMS_LENGTH, EPMS,
            HINT_LENGTH, HINT, IDENTITY_LENGTH, IDENTITY);

    /** The key exchange of a cipher suite, from its name ("TLS_ECDHE_RSA_WITH_..." is ECDHE). */
    static Kex kex(int suite) {
        if (suite < 0) {
            return Kex.OTHER;
        }
        String name = TlsCipherSuites.NAMES.name(suite);
        if (name == null) {
            return Kex.OTHER;
        }
        int with = name.indexOf("_WITH_");
        if (with < 0) {
            return Kex.OTHER; // TLS 1.3 suites and signalling values name no key exchange
        }
        String k = name.substring(name.indexOf('_') + 1, with);
        if (k.startsWith("ECDHE_PSK")) {
            return Kex.ECDHE_PSK;
        }
        if (k.startsWith("ECDHE_") || k.startsWith("ECDH_ECDSA") || k.startsWith("ECDH_RSA")) {
            return Kex.ECDHE;
        }
        if (k.startsWith("ECDH_anon")) {
            return Kex.ECDH_ANON;
        }
        if (k.startsWith("DHE_PSK")) {
            return Kex.DHE_PSK;
        }
        if (k.startsWith("DHE_")) {
            return Kex.DHE;
        }
        if (k.startsWith("DH_anon")) {
            return Kex.DH_ANON;
        }
        if (k.startsWith("DH_")) {
            return Kex.DH_FIXED;
        }
        if (k.startsWith("RSA_PSK")) {
            return Kex.RSA_PSK;
        }
        if (k.equals("PSK")) {
            return Kex.PSK;
        }
        if (k.startsWith("RSA")) {
            return Kex.RSA;
        }
        return Kex.OTHER;
    }

    static void server(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end) {
        int version = ctx.session.version;
        switch (kex(ctx.session.cipherSuite)) {
            case DH_ANON -> dhe(ctx, hs, tvb, offset, end, version, true);
            case DHE -> dhe(ctx, hs, tvb, offset, end, version, false);
            case ECDH_ANON -> ecdhe(ctx, hs, tvb, offset, end, version, true);
            case ECDHE -> ecdhe(ctx, hs, tvb, offset, end, version, false);
            case PSK, RSA_PSK -> psk(hs, tvb, offset, end - offset, HINT_LENGTH, HINT, "PSK Server Params");
            case RSA -> rsaExport(ctx, hs, tvb, offset, end, version);
            default -> { }
        }
    }

    static void client(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int length) {
        switch (kex(ctx.session.cipherSuite)) {
            case DH_ANON, DH_FIXED, DHE -> {
                ProtoItem t = hs.addText(tvb, offset, length, "Diffie-Hellman Client Params");
                int n = tvb.u16(offset);
                t.add(YC_LENGTH, tvb, offset, 2);
                t.add(YC, tvb, offset + 2, n);
            }
            case ECDHE, ECDH_ANON -> {
                ProtoItem t = hs.addText(tvb, offset, length, "EC Diffie-Hellman Client Params");
                int n = tvb.u8(offset);
                t.add(CLIENT_POINT_LENGTH, tvb, offset, 1);
                t.add(CLIENT_POINT, tvb, offset + 1, n);
                ctx.session.flow.keyShare(true);
            }
            case PSK -> psk(hs, tvb, offset, length, IDENTITY_LENGTH, IDENTITY, "PSK Client Params");
            case RSA -> {
                ProtoItem t = hs.addText(tvb, offset, length, "RSA Encrypted PreMaster Secret");
                int n;
                if (ctx.session.version == TlsSession.SSLV3 || ctx.session.version == TlsSession.SSLV2) {
                    n = length; // SSL 3.0 has no length prefix before the encrypted premaster secret
                } else {
                    n = tvb.u16(offset);
                    t.add(EPMS_LENGTH, tvb, offset, 2);
                    offset += 2;
                }
                t.add(EPMS, tvb, offset, n);
                if (tvb.has(offset, n)) {
                    TlsDecryption.encryptedPremaster(ctx, tvb.bytes(offset, n));
                }
            }
            case RSA_PSK -> {
                ProtoItem t = hs.addText(tvb, offset, length, "RSA PSK Client Params");
                int id = tvb.u16(offset);
                t.add(IDENTITY_LENGTH, tvb, offset, 2);
                t.add(IDENTITY, tvb, offset + 2, id);
                offset += 2 + id;
                int n = tvb.u16(offset);
                t.add(EPMS_LENGTH, tvb, offset, 2);
                t.add(EPMS, tvb, offset + 2, n);
            }
            default -> { }
        }
    }

    private static void ecdhe(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end, int version, boolean anon) {
        ProtoItem t = hs.addText(tvb, offset, end - offset, "EC Diffie-Hellman Server Params");
        int curveType = tvb.u8(offset);
        t.add(CURVE_TYPE, tvb, offset, 1);
        offset++;
        if (curveType != 3) {
            return; // only named curves are decoded
        }
        ctx.session.flow.keyExchangeGroup(tvb.u16(offset));
        t.add(NAMED_CURVE, tvb, offset, 2);
        offset += 2;
        int n = tvb.u8(offset);
        t.add(SERVER_POINT_LENGTH, tvb, offset, 1);
        t.add(SERVER_POINT, tvb, offset + 1, n);
        offset += 1 + n;
        if (!anon) {
            digitallySigned(ctx, t, tvb, offset, end, version, SIG_LEN, SIG);
        }
    }

    private static void dhe(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end, int version, boolean anon) {
        ProtoItem t = hs.addText(tvb, offset, end - offset, "Diffie-Hellman Server Params");
        offset = prefixed(t, tvb, offset, P_LENGTH, P);
        offset = prefixed(t, tvb, offset, G_LENGTH, G);
        offset = prefixed(t, tvb, offset, YS_LENGTH, YS);
        if (!anon) {
            digitallySigned(ctx, t, tvb, offset, end, version, SIG_LEN, SIG);
        }
    }

    /** RSA-EXPORT server parameters: a temporary RSA key, signed. */
    private static void rsaExport(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end, int version) {
        ProtoItem t = hs.addText(tvb, offset, end - offset, "RSA-EXPORT Server Params");
        offset = prefixed(t, tvb, offset, MODULUS_LENGTH, MODULUS);
        offset = prefixed(t, tvb, offset, EXPONENT_LENGTH, EXPONENT);
        digitallySigned(ctx, t, tvb, offset, end, version, SIG_LEN, SIG);
    }

    private static void psk(ProtoItem hs, Tvb tvb, int offset, int length, FieldDef lengthField, FieldDef field,
            String label) {
        int n = tvb.u16(offset);
        if (lengthField == HINT_LENGTH && 2 + n != length) {
            return; // the hint does not fill the message: not what was expected
        }
        ProtoItem t = hs.addText(tvb, offset, length, label);
        t.add(lengthField, tvb, offset, 2);
        t.add(field, tvb, offset + 2, n);
    }

    private static int prefixed(ProtoItem tree, Tvb tvb, int offset, FieldDef lengthField, FieldDef field) {
        int n = tvb.u16(offset);
        tree.addUint(lengthField, tvb, offset, 2, n);
        tree.add(field, tvb, offset + 2, n);
        return offset + 2 + n;
    }

    /**
     * A DigitallySigned structure: the signature algorithm (TLS 1.2 and 1.3 only) and the signature;
     * returns the offset after it.
     */
    static int digitallySigned(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end, int version,
            FieldDef lengthField, FieldDef field) {
        if (version == TlsSession.TLS12 || version == TlsSession.TLS13 || version == 0xfefd) {
            TlsExtensions.signatureAlgorithm(ctx, tree, tvb, offset);
            offset += 2;
        }
        int n = TlsVectors.length(tree, tvb, offset, end, lengthField, 0, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        tree.add(field, tvb, offset, n);
        return offset + n;
    }
}
