package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Dissects X.501 distinguished names (issuer, subject, CertificateRequest authorities) into
 * RDNSequence items and attribute values, and builds the one-line form tshark appends to them:
 * relative names in reverse order, "id-at-commonName=www.corpus.test,id-at-organizationName=...".
 *
 * <pre>
 * Name ::= SEQUENCE OF SET OF SEQUENCE { type OBJECT IDENTIFIER, value ANY }
 * </pre>
 */
final class X509Names {
    private X509Names() {}

    /**
     * Dissects the RDNSequence whose SEQUENCE element is {@code seq} under a node made of
     * {@code field} ({@code count}: "rdnSequence: 3 items (...)") and returns the one-line name.
     */
    static String rdnSequence(PacketInfo pinfo, ProtoItem parent, Tvb tvb, Der.Tlv seq, FieldDef field, boolean count) {
        List<String> rdns = new ArrayList<>();
        List<ProtoItem> rdnItems = new ArrayList<>();
        List<String> rdnTexts = new ArrayList<>();
        List<Integer> rdnCounts = new ArrayList<>();
        int n = 0;
        for (int at = seq.content(); at < seq.end(); n++) {
            at = Der.read(tvb, at, seq.end()).end();
        }
        ProtoItem top = count ? parent.addUint(field, tvb, seq.content(), seq.length(), n)
                : parent.add(field, tvb, seq.content(), seq.length());
        for (int at = seq.content(); at < seq.end(); ) {
            Der.Tlv set = Der.read(tvb, at, seq.end());
            at = set.end();
            int items = 0;
            for (int a = set.content(); a < set.end(); items++) {
                a = Der.read(tvb, a, set.end()).end();
            }
            ProtoItem rdn = top.addUint(X509Fields.RDN_ITEM, tvb, set.start(), set.end() - set.start(), items);
            StringBuilder rdnText = new StringBuilder();
            for (int a = set.content(); a < set.end(); ) {
                Der.Tlv atav = Der.read(tvb, a, set.end());
                a = atav.end();
                String text = attribute(pinfo, rdn, tvb, atav, set);
                if (!rdnText.isEmpty()) {
                    rdnText.append('+');
                }
                rdnText.append(text);
            }
            rdns.add(rdnText.toString());
            rdnItems.add(rdn);
            rdnCounts.add(items);
            rdnTexts.add(rdnText.toString());
        }
        StringBuilder dn = new StringBuilder();
        for (int i = rdns.size() - 1; i >= 0; i--) {
            if (!dn.isEmpty()) {
                dn.append(',');
            }
            dn.append(rdns.get(i));
        }
        if (parent.tree().detailed()) {
            // The names are appended text in tshark: a long one is cut without a "[truncated]" mark.
            for (int i = 0; i < rdnItems.size(); i++) {
                rdnItems.get(i).setText(items("RDNSequence item", rdnCounts.get(i)))
                        .appendText(" (" + rdnTexts.get(i) + ")");
            }
            top.setText(count ? items(field.name(), n) : field.name() + ":").appendText(" (" + dn + ")");
        }
        return dn.toString();
    }

    /** "name: N items" as tshark labels a SEQUENCE OF count. */
    static String items(String name, long n) {
        return name + ": " + n + (n == 1 ? " item" : " items");
    }

    /** One AttributeTypeAndValue: its type and value; returns "type-name=value". */
    private static String attribute(PacketInfo pinfo, ProtoItem rdn, Tvb tvb, Der.Tlv atav, Der.Tlv set) {
        Der.Tlv type = Der.read(tvb, atav.content(), atav.end());
        String oid = Der.oid(tvb, type.content(), type.length());
        String typeName = X509Oids.name(oid);
        ProtoItem item = rdn.add(X509Fields.ATAV, tvb, set.start(), set.end() - set.start());
        X509Dissector.oidItem(item, X509Fields.ATTRIBUTE_OID, tvb, type, oid);
        String value = "";
        if (type.end() < atav.end()) {
            Der.Tlv v = Der.read(tvb, type.end(), atav.end());
            value = attributeValue(pinfo, item, tvb, oid, v);
        }
        String text = typeName + "=" + value;
        item.appendText(" (" + text + ")");
        return text;
    }

    /** The value of an attribute, dissected by its type; returns its text. */
    private static String attributeValue(PacketInfo pinfo, ProtoItem item, Tvb tvb, String oid, Der.Tlv v) {
        switch (oid) {
            case "2.5.4.6" -> {
                pinfo.addLayerName("x509sat");
                String s = string(tvb, v);
                item.addString(X509Fields.COUNTRY_NAME, tvb, v.content(), v.length(), s);
                return s;
            }
            case "2.5.4.5", "2.5.4.46" -> {
                pinfo.addLayerName("x509sat");
                String s = string(tvb, v);
                item.addString(X509Fields.SAT_PRINTABLE_STRING, tvb, v.content(), v.length(), s);
                return s;
            }
            case "1.2.840.113549.1.9.1" -> {
                pinfo.addLayerName("x509sat");
                String s = string(tvb, v);
                item.addString(X509Fields.IA5_STRING, tvb, v.content(), v.length(), s);
                return s;
            }
            default -> {
                if (oid.startsWith("2.5.4.") && X509Oids.known(oid)) {
                    pinfo.addLayerName("x509sat");
                    return directoryString(item, tvb, v, X509Fields.DIRECTORY_STRING);
                }
                X509Dissector.unknownOid(item, tvb, v);
                return "";
            }
        }
    }

    /** A DirectoryString CHOICE: "DirectoryString: uTF8String (4)" with the string below. */
    static String directoryString(ProtoItem parent, Tvb tvb, Der.Tlv v, FieldDef choiceField) {
        int index;
        FieldDef field;
        switch (v.tag()) {
            case Der.TELETEX_STRING -> { index = 0; field = X509Fields.TELETEX_STRING; }
            case Der.PRINTABLE_STRING -> { index = 1; field = X509Fields.PRINTABLE_STRING; }
            case Der.UNIVERSAL_STRING -> { index = 2; field = X509Fields.UNIVERSAL_STRING; }
            case Der.BMP_STRING -> { index = 3; field = X509Fields.BMP_STRING; }
            default -> { index = 4; field = X509Fields.UTF8_STRING; }
        }
        String s = string(tvb, v);
        ProtoItem choice = parent.addUint(choiceField, tvb, v.start(), v.end() - v.start(), index);
        choice.addString(field, tvb, v.content(), v.length(), s);
        return s;
    }

    /** The text of a string element: UTF-16 for BMPString, UTF-32 for UniversalString, else UTF-8. */
    static String string(Tvb tvb, Der.Tlv v) {
        byte[] b = tvb.bytes(v.content(), v.length());
        return switch (v.tag()) {
            case Der.BMP_STRING -> new String(b, StandardCharsets.UTF_16BE);
            case Der.UNIVERSAL_STRING -> new String(b, java.nio.charset.Charset.forName("UTF-32BE"));
            case Der.UTF8_STRING -> new String(b, StandardCharsets.UTF_8);
            default -> new String(b, StandardCharsets.ISO_8859_1);
        };
    }
}
