package dev.dorsal.dissectors.tls;

import java.util.Map;

/**
 * Names object identifiers the way tshark 4.0.17 resolves them in certificates
 * ("2.5.4.3 (id-at-commonName)"). An unknown identifier keeps its numbers after the name of its root
 * arc ("joint-iso-itu-t.5.29.1"), as tshark prints identifiers it has no name for.
 */
final class X509Oids {
    private X509Oids() {}

    private static final Map<String, String> NAMES = Map.ofEntries(
            // X.520 attribute types (RDNs)
            Map.entry("2.5.4.3", "id-at-commonName"),
            Map.entry("2.5.4.4", "id-at-surname"),
            Map.entry("2.5.4.5", "id-at-serialNumber"),
            Map.entry("2.5.4.6", "id-at-countryName"),
            Map.entry("2.5.4.7", "id-at-localityName"),
            Map.entry("2.5.4.8", "id-at-stateOrProvinceName"),
            Map.entry("2.5.4.9", "id-at-streetAddress"),
            Map.entry("2.5.4.10", "id-at-organizationName"),
            Map.entry("2.5.4.11", "id-at-organizationalUnitName"),
            Map.entry("2.5.4.12", "id-at-title"),
            Map.entry("2.5.4.13", "id-at-description"),
            Map.entry("2.5.4.15", "id-at-businessCategory"),
            Map.entry("2.5.4.17", "id-at-postalCode"),
            Map.entry("2.5.4.41", "id-at-name"),
            Map.entry("2.5.4.42", "id-at-givenName"),
            Map.entry("2.5.4.43", "id-at-initials"),
            Map.entry("2.5.4.44", "id-at-generationQualifier"),
            Map.entry("2.5.4.46", "id-at-dnQualifier"),
            Map.entry("2.5.4.65", "id-at-pseudonym"),
            Map.entry("1.2.840.113549.1.9.1", "pkcs-9-at-emailAddress"),
            // algorithms
            Map.entry("1.2.840.113549.1.1.1", "rsaEncryption"),
            Map.entry("1.2.840.113549.1.1.2", "md2WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.7", "id-RSAES-OAEP"),
            Map.entry("1.2.840.113549.1.1.10", "id-RSASSA-PSS"),
            Map.entry("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
            Map.entry("1.3.14.3.2.26", "SHA-1"),
            Map.entry("1.3.14.3.2.29", "sha-1WithRSAEncryption"),
            Map.entry("1.2.840.10040.4.1", "id-dsa"),
            Map.entry("1.2.840.10040.4.3", "id-dsa-with-sha1"),
            Map.entry("1.2.840.10045.2.1", "id-ecPublicKey"),
            Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
            Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
            Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
            Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
            Map.entry("1.2.840.10045.3.1.7", "secp256r1"),
            Map.entry("1.3.132.0.34", "secp384r1"),
            Map.entry("1.3.132.0.35", "secp521r1"),
            // certificate extensions
            Map.entry("2.5.29.14", "id-ce-subjectKeyIdentifier"),
            Map.entry("2.5.29.15", "id-ce-keyUsage"),
            Map.entry("2.5.29.16", "id-ce-privateKeyUsagePeriod"),
            Map.entry("2.5.29.17", "id-ce-subjectAltName"),
            Map.entry("2.5.29.18", "id-ce-issuerAltName"),
            Map.entry("2.5.29.19", "id-ce-basicConstraints"),
            Map.entry("2.5.29.20", "id-ce-cRLNumber"),
            Map.entry("2.5.29.21", "id-ce-reasonCode"),
            Map.entry("2.5.29.30", "id-ce-nameConstraints"),
            Map.entry("2.5.29.31", "id-ce-cRLDistributionPoints"),
            Map.entry("2.5.29.32", "id-ce-certificatePolicies"),
            Map.entry("2.5.29.32.0", "anyPolicy"),
            Map.entry("2.5.29.33", "id-ce-policyMappings"),
            Map.entry("2.5.29.35", "id-ce-authorityKeyIdentifier"),
            Map.entry("2.5.29.36", "id-ce-policyConstraints"),
            Map.entry("2.5.29.37", "id-ce-extKeyUsage"),
            Map.entry("2.5.29.37.0", "anyExtendedKeyUsage"),
            Map.entry("2.5.29.46", "id-ce-freshestCRL"),
            Map.entry("2.5.29.54", "id-ce-inhibitAnyPolicy"),
            Map.entry("1.3.6.1.5.5.7.1.1", "id-pe-authorityInfoAccess"),
            Map.entry("1.3.6.1.5.5.7.1.11", "id-pe-subjectInfoAccess"),
            Map.entry("1.3.6.1.5.5.7.2.1", "id-qt-cps"),
            Map.entry("1.3.6.1.5.5.7.2.2", "id-qt-unotice"),
            Map.entry("1.3.6.1.5.5.7.3.1", "id-kp-serverAuth"),
            Map.entry("1.3.6.1.5.5.7.3.2", "id-kp-clientAuth"),
            Map.entry("1.3.6.1.5.5.7.3.3", "id-kp-codeSigning"),
            Map.entry("1.3.6.1.5.5.7.3.4", "id-kp-emailProtection"),
            Map.entry("1.3.6.1.5.5.7.3.8", "id-kp-timeStamping"),
            Map.entry("1.3.6.1.5.5.7.3.9", "id-kp-OCSPSigning"),
            Map.entry("1.3.6.1.5.5.7.48.1", "id-ad-ocsp"),
            Map.entry("1.3.6.1.5.5.7.48.2", "id-ad-caIssuers"));

    /** The name of {@code oid}, or its numbers after its root arc's name when tshark knows none. */
    static String name(String oid) {
        String name = NAMES.get(oid);
        if (name != null) {
            return name;
        }
        int dot = oid.indexOf('.');
        String root = dot < 0 ? oid : oid.substring(0, dot);
        String rest = dot < 0 ? "" : oid.substring(dot);
        return switch (root) {
            case "0" -> "itu-t" + rest;
            case "1" -> "iso" + rest;
            case "2" -> "joint-iso-itu-t" + rest;
            default -> oid;
        };
    }

    /** Whether tshark has a name for {@code oid} (and so, for extensions and attributes, a dissector). */
    static boolean known(String oid) {
        return NAMES.containsKey(oid);
    }
}
