package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Declares the protocols and fields tshark uses for a certificate's tree (x509af, x509if, x509sat,
 * x509ce, pkcs-1, pkix1implicit, pkix1explicit and ber), with tshark 4.0.17's names, types and value
 * names, for {@link X509Dissector}, {@link X509Names} and {@link X509Extensions}.
 */
final class X509Fields {
    private X509Fields() {}

    static final ProtocolDef X509AF = new ProtocolDef("X.509 Authentication Framework", "X509AF", "x509af");
    static final ProtocolDef X509IF = new ProtocolDef("X.509 Information Framework", "X509IF", "x509if");
    static final ProtocolDef X509SAT = new ProtocolDef("X.509 Selected Attribute Types", "X509SAT", "x509sat");
    static final ProtocolDef X509CE = new ProtocolDef("X.509 Certificate Extensions", "X509CE", "x509ce");
    static final ProtocolDef PKCS1 = new ProtocolDef("PKCS#1", "PKCS-1", "pkcs-1");
    static final ProtocolDef PKIX1IMPLICIT = new ProtocolDef("PKIX1Implitit", "PKIX1IMPLICIT", "pkix1implicit");
    static final ProtocolDef PKIX1EXPLICIT = new ProtocolDef("PKIX1Explicit", "PKIX1EXPLICIT", "pkix1explicit");
    static final ProtocolDef BER = new ProtocolDef("Basic Encoding Rules (ASN.1 X.690)", "BER", "ber");

    private static FieldDef oid(String abbrev, String name) {
        return FieldDef.of(abbrev, name, FieldType.OID, Base.NONE);
    }

    private static FieldDef choice(String abbrev, String name, Object... names) {
        return FieldDef.uint32(abbrev, name).vals(ValueString.of(names));
    }

    // x509af
    static final FieldDef SIGNED_CERTIFICATE = FieldDef.none("x509af.signedCertificate_element", "signedCertificate");
    static final FieldDef VERSION = FieldDef.int32("x509af.version", "version").vals(ValueString.of(0, "v1", 1, "v2", 2, "v3"));
    static final FieldDef SERIAL_NUMBER = FieldDef.bytes("x509af.serialNumber", "serialNumber");
    static final FieldDef SIGNATURE = FieldDef.none("x509af.signature_element", "signature");
    static final FieldDef ALGORITHM_ID = oid("x509af.algorithm.id", "Algorithm Id");
    static final FieldDef ISSUER = choice("x509af.issuer", "issuer", 0, "rdnSequence");
    static final FieldDef VALIDITY = FieldDef.none("x509af.validity_element", "validity");
    static final FieldDef NOT_BEFORE = choice("x509af.notBefore", "notBefore", 0, "utcTime", 1, "generalizedTime");
    static final FieldDef NOT_AFTER = choice("x509af.notAfter", "notAfter", 0, "utcTime", 1, "generalizedTime");
    static final FieldDef UTC_TIME = FieldDef.string("x509af.utcTime", "utcTime");
    static final FieldDef GENERALIZED_TIME = FieldDef.absoluteTime("x509af.generalizedTime", "generalizedTime");
    static final FieldDef SUBJECT = choice("x509af.subject", "subject", 0, "rdnSequence");
    static final FieldDef AF_RDN_SEQUENCE = FieldDef.uint32("x509af.rdnSequence", "rdnSequence");
    static final FieldDef SPKI = FieldDef.none("x509af.subjectPublicKeyInfo_element", "subjectPublicKeyInfo");
    static final FieldDef ALGORITHM = FieldDef.none("x509af.algorithm_element", "algorithm");
    static final FieldDef SUBJECT_PUBLIC_KEY = FieldDef.bytes("x509af.subjectPublicKey", "subjectPublicKey");
    static final FieldDef ISSUER_UID = FieldDef.bytes("x509af.issuerUniqueIdentifier", "issuerUniqueIdentifier");
    static final FieldDef SUBJECT_UID = FieldDef.bytes("x509af.subjectUniqueIdentifier", "subjectUniqueIdentifier");
    static final FieldDef EXTENSIONS = FieldDef.uint32("x509af.extensions", "extensions");
    static final FieldDef EXTENSION = FieldDef.none("x509af.Extension_element", "Extension");
    static final FieldDef EXTENSION_ID = oid("x509af.extension.id", "Extension Id");
    static final FieldDef CRITICAL = FieldDef.bool("x509af.critical", "critical").tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef ALGORITHM_IDENTIFIER = FieldDef.none("x509af.algorithmIdentifier_element",
            "algorithmIdentifier");
    static final FieldDef ENCRYPTED = FieldDef.bytes("x509af.encrypted", "encrypted");

