package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Dissects the value of an X.509 v3 extension (RFC 5280, section 4.2) by its identifier, the way
 * tshark's x509ce and pkix1implicit dissectors show it: basic constraints, key usage, extended key
 * usage, key identifiers, alternative names, policies, CRL distribution points and authority
 * information access. Other extensions get tshark's "Dissector for OID not implemented" note.
 */
final class X509Extensions {
    private X509Extensions() {}

    /** Dissects the DER value of extension {@code oid} found in [{@code offset}, {@code end}). */
    static void value(PacketInfo pinfo, ProtoItem ext, Tvb tvb, String oid, int offset, int end) {
        if (offset >= end) {
            return;
        }
        Der.Tlv v = Der.read(tvb, offset, end);
        switch (oid) {
            case "2.5.29.19" -> {
                pinfo.addLayerName("x509ce");
                basicConstraints(ext, tvb, v);
            }
            case "2.5.29.15" -> {
                pinfo.addLayerName("x509ce");
                keyUsage(ext, tvb, v);
            }
            case "2.5.29.37" -> {
                pinfo.addLayerName("x509ce");
                ProtoItem list = countedList(ext, X509Fields.KEY_PURPOSE_IDS, tvb, v);
                for (int at = v.content(); at < v.end(); ) {
                    Der.Tlv id = Der.read(tvb, at, v.end());
                    at = id.end();
                    X509Dissector.oidItem(list, X509Fields.KEY_PURPOSE_ID, tvb, id, Der.oid(tvb, id.content(), id.length()));
                }
            }
            case "2.5.29.14" -> {
                pinfo.addLayerName("x509ce");
                ext.add(X509Fields.SUBJECT_KEY_IDENTIFIER, tvb, v.content(), v.length());
            }
            case "2.5.29.35" -> {
                pinfo.addLayerName("x509ce");
                authorityKeyIdentifier(pinfo, ext, tvb, v);
            }
            case "2.5.29.17", "2.5.29.18" -> {
                pinfo.addLayerName("x509ce");
                generalNames(pinfo, ext, X509Fields.GENERAL_NAMES, tvb, v);
            }
            case "2.5.29.32" -> {
                pinfo.addLayerName("x509ce");
                certificatePolicies(pinfo, ext, tvb, v);
            }
            case "2.5.29.31" -> {
                pinfo.addLayerName("x509ce");
                crlDistributionPoints(pinfo, ext, tvb, v);
            }
            case "2.5.29.30" -> {
                pinfo.addLayerName("x509ce");
                nameConstraints(pinfo, ext, tvb, v);
            }
            case "1.3.6.1.5.5.7.1.1" -> {
                pinfo.addLayerName("pkix1implicit");
                authorityInfoAccess(pinfo, ext, tvb, v);
            }
            default -> X509Dissector.unknownOid(ext, tvb, v);
        }
    }

    /** A SEQUENCE OF shown as "name: N items" over its content. */
    private static ProtoItem countedList(ProtoItem parent, FieldDef field, Tvb tvb, Der.Tlv seq) {
        int n = 0;
        for (int at = seq.content(); at < seq.end(); n++) {
            at = Der.read(tvb, at, seq.end()).end();
        }
        ProtoItem item = parent.addUint(field, tvb, seq.content(), seq.length(), n);
        if (parent.tree().detailed()) {
            item.setText(X509Names.items(field.name(), n));
        }
        return item;
    }

