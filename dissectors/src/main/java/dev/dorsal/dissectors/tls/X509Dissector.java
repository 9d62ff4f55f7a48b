package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Dissects a DER X.509 certificate (RFC 5280, section 4.1) into the tree tshark shows below a TLS
 * Certificate entry: signedCertificate (version, serial, signature algorithm, issuer, validity,
 * subject, public key, extensions), the signature algorithm and the signature.
 *
 * <pre>
 * Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }
 * </pre>
 */
final class X509Dissector {
    private X509Dissector() {}

    /** Labels show at most this many bytes of a number, then an ellipsis (as tshark shows byte fields). */
    private static final int LABEL_BYTES = 36;

    /** Dissects the certificate at [{@code offset}, {@code offset + length}) under {@code parent}; returns its subject. */
    static String certificate(PacketInfo pinfo, ProtoItem parent, Tvb tvb, int offset, int length) {
        Der.Tlv cert = Der.read(tvb, offset, offset + length);
        Der.Tlv tbs = Der.read(tvb, cert.content(), cert.end());
        String subject = tbsCertificate(pinfo, parent, tvb, tbs);
        int at = tbs.end();
        Der.Tlv alg = Der.read(tvb, at, cert.end());
        algorithmIdentifier(pinfo, parent, X509Fields.ALGORITHM_IDENTIFIER, tvb, alg);
        at = alg.end();
        if (at < cert.end()) {
            Der.Tlv sig = Der.read(tvb, at, cert.end());
            parent.addUint(X509Fields.BITSTRING_PADDING, tvb, sig.content(), 1, tvb.u8(sig.content()));
            parent.add(X509Fields.ENCRYPTED, tvb, sig.content() + 1, sig.length() - 1);
        }
        return subject;
    }

    private static String tbsCertificate(PacketInfo pinfo, ProtoItem parent, Tvb tvb, Der.Tlv tbs) {
        ProtoItem sc = parent.add(X509Fields.SIGNED_CERTIFICATE, tvb, tbs.start(), tbs.end() - tbs.start());
        String subject = "";
        int at = tbs.content();
        Der.Tlv e = Der.read(tvb, at, tbs.end());
        if (e.is(Der.CONTEXT, 0)) {
            Der.Tlv v = Der.read(tvb, e.content(), e.end());
            sc.addUint(X509Fields.VERSION, tvb, v.content(), v.length(), Der.integer(tvb, v.content(), v.length()));
            at = e.end();
            e = Der.read(tvb, at, tbs.end());
        }
        hexNumber(sc, X509Fields.SERIAL_NUMBER, tvb, e.content(), e.length());
        at = e.end();
        e = Der.read(tvb, at, tbs.end());
        algorithmIdentifier(pinfo, sc, X509Fields.SIGNATURE, tvb, e);
        at = e.end();
        e = Der.read(tvb, at, tbs.end());
        ProtoItem issuer = sc.addUint(X509Fields.ISSUER, tvb, e.start(), e.end() - e.start(), 0);
        X509Names.rdnSequence(pinfo, issuer, tvb, e, X509Fields.IF_RDN_SEQUENCE, true);
        at = e.end();
        e = Der.read(tvb, at, tbs.end());
        validity(sc, tvb, e);
        at = e.end();
        e = Der.read(tvb, at, tbs.end());
        ProtoItem subjectItem = sc.addUint(X509Fields.SUBJECT, tvb, e.start(), e.end() - e.start(), 0);
        subject = X509Names.rdnSequence(pinfo, subjectItem, tvb, e, X509Fields.AF_RDN_SEQUENCE, true);
        at = e.end();
        e = Der.read(tvb, at, tbs.end());
        subjectPublicKeyInfo(pinfo, sc, tvb, e);
        at = e.end();
        while (at < tbs.end()) {
            e = Der.read(tvb, at, tbs.end());
            at = e.end();
            if (e.is(Der.CONTEXT, 1)) {
                sc.add(X509Fields.ISSUER_UID, tvb, e.content(), e.length());
            } else if (e.is(Der.CONTEXT, 2)) {
                sc.add(X509Fields.SUBJECT_UID, tvb, e.content(), e.length());
            } else if (e.is(Der.CONTEXT, 3)) {
                extensions(pinfo, sc, tvb, Der.read(tvb, e.content(), e.end()));
            }
        }
        return subject;
    }