    // x509if
    static final FieldDef IF_RDN_SEQUENCE = FieldDef.uint32("x509if.rdnSequence", "rdnSequence");
    static final FieldDef RDN_ITEM = FieldDef.uint32("x509if.RDNSequence_item", "RDNSequence item");
    static final FieldDef ATAV = FieldDef.none("x509if.RelativeDistinguishedName_item_element",
            "RelativeDistinguishedName item");
    static final FieldDef ATTRIBUTE_OID = oid("x509if.oid", "Object Id");

    // x509sat
    static final FieldDef COUNTRY_NAME = FieldDef.string("x509sat.CountryName", "CountryName");
    static final FieldDef DIRECTORY_STRING = choice("x509sat.DirectoryString", "DirectoryString", 0, "teletexString",
            1, "printableString", 2, "universalString", 3, "bmpString", 4, "uTF8String");
    static final FieldDef TELETEX_STRING = FieldDef.string("x509sat.teletexString", "teletexString");
    static final FieldDef PRINTABLE_STRING = FieldDef.string("x509sat.printableString", "printableString");
    static final FieldDef UNIVERSAL_STRING = FieldDef.string("x509sat.universalString", "universalString");
    static final FieldDef BMP_STRING = FieldDef.string("x509sat.bmpString", "bmpString");
    static final FieldDef UTF8_STRING = FieldDef.string("x509sat.uTF8String", "uTF8String");
    static final FieldDef IA5_STRING = FieldDef.string("x509sat.IA5String", "IA5String");
    static final FieldDef SAT_PRINTABLE_STRING = FieldDef.string("x509sat.PrintableString", "PrintableString");