    private static void basicConstraints(ProtoItem ext, Tvb tvb, Der.Tlv seq) {
        ProtoItem bc = ext.add(X509Fields.BASIC_CONSTRAINTS, tvb, seq.start(), seq.end() - seq.start());
        if (seq.length() == 0) {
            bc.appendText(" [0 length]");
            return;
        }
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv e = Der.read(tvb, at, seq.end());
            at = e.end();
            if (e.universal(Der.BOOLEAN)) {
                bc.addBool(X509Fields.CA, tvb, e.content(), e.length(), tvb.u8(e.content()) != 0);
            } else if (e.universal(Der.INTEGER)) {
                bc.addUint(X509Fields.PATH_LEN, tvb, e.content(), e.length(), Der.integer(tvb, e.content(), e.length()));
            }
        }
    }

    private static void keyUsage(ProtoItem ext, Tvb tvb, Der.Tlv bits) {
        int padding = tvb.u8(bits.content());
        ext.addUint(X509Fields.BITSTRING_PADDING, tvb, bits.content(), 1, padding);
        int first = bits.content() + 1;
        int n = bits.length() - 1;
        ProtoItem ku = ext.add(X509Fields.KEY_USAGE, tvb, first, n);
        int b0 = n > 0 ? tvb.u8(first) : 0;
        int b1 = n > 1 ? tvb.u8(first + 1) : 0;
        FieldDef[] firstByte = {X509Fields.KU_DIGITAL_SIGNATURE, X509Fields.KU_CONTENT_COMMITMENT,
            X509Fields.KU_KEY_ENCIPHERMENT, X509Fields.KU_DATA_ENCIPHERMENT, X509Fields.KU_KEY_AGREEMENT,
            X509Fields.KU_KEY_CERT_SIGN, X509Fields.KU_CRL_SIGN, X509Fields.KU_ENCIPHER_ONLY};
        for (FieldDef f : firstByte) {
            ku.addBool(f, tvb, first, 1, (b0 & f.mask()) != 0);
        }
        ku.addBool(X509Fields.KU_DECIPHER_ONLY, tvb, n > 1 ? first + 1 : first, 1, (b1 & 0x80) != 0);
    }

    private static void authorityKeyIdentifier(PacketInfo pinfo, ProtoItem ext, Tvb tvb, Der.Tlv seq) {
        ProtoItem aki = ext.add(X509Fields.AUTHORITY_KEY_IDENTIFIER, tvb, seq.start(), seq.end() - seq.start());
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv e = Der.read(tvb, at, seq.end());
            at = e.end();
            if (e.is(Der.CONTEXT, 0)) {
                aki.add(X509Fields.KEY_IDENTIFIER, tvb, e.content(), e.length());
            } else if (e.is(Der.CONTEXT, 1)) {
                generalNames(pinfo, aki, X509Fields.AUTHORITY_CERT_ISSUER, tvb, e);
            } else if (e.is(Der.CONTEXT, 2)) {
                X509Dissector.hexNumber(aki, X509Fields.AUTHORITY_CERT_SERIAL, tvb, e.content(), e.length());
            }
        }
    }

    /** GeneralNames (a SEQUENCE OF GeneralName) shown as "name: N items". */
    static void generalNames(PacketInfo pinfo, ProtoItem parent, FieldDef field, Tvb tvb, Der.Tlv seq) {
        ProtoItem list = countedList(parent, field, tvb, seq);
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv gn = Der.read(tvb, at, seq.end());
            at = gn.end();
            generalName(pinfo, list, tvb, gn, true);
        }
    }

    /**
     * One GeneralName: "GeneralName: dNSName (2)" with the name below, or (as AIA's accessLocation
     * shows it) only the name when {@code wrap} is false.
     */
    static void generalName(PacketInfo pinfo, ProtoItem parent, Tvb tvb, Der.Tlv gn, boolean wrap) {
        int choice = gn.tagClass() == Der.CONTEXT ? gn.tag() : -1;
        ProtoItem item = wrap ? parent.addUint(X509Fields.GENERAL_NAME, tvb, gn.content(), gn.length(), choice)
                : parent;
        switch (choice) {
            case 1 -> item.addString(X509Fields.RFC822_NAME, tvb, gn.content(), gn.length(), X509Names.string(tvb, gn));
            case 2 -> item.addString(X509Fields.DNS_NAME, tvb, gn.content(), gn.length(), X509Names.string(tvb, gn));
            case 6 -> item.addString(X509Fields.URI, tvb, gn.content(), gn.length(), X509Names.string(tvb, gn));
            case 7 -> {
                if (gn.length() == 4) {
                    item.addUint(X509Fields.IP_V4, tvb, gn.content(), 4, tvb.u32(gn.content()));
                } else if (gn.length() == 16) {
                    item.add(X509Fields.IP_V6, tvb, gn.content(), 16);
                }
            }
            case 4 -> {
                Der.Tlv name = Der.read(tvb, gn.content(), gn.end());
                ProtoItem dn = item.addUint(X509Fields.DIRECTORY_NAME, tvb, name.start(), name.end() - name.start(), 0);
                X509Names.rdnSequence(pinfo, dn, tvb, name, X509Fields.IF_RDN_SEQUENCE, true);
            }
            case 8 -> X509Dissector.oidItem(item, X509Fields.REGISTERED_ID, tvb, gn, Der.oid(tvb, gn.content(), gn.length()));
            default -> { } // otherName, x400Address and ediPartyName are left undecoded
        }
    }

    private static void certificatePolicies(PacketInfo pinfo, ProtoItem ext, Tvb tvb, Der.Tlv seq) {
        ProtoItem list = countedList(ext, X509Fields.CERTIFICATE_POLICIES, tvb, seq);
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv pi = Der.read(tvb, at, seq.end());
            at = pi.end();
            ProtoItem info = list.add(X509Fields.POLICY_INFORMATION, tvb, pi.content(), pi.length());
            int p = pi.content();
            Der.Tlv id = Der.read(tvb, p, pi.end());
            X509Dissector.oidItem(info, X509Fields.POLICY_IDENTIFIER, tvb, id, Der.oid(tvb, id.content(), id.length()));
            p = id.end();
            if (p < pi.end()) {
                Der.Tlv qualifiers = Der.read(tvb, p, pi.end());
                ProtoItem ql = countedList(info, X509Fields.POLICY_QUALIFIERS, tvb, qualifiers);
                for (int q = qualifiers.content(); q < qualifiers.end(); ) {
                    Der.Tlv pqi = Der.read(tvb, q, qualifiers.end());
                    q = pqi.end();
                    policyQualifier(pinfo, ql, tvb, pqi);
                }
            }
        }
    }

    private static void policyQualifier(PacketInfo pinfo, ProtoItem parent, Tvb tvb, Der.Tlv pqi) {
        ProtoItem item = parent.add(X509Fields.POLICY_QUALIFIER_INFO, tvb, pqi.content(), pqi.length());
        Der.Tlv id = Der.read(tvb, pqi.content(), pqi.end());
        String oid = Der.oid(tvb, id.content(), id.length());
        X509Dissector.oidItem(item, X509Fields.QUALIFIER_ID, tvb, id, oid);
        if (id.end() >= pqi.end()) {
            return;
        }
        Der.Tlv q = Der.read(tvb, id.end(), pqi.end());
        if (oid.equals("1.3.6.1.5.5.7.2.1")) {
            pinfo.addLayerName("pkix1explicit");
            item.addString(X509Fields.EXPLICIT_DIRECTORY_STRING, tvb, q.content(), q.length(), X509Names.string(tvb, q));
        } else if (oid.equals("1.3.6.1.5.5.7.2.2")) {
            pinfo.addLayerName("pkix1implicit");
            userNotice(item, tvb, q);
        } else {
            X509Dissector.unknownOid(item, tvb, q);
        }
    }

    /** UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText DisplayText OPTIONAL } */
    private static void userNotice(ProtoItem parent, Tvb tvb, Der.Tlv seq) {
        ProtoItem notice = parent.add(X509Fields.USER_NOTICE, tvb, seq.start(), seq.end() - seq.start());
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv e = Der.read(tvb, at, seq.end());
            at = e.end();
            if (e.universal(Der.SEQUENCE)) {
                ProtoItem ref = notice.add(X509Fields.NOTICE_REF, tvb, e.start(), e.end() - e.start());
                int p = e.content();
                Der.Tlv org = Der.read(tvb, p, e.end());
                displayText(ref, X509Fields.ORGANIZATION, tvb, org);
                Der.Tlv numbers = Der.read(tvb, org.end(), e.end());
                ProtoItem list = countedList(ref, X509Fields.NOTICE_NUMBERS, tvb, numbers);
                for (int q = numbers.content(); q < numbers.end(); ) {
                    Der.Tlv n = Der.read(tvb, q, numbers.end());
                    q = n.end();
                    list.addUint(X509Fields.NOTICE_NUMBER, tvb, n.content(), n.length(), Der.integer(tvb, n.content(), n.length()));
                }
            } else {
                displayText(notice, X509Fields.EXPLICIT_TEXT, tvb, e);
            }
        }
    }

    /** DisplayText CHOICE: "explicitText: visibleString (1)" with the text below. */
    private static void displayText(ProtoItem parent, FieldDef choiceField, Tvb tvb, Der.Tlv t) {
        int index;
        FieldDef field;
        switch (t.tag()) {
            case Der.IA5_STRING -> { index = 0; field = X509Fields.IA5_TEXT; }
            case Der.BMP_STRING -> { index = 2; field = X509Fields.BMP_TEXT; }
            case Der.UTF8_STRING -> { index = 3; field = X509Fields.UTF8_TEXT; }
            default -> { index = 1; field = X509Fields.VISIBLE_TEXT; }
        }
        ProtoItem choice = parent.addUint(choiceField, tvb, t.start(), t.end() - t.start(), index);
        choice.addString(field, tvb, t.content(), t.length(), X509Names.string(tvb, t));
    }

    /** NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] ... } */
    private static void nameConstraints(PacketInfo pinfo, ProtoItem ext, Tvb tvb, Der.Tlv seq) {
        ProtoItem nc = ext.add(X509Fields.NAME_CONSTRAINTS, tvb, seq.start(), seq.end() - seq.start());
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv subtrees = Der.read(tvb, at, seq.end());
            at = subtrees.end();
            FieldDef field = subtrees.tag() == 0 ? X509Fields.PERMITTED_SUBTREES : X509Fields.EXCLUDED_SUBTREES;
            ProtoItem list = countedList(nc, field, tvb, subtrees);
            for (int p = subtrees.content(); p < subtrees.end(); ) {
                Der.Tlv st = Der.read(tvb, p, subtrees.end());
                p = st.end();
                ProtoItem item = list.add(X509Fields.GENERAL_SUBTREE, tvb, st.start(), st.end() - st.start());
                int q = st.content();
                Der.Tlv base = Der.read(tvb, q, st.end());
                ProtoItem b = item.addUint(X509Fields.BASE, tvb, base.content(), base.length(), base.tag());
                generalName(pinfo, b, tvb, base, false);
                for (q = base.end(); q < st.end(); ) {
                    Der.Tlv d = Der.read(tvb, q, st.end());
                    q = d.end();
                    item.addUint(d.tag() == 0 ? X509Fields.MINIMUM : X509Fields.MAXIMUM, tvb, d.content(), d.length(),
                            Der.integer(tvb, d.content(), d.length()));
                }
            }
        }
    }

    private static void crlDistributionPoints(PacketInfo pinfo, ProtoItem ext, Tvb tvb, Der.Tlv seq) {
        ProtoItem list = countedList(ext, X509Fields.CRL_DIST_POINTS, tvb, seq);
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv dp = Der.read(tvb, at, seq.end());
            at = dp.end();
            ProtoItem point = list.add(X509Fields.DISTRIBUTION_POINT, tvb, dp.content(), dp.length());
            for (int p = dp.content(); p < dp.end(); ) {
                Der.Tlv e = Der.read(tvb, p, dp.end());
                p = e.end();
                if (e.is(Der.CONTEXT, 0)) {
                    Der.Tlv name = Der.read(tvb, e.content(), e.end());
                    int choice = name.tag();
                    ProtoItem dpn = point.addUint(X509Fields.DISTRIBUTION_POINT_NAME, tvb, name.content(), name.length(),
                            choice);
                    if (choice == 0) {
                        generalNames(pinfo, dpn, X509Fields.FULL_NAME, tvb, name);
                    }
                } else if (e.is(Der.CONTEXT, 2)) {
                    generalNames(pinfo, point, X509Fields.GENERAL_NAMES, tvb, e);
                }
            }
        }
    }

    private static void authorityInfoAccess(PacketInfo pinfo, ProtoItem ext, Tvb tvb, Der.Tlv seq) {
        ProtoItem list = countedList(ext, X509Fields.AUTHORITY_INFO_ACCESS, tvb, seq);
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv ad = Der.read(tvb, at, seq.end());
            at = ad.end();
            ProtoItem desc = list.add(X509Fields.ACCESS_DESCRIPTION, tvb, ad.content(), ad.length());
            Der.Tlv method = Der.read(tvb, ad.content(), ad.end());
            X509Dissector.oidItem(desc, X509Fields.ACCESS_METHOD, tvb, method,
                    Der.oid(tvb, method.content(), method.length()));
            if (method.end() < ad.end()) {
                Der.Tlv location = Der.read(tvb, method.end(), ad.end());
                ProtoItem loc = desc.addUint(X509Fields.ACCESS_LOCATION, tvb, location.content(), location.length(),
                        location.tag());
                generalName(pinfo, loc, tvb, location, false);
            }
        }
    }
}
