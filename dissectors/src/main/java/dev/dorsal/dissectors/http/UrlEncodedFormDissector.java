package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads an {@code application/x-www-form-urlencoded} entity: {@code key=value&…} pairs, each a
 * {@code Form item: "key" = "value"} subtree with the percent- and plus-decoded key and value, and
 * appends the media type to Info. Handle and filter prefix {@code urlencoded-form}.
 */
final class UrlEncodedFormDissector {
    static final ProtocolDef PROTO = new ProtocolDef("HTML Form URL Encoded", "URL Encoded Form Data",
            "urlencoded-form");

    static final FieldDef KEY = FieldDef.of("urlencoded-form.key", "Key", FieldType.STRINGZ, Base.NONE);
    static final FieldDef VALUE = FieldDef.of("urlencoded-form.value", "Value", FieldType.STRINGZ, Base.NONE);

    static final List<FieldDef> FIELDS = List.of(KEY, VALUE);

    private UrlEncodedFormDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        HttpBody.Media media = pinfo.get(HttpBody.MEDIA);
        String name = media != null ? media.type() : null;
        if (name != null && pinfo.columns().enabled()) {
            pinfo.columns().appendInfoSep(" ", "(" + name + ")");
        }
        boolean detailed = tree.tree().detailed();
        ProtoItem ti = tree.addProtocol(PROTO, tvb, 0, tvb.length(),
                detailed && name != null ? "HTML Form URL Encoded: " + name : null);
        int off = 0;
        int n = tvb.reportedLength();
        int[] next = new int[1];
        while (off < n) {
            int start = off;
            ProtoItem item = ti.addText(tvb, off, 0, "Form item");
            String key = decode(tvb, off, '=', next);
            if (next[0] < 0) {
                break;
            }
            item.addString(KEY, tvb, off, next[0] - off, key);
            if (detailed) {
                item.appendText(": \"" + key + "\""); // unescaped, as tshark shows it
            }
            off = next[0] + 1;
            String value = decode(tvb, off, '&', next);
            if (next[0] < 0) {
                break;
            }
            item.addString(VALUE, tvb, off, next[0] - off, value);
            if (detailed) {
                item.appendText(" = \"" + value + "\"");
            }
            off = next[0] + 1;
            if (item != ti) {
                item.setLength(off - start);
            }
        }
        return Math.max(1, tvb.length());
    }

    /**
     * Decodes up to {@code stop} (or the end): '+' is a space, %XX a byte; {@code next[0]} gets the offset
     * of the stop character (the end when missing), or -1 after a malformed %-escape.
     */
    private static String decode(Tvb tvb, int off, char stop, int[] next) {
        int n = tvb.reportedLength();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = off;
        while (i < n) {
            int c = tvb.u8(i);
            if (c == stop) {
                break;
            }
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= n || hex(tvb.u8(i + 1)) < 0 || hex(tvb.u8(i + 2)) < 0) {
                    next[0] = -1; // a bad escape ends the form, as in tshark
                    return "";
                }
                out.write(hex(tvb.u8(i + 1)) * 16 + hex(tvb.u8(i + 2)));
                i += 2;
            } else {
                out.write(c);
            }
            i++;
        }
        next[0] = i;
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private static int hex(int c) {
        return Character.digit(c, 16);
    }
}