    // x509ce
    static final FieldDef BASIC_CONSTRAINTS = FieldDef.none("x509ce.BasicConstraintsSyntax_element",
            "BasicConstraintsSyntax");
    static final FieldDef CA = FieldDef.bool("x509ce.cA", "cA").tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef PATH_LEN = FieldDef.uint64("x509ce.pathLenConstraint", "pathLenConstraint");
    static final FieldDef KEY_USAGE = FieldDef.bytes("x509ce.KeyUsage", "KeyUsage");
    static final FieldDef KU_DIGITAL_SIGNATURE = keyUsage("digitalSignature", 0x80);
    static final FieldDef KU_CONTENT_COMMITMENT = keyUsage("contentCommitment", 0x40);
    static final FieldDef KU_KEY_ENCIPHERMENT = keyUsage("keyEncipherment", 0x20);
    static final FieldDef KU_DATA_ENCIPHERMENT = keyUsage("dataEncipherment", 0x10);
    static final FieldDef KU_KEY_AGREEMENT = keyUsage("keyAgreement", 0x08);
    static final FieldDef KU_KEY_CERT_SIGN = keyUsage("keyCertSign", 0x04);
    static final FieldDef KU_CRL_SIGN = keyUsage("cRLSign", 0x02);
    static final FieldDef KU_ENCIPHER_ONLY = keyUsage("encipherOnly", 0x01);
    static final FieldDef KU_DECIPHER_ONLY = keyUsage("decipherOnly", 0x80);
    static final FieldDef KEY_PURPOSE_IDS = FieldDef.uint32("x509ce.KeyPurposeIDs", "KeyPurposeIDs");
    static final FieldDef KEY_PURPOSE_ID = oid("x509ce.KeyPurposeId", "KeyPurposeId");
    static final FieldDef SUBJECT_KEY_IDENTIFIER = FieldDef.bytes("x509ce.SubjectKeyIdentifier", "SubjectKeyIdentifier");
    static final FieldDef AUTHORITY_KEY_IDENTIFIER = FieldDef.none("x509ce.AuthorityKeyIdentifier_element",
            "AuthorityKeyIdentifier");
    static final FieldDef KEY_IDENTIFIER = FieldDef.bytes("x509ce.keyIdentifier", "keyIdentifier");
    static final FieldDef AUTHORITY_CERT_ISSUER = FieldDef.uint32("x509ce.authorityCertIssuer", "authorityCertIssuer");
    static final FieldDef AUTHORITY_CERT_SERIAL = FieldDef.bytes("x509ce.authorityCertSerialNumber",
            "authorityCertSerialNumber");
    static final FieldDef GENERAL_NAMES = FieldDef.uint32("x509ce.GeneralNames", "GeneralNames");
    static final FieldDef GENERAL_NAME = choice("x509ce.GeneralName", "GeneralName", 0, "otherName", 1, "rfc822Name",
            2, "dNSName", 3, "x400Address", 4, "directoryName", 5, "ediPartyName", 6, "uniformResourceIdentifier",
            7, "iPAddress", 8, "registeredID");
    static final FieldDef RFC822_NAME = FieldDef.string("x509ce.rfc822Name", "rfc822Name");
    static final FieldDef DNS_NAME = FieldDef.string("x509ce.dNSName", "dNSName");
    static final FieldDef URI = FieldDef.string("x509ce.uniformResourceIdentifier", "uniformResourceIdentifier");
    static final FieldDef DIRECTORY_NAME = choice("x509ce.directoryName", "directoryName", 0, "rdnSequence");
    static final FieldDef REGISTERED_ID = oid("x509ce.registeredID", "registeredID");
    static final FieldDef IP_V4 = FieldDef.ipv4("x509ce.IPAddress.ipv4", "iPAddress");
    static final FieldDef IP_V6 = FieldDef.ipv6("x509ce.IPAddress.ipv6", "iPAddress");
    static final FieldDef CERTIFICATE_POLICIES = FieldDef.uint32("x509ce.CertificatePoliciesSyntax",
            "CertificatePoliciesSyntax");
    static final FieldDef POLICY_INFORMATION = FieldDef.none("x509ce.PolicyInformation_element", "PolicyInformation");
    static final FieldDef POLICY_IDENTIFIER = oid("x509ce.policyIdentifier", "policyIdentifier");
    static final FieldDef POLICY_QUALIFIERS = FieldDef.uint32("x509ce.policyQualifiers", "policyQualifiers");
    static final FieldDef POLICY_QUALIFIER_INFO = FieldDef.none("x509ce.PolicyQualifierInfo_element",
            "PolicyQualifierInfo");
    static final FieldDef QUALIFIER_ID = oid("x509ce.id", "Id");
    static final FieldDef CRL_DIST_POINTS = FieldDef.uint32("x509ce.CRLDistPointsSyntax", "CRLDistPointsSyntax");
    static final FieldDef DISTRIBUTION_POINT = FieldDef.none("x509ce.DistributionPoint_element", "DistributionPoint");
    static final FieldDef DISTRIBUTION_POINT_NAME = choice("x509ce.distributionPoint", "distributionPoint", 0,
            "fullName", 1, "nameRelativeToCRLIssuer");
    static final FieldDef FULL_NAME = FieldDef.uint32("x509ce.fullName", "fullName");

    static final FieldDef NAME_CONSTRAINTS = FieldDef.none("x509ce.NameConstraintsSyntax_element",
            "NameConstraintsSyntax");
    static final FieldDef PERMITTED_SUBTREES = FieldDef.uint32("x509ce.permittedSubtrees", "permittedSubtrees");
    static final FieldDef EXCLUDED_SUBTREES = FieldDef.uint32("x509ce.excludedSubtrees", "excludedSubtrees");
    static final FieldDef GENERAL_SUBTREE = FieldDef.none("x509ce.GeneralSubtree_element", "GeneralSubtree");
    static final FieldDef BASE = choice("x509ce.base", "base", 0, "otherName", 1, "rfc822Name", 2, "dNSName", 3,
            "x400Address", 4, "directoryName", 5, "ediPartyName", 6, "uniformResourceIdentifier", 7, "iPAddress", 8,
            "registeredID");
    static final FieldDef MINIMUM = FieldDef.uint64("x509ce.minimum", "minimum");
    static final FieldDef MAXIMUM = FieldDef.uint64("x509ce.maximum", "maximum");