    private static void validity(ProtoItem sc, Tvb tvb, Der.Tlv seq) {
        ProtoItem validity = sc.add(X509Fields.VALIDITY, tvb, seq.start(), seq.end() - seq.start());
        int at = seq.content();
        for (FieldDef f : new FieldDef[] {X509Fields.NOT_BEFORE, X509Fields.NOT_AFTER}) {
            if (at >= seq.end()) {
                return;
            }
            Der.Tlv t = Der.read(tvb, at, seq.end());
            at = t.end();
            String text = tvb.ascii(t.content(), t.length());
            if (t.universal(Der.GENERALIZED_TIME)) {
                ProtoItem choice = validity.addUint(f, tvb, t.start(), t.end() - t.start(), 1);
                choice.addTime(X509Fields.GENERALIZED_TIME, tvb, t.content(), t.length(), generalizedTime(text));
            } else {
                ProtoItem choice = validity.addUint(f, tvb, t.start(), t.end() - t.start(), 0);
                choice.addString(X509Fields.UTC_TIME, tvb, t.content(), t.length(), utcTime(text));
            }
        }
    }

    /** "261127043834Z" as tshark shows a UTCTime: "2026-11-27 04:38:34 (UTC)". */
    static String utcTime(String s) {
        if (s.length() < 11) {
            return s;
        }
        int yy = Integer.parseInt(s.substring(0, 2));
        String century = yy < 50 ? "20" : "19";
        String sec = s.length() >= 13 && Character.isDigit(s.charAt(10)) ? s.substring(10, 12) : "00";
        char zone = s.charAt(s.length() - 1);
        return century + s.substring(0, 2) + "-" + s.substring(2, 4) + "-" + s.substring(4, 6) + " " + s.substring(6, 8)
                + ":" + s.substring(8, 10) + ":" + sec + " (" + (zone == 'Z' ? "UTC" : s.substring(s.length() - 5)) + ")";
    }