    // pkcs-1
    static final FieldDef MODULUS = FieldDef.bytes("pkcs1.modulus", "modulus");
    static final FieldDef PUBLIC_EXPONENT = FieldDef.int32("pkcs1.publicExponent", "publicExponent");
    static final FieldDef EC_PARAMETERS = choice("pkcs1.ECParameters", "ECParameters", 0, "specifiedCurve", 1,
            "namedCurve");
    static final FieldDef NAMED_CURVE = oid("pkcs1.namedCurve", "namedCurve");

    // pkix1implicit, pkix1explicit
    static final FieldDef AUTHORITY_INFO_ACCESS = FieldDef.uint32("pkix1implicit.AuthorityInfoAccessSyntax",
            "AuthorityInfoAccessSyntax");
    static final FieldDef ACCESS_DESCRIPTION = FieldDef.none("pkix1implicit.AccessDescription_element",
            "AccessDescription");
    static final FieldDef ACCESS_METHOD = oid("pkix1implicit.accessMethod", "accessMethod");
    static final FieldDef ACCESS_LOCATION = FieldDef.uint32("pkix1implicit.accessLocation", "accessLocation");
    static final FieldDef USER_NOTICE = FieldDef.none("pkix1implicit.UserNotice_element", "UserNotice");
    static final FieldDef NOTICE_REF = FieldDef.none("pkix1implicit.noticeRef_element", "noticeRef");
    static final FieldDef EXPLICIT_TEXT = choice("pkix1implicit.explicitText", "explicitText", 0, "ia5String", 1,
            "visibleString", 2, "bmpString", 3, "utf8String");
    static final FieldDef ORGANIZATION = choice("pkix1implicit.organization", "organization", 0, "ia5String", 1,
            "visibleString", 2, "bmpString", 3, "utf8String");
    static final FieldDef NOTICE_NUMBERS = FieldDef.uint32("pkix1implicit.noticeNumbers", "noticeNumbers");
    static final FieldDef NOTICE_NUMBER = FieldDef.int32("pkix1implicit.noticeNumbers_item", "noticeNumbers item");
    static final FieldDef IA5_TEXT = FieldDef.string("pkix1implicit.ia5String", "ia5String");
    static final FieldDef VISIBLE_TEXT = FieldDef.string("pkix1implicit.visibleString", "visibleString");
    static final FieldDef BMP_TEXT = FieldDef.string("pkix1implicit.bmpString", "bmpString");
    static final FieldDef UTF8_TEXT = FieldDef.string("pkix1implicit.utf8String", "utf8String");
    static final FieldDef EXPLICIT_DIRECTORY_STRING = FieldDef.string("pkix1explicit.DirectoryString",
            "DirectoryString");

    // ber
    static final FieldDef BITSTRING_PADDING = FieldDef.uint8("ber.bitstring.padding", "Padding");
    static final ExpertDef OID_NOT_IMPLEMENTED = new ExpertDef("ber.error.oid_not_implemented",
            "BER: Dissector for OID not implemented. Contact Wireshark developers if you want this supported",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.WARN);

    private static FieldDef keyUsage(String name, long mask) {
        return FieldDef.bool("x509ce.KeyUsage." + name, name, 8, mask).tfs(TrueFalse.TRUE_FALSE);
    }

    static final List<FieldDef> AF_FIELDS = List.of(SIGNED_CERTIFICATE, VERSION, SERIAL_NUMBER, SIGNATURE,
            ALGORITHM_ID, ISSUER, VALIDITY, NOT_BEFORE, NOT_AFTER, UTC_TIME, GENERALIZED_TIME, SUBJECT,
            AF_RDN_SEQUENCE, SPKI, ALGORITHM, SUBJECT_PUBLIC_KEY, ISSUER_UID, SUBJECT_UID, EXTENSIONS, EXTENSION,
            EXTENSION_ID, CRITICAL, ALGORITHM_IDENTIFIER, ENCRYPTED);
    static final List<FieldDef> IF_FIELDS = List.of(IF_RDN_SEQUENCE, RDN_ITEM, ATAV, ATTRIBUTE_OID);
    static final List<FieldDef> SAT_FIELDS = List.of(COUNTRY_NAME, DIRECTORY_STRING, TELETEX_STRING,
            PRINTABLE_STRING, UNIVERSAL_STRING, BMP_STRING, UTF8_STRING, IA5_STRING, SAT_PRINTABLE_STRING);
    static final List<FieldDef> CE_FIELDS = List.of(BASIC_CONSTRAINTS, CA, PATH_LEN, KEY_USAGE, KU_DIGITAL_SIGNATURE,
            KU_CONTENT_COMMITMENT, KU_KEY_ENCIPHERMENT, KU_DATA_ENCIPHERMENT, KU_KEY_AGREEMENT, KU_KEY_CERT_SIGN,
            KU_CRL_SIGN, KU_ENCIPHER_ONLY, KU_DECIPHER_ONLY, KEY_PURPOSE_IDS, KEY_PURPOSE_ID, SUBJECT_KEY_IDENTIFIER,
            AUTHORITY_KEY_IDENTIFIER, KEY_IDENTIFIER, AUTHORITY_CERT_ISSUER, AUTHORITY_CERT_SERIAL, GENERAL_NAMES,
            GENERAL_NAME, RFC822_NAME, DNS_NAME, URI, DIRECTORY_NAME, REGISTERED_ID, IP_V4, IP_V6,
            CERTIFICATE_POLICIES, POLICY_INFORMATION, POLICY_IDENTIFIER, POLICY_QUALIFIERS, POLICY_QUALIFIER_INFO,
            QUALIFIER_ID, CRL_DIST_POINTS, DISTRIBUTION_POINT, DISTRIBUTION_POINT_NAME, FULL_NAME, NAME_CONSTRAINTS,
            PERMITTED_SUBTREES, EXCLUDED_SUBTREES, GENERAL_SUBTREE, BASE, MINIMUM, MAXIMUM);
    static final List<FieldDef> PKCS1_FIELDS = List.of(MODULUS, PUBLIC_EXPONENT, EC_PARAMETERS, NAMED_CURVE);
    static final List<FieldDef> PKIX1IMPLICIT_FIELDS = List.of(AUTHORITY_INFO_ACCESS, ACCESS_DESCRIPTION,
            ACCESS_METHOD, ACCESS_LOCATION, USER_NOTICE, NOTICE_REF, EXPLICIT_TEXT, ORGANIZATION, NOTICE_NUMBERS,
            NOTICE_NUMBER, IA5_TEXT, VISIBLE_TEXT, BMP_TEXT, UTF8_TEXT);
    static final List<FieldDef> PKIX1EXPLICIT_FIELDS = List.of(EXPLICIT_DIRECTORY_STRING);
    static final List<FieldDef> BER_FIELDS = List.of(BITSTRING_PADDING);

    private static final List<List<FieldDef>> ALL = List.of(AF_FIELDS, IF_FIELDS, SAT_FIELDS, CE_FIELDS, PKCS1_FIELDS,
            PKIX1IMPLICIT_FIELDS, PKIX1EXPLICIT_FIELDS, BER_FIELDS);

    /** Whether anyone reads a certificate's tree: a detailed tree, or an x509 field of interest. */
    static boolean wanted(PacketTree tree) {
        if (tree.detailed()) {
            return true;
        }
        for (List<FieldDef> list : ALL) {
            for (FieldDef f : list) {
                if (tree.wants(f)) {
                    return true;
                }
            }
        }
        return tree.wants(X509AF.field()) || tree.wants(X509SAT.field()) || tree.wants(X509CE.field())
                || tree.wants(X509IF.field());
    }
}