    /** A GeneralizedTime "YYYYMMDDHHMMSSZ" in nanoseconds since the epoch. */
    static long generalizedTime(String s) {
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(8, 10)),
                    Integer.parseInt(s.substring(10, 12)), s.length() >= 14 ? Integer.parseInt(s.substring(12, 14)) : 0);
            return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void subjectPublicKeyInfo(PacketInfo pinfo, ProtoItem sc, Tvb tvb, Der.Tlv seq) {
        ProtoItem spki = sc.add(X509Fields.SPKI, tvb, seq.start(), seq.end() - seq.start());
        Der.Tlv alg = Der.read(tvb, seq.content(), seq.end());
        String oid = algorithmIdentifier(pinfo, spki, X509Fields.ALGORITHM, tvb, alg);
        if (alg.end() >= seq.end()) {
            return;
        }
        Der.Tlv key = Der.read(tvb, alg.end(), seq.end());
        int bytes = key.content() + 1;
        int n = key.length() - 1;
        if (oid.equals("1.2.840.113549.1.1.1")) {
            // An RSA key is decoded as PKCS#1 RSAPublicKey, without showing the bit string's padding.
            ProtoItem pk = spki.add(X509Fields.SUBJECT_PUBLIC_KEY, tvb, bytes, n);
            Der.Tlv rsa = Der.read(tvb, bytes, bytes + n);
            Der.Tlv modulus = Der.read(tvb, rsa.content(), rsa.end());
            hexNumber(pk, X509Fields.MODULUS, tvb, modulus.content(), modulus.length());
            Der.Tlv exponent = Der.read(tvb, modulus.end(), rsa.end());
            pk.addUint(X509Fields.PUBLIC_EXPONENT, tvb, exponent.content(), exponent.length(),
                    Der.integer(tvb, exponent.content(), exponent.length()));
        } else {
            spki.addUint(X509Fields.BITSTRING_PADDING, tvb, key.content(), 1, tvb.u8(key.content()));
            spki.add(X509Fields.SUBJECT_PUBLIC_KEY, tvb, bytes, n);
        }
    }

    /** An AlgorithmIdentifier: "name (algorithm)" over its "Algorithm Id"; returns the OID. */
    private static String algorithmIdentifier(PacketInfo pinfo, ProtoItem parent, FieldDef field, Tvb tvb, Der.Tlv seq) {
        ProtoItem item = parent.add(field, tvb, seq.start(), seq.end() - seq.start());
        Der.Tlv id = Der.read(tvb, seq.content(), seq.end());
        String oid = Der.oid(tvb, id.content(), id.length());
        item.appendText(" (" + X509Oids.name(oid) + ")");
        oidItem(item, X509Fields.ALGORITHM_ID, tvb, id, oid);
        if (id.end() < seq.end()) {
            Der.Tlv params = Der.read(tvb, id.end(), seq.end());
            if (oid.equals("1.2.840.10045.2.1") && params.universal(Der.OID)) {
                pinfo.addLayerName("pkcs-1");
                ProtoItem ec = item.addUint(X509Fields.EC_PARAMETERS, tvb, params.start(), params.end() - params.start(), 1);
                oidItem(ec, X509Fields.NAMED_CURVE, tvb, params, Der.oid(tvb, params.content(), params.length()));
            }
        }
        return oid;
    }

    private static void extensions(PacketInfo pinfo, ProtoItem sc, Tvb tvb, Der.Tlv seq) {
        int count = 0;
        for (int at = seq.content(); at < seq.end(); count++) {
            at = Der.read(tvb, at, seq.end()).end();
        }
        ProtoItem list = sc.addUint(X509Fields.EXTENSIONS, tvb, seq.start(), seq.end() - seq.start(), count);
        if (sc.tree().detailed()) {
            list.setText(X509Names.items("extensions", count));
        }
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv ext = Der.read(tvb, at, seq.end());
            at = ext.end();
            ProtoItem item = list.add(X509Fields.EXTENSION, tvb, ext.start(), ext.end() - ext.start());
            Der.Tlv id = Der.read(tvb, ext.content(), ext.end());
            String oid = Der.oid(tvb, id.content(), id.length());
            item.appendText(" (" + X509Oids.name(oid) + ")");
            oidItem(item, X509Fields.EXTENSION_ID, tvb, id, oid);
            int p = id.end();
            Der.Tlv e = Der.read(tvb, p, ext.end());
            if (e.universal(Der.BOOLEAN)) {
                item.addBool(X509Fields.CRITICAL, tvb, e.content(), e.length(), tvb.u8(e.content()) != 0);
                p = e.end();
                e = Der.read(tvb, p, ext.end());
            }
            X509Extensions.value(pinfo, item, tvb, oid, e.content(), e.end());
        }
    }

    /** Adds an OID field over {@code tlv}'s content, labelled "Name: 1.2.3 (resolved-name)". */
    static ProtoItem oidItem(ProtoItem parent, FieldDef field, Tvb tvb, Der.Tlv tlv, String oid) {
        ProtoItem item = parent.add(field, tvb, tlv.content(), tlv.length());
        if (parent.tree().detailed()) {
            item.setText(field.name() + ": " + oid + " (" + X509Oids.name(oid) + ")");
        }
        return item;
    }

    /** A big integer shown as "name: 0x" and its bytes (at most 36, then an ellipsis). */
    static void hexNumber(ProtoItem parent, FieldDef field, Tvb tvb, int offset, int length) {
        ProtoItem item = parent.add(field, tvb, offset, length);
        if (parent.tree().detailed()) {
            byte[] b = tvb.bytes(offset, Math.min(length, LABEL_BYTES));
            item.setText(field.name() + ": 0x" + Ja3.hex(b) + (length > LABEL_BYTES ? "…" : ""));
        }
    }

    /** tshark's note for a value it has no dissector for. */
    static void unknownOid(ProtoItem parent, Tvb tvb, Der.Tlv v) {
        parent.addText(tvb, v.content(), v.length(), X509Fields.OID_NOT_IMPLEMENTED.summary())
                .expert(X509Fields.OID_NOT_IMPLEMENTED);
    }
}
