package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one JSON object or array (leading whitespace allowed) from the bytes of an entity into a
 * small value tree, then writes that tree as tshark's JSON items ({@link #emit}). Recursion is
 * bounded by a depth limit; anything unparsable leaves the document unparsed.
 */
final class JsonParser {
    private enum Kind { OBJECT, ARRAY, STRING, NUMBER, TRUE, FALSE, NULL }

    /** A parsed value with the bytes it covers; {@code key} is set for object members. */
    private static final class Value {
        Kind kind;
        int off;
        int len;
        String text;
        String key;
        int memberOff;
        int memberLen;
        int keyOff;
        int keyLen;
        List<Value> children;
    }

    private final Tvb tvb;
    private final byte[] d;
    private final int base;
    private final int end;
    private final int maxDepth;
    private int pos;
    private Value document;

    JsonParser(Tvb tvb, int maxDepth) {
        this.tvb = tvb;
        this.d = tvb.backingArray();
        this.base = tvb.start();
        this.end = tvb.length();
        this.maxDepth = maxDepth;
    }

    /** Parses the document; returns the offset after it (trailing whitespace included), or -1. */
    int parseDocument() {
        pos = 0;
        skipSpace();
        if (pos >= end || (at(pos) != '{' && at(pos) != '[')) {
            return -1;
        }
        Value v = value(0);
        if (v == null) {
            return -1;
        }
        document = v;
        skipSpace();
        return pos;
    }

    private int at(int i) {
        return d[base + i] & 0xff;
    }

    private void skipSpace() {
        while (pos < end) {
            int c = at(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                break;
            }
            pos++;
        }
    }

    private Value value(int depth) {
        if (depth > maxDepth || pos >= end) {
            return null;
        }
        int c = at(pos);
        Value v = new Value();
        v.off = pos;
        switch (c) {
            case '{' -> {
                v.kind = Kind.OBJECT;
                v.children = new ArrayList<>();
                pos++;
                skipSpace();
                if (pos < end && at(pos) == '}') {
                    pos++;
                    break;
                }
                while (true) {
                    skipSpace();
                    int memberStart = pos;
                    if (pos >= end || at(pos) != '"') {
                        return null;
                    }
                    int keyOff = pos;
                    String key = string();
                    if (key == null) {
                        return null;
                    }
                    int keyLen = pos - keyOff;
                    skipSpace();
                    if (pos >= end || at(pos) != ':') {
                        return null;
                    }
                    pos++;
                    skipSpace();
                    Value member = value(depth + 1);
                    if (member == null) {
                        return null;
                    }
                    member.key = key;
                    member.keyOff = keyOff;
                    member.keyLen = keyLen;
                    member.memberOff = memberStart;
                    member.memberLen = pos - memberStart;
                    v.children.add(member);
                    skipSpace();
                    if (pos < end && at(pos) == ',') {
                        pos++;
                        continue;
                    }
                    if (pos < end && at(pos) == '}') {
                        pos++;
                        break;
                    }
                    return null;
                }
            }
            case '[' -> {
                v.kind = Kind.ARRAY;
                v.children = new ArrayList<>();
                pos++;
                skipSpace();
                if (pos < end && at(pos) == ']') {
                    pos++;
                    break;
                }
                while (true) {
                    skipSpace();
                    Value item = value(depth + 1);
                    if (item == null) {
                        return null;
                    }
                    v.children.add(item);
                    skipSpace();
                    if (pos < end && at(pos) == ',') {
                        pos++;
                        continue;
                    }
                    if (pos < end && at(pos) == ']') {
                        pos++;
                        break;
                    }
                    return null;
                }
            }
            case '"' -> {
                v.kind = Kind.STRING;
                v.text = string();
                if (v.text == null) {
                    return null;
                }
            }
            case 't' -> {
                if (!literal("true")) {
                    return null;
                }
                v.kind = Kind.TRUE;
                v.text = "true";
            }
            case 'f' -> {
                if (!literal("false")) {
                    return null;
                }
                v.kind = Kind.FALSE;
                v.text = "false";
            }
            case 'n' -> {
                if (!literal("null")) {
                    return null;
                }
                v.kind = Kind.NULL;
                v.text = "null";
            }
            default -> {
                if (!number()) {
                    return null;
                }
                v.kind = Kind.NUMBER;
                v.text = new String(d, base + v.off, pos - v.off, StandardCharsets.ISO_8859_1);
            }
        }
        v.len = pos - v.off;
        return v;
    }

    private boolean literal(String s) {
        if (pos + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (at(pos + i) != s.charAt(i)) {
                return false;
            }
        }
        pos += s.length();
        return true;
    }

    /** -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)? */
    private boolean number() {
        int start = pos;
        if (pos < end && at(pos) == '-') {
            pos++;
        }
        int digits = digits();
        if (digits == 0) {
            pos = start;
            return false;
        }
        if (pos < end && at(pos) == '.') {
            pos++;
            if (digits() == 0) {
                pos = start;
                return false;
            }
        }
        if (pos < end && (at(pos) == 'e' || at(pos) == 'E')) {
            pos++;
            if (pos < end && (at(pos) == '+' || at(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                pos = start;
                return false;
            }
        }
        return true;
    }

    private int digits() {
        int n = 0;
        while (pos < end && at(pos) >= '0' && at(pos) <= '9') {
            pos++;
            n++;
        }
        return n;
    }

    /** A quoted string at {@code pos}, unescaped; null when unterminated. */
    private String string() {
        pos++;
        ByteArrayOutputStream out = null;
        int start = pos;
        while (pos < end) {
            int c = at(pos);
            if (c == '"') {
                String s = out == null ? new String(d, base + start, pos - start, StandardCharsets.UTF_8)
                        : out.toString(StandardCharsets.UTF_8);
                pos++;
                return s;
            }
            if (c == '\\') {
                if (out == null) {
                    out = new ByteArrayOutputStream();
                    out.write(d, base + start, pos - start);
                }
                if (pos + 1 >= end) {
                    return null;
                }
                int e = at(pos + 1);
                pos += 2;
                switch (e) {
                    case 'b' -> out.write(8);
                    case 'f' -> out.write(12);
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'u' -> unicode(out);
                    default -> out.write(e);
                }
                continue;
            }
            if (out != null) {
                out.write(c);
            }
            pos++;
        }
        return null;
    }

    /** \\uXXXX (with surrogate pairs) as UTF-8; '?' for an invalid or unprintable code point. */
    private void unicode(ByteArrayOutputStream out) {
        int cp = hex4(pos);
        if (cp < 0) {
            out.write('?');
            return;
        }
        pos += 4;
        if (cp >= 0xd800 && cp <= 0xdbff && pos + 6 <= end && at(pos) == '\\' && at(pos + 1) == 'u') {
            int low = hex4(pos + 2);
            if (low >= 0xdc00 && low <= 0xdfff) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                pos += 6;
            }
        }
        if (pos < end && at(pos) == '"') {
            return; // tshark 4.0 drops a \\u escape that ends the string
        }
        if (cp >= 0xd800 && cp <= 0xdfff || Character.isISOControl(cp)) {
            out.write('?');
            return;
        }
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    private int hex4(int p) {
        if (p + 4 > end) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int h = Character.digit(at(p + i), 16);
            if (h < 0) {
                return -1;
            }
            v = v * 16 + h;
        }
        return v;
    }

    /** Writes the parsed document under {@code root}. */
    void emit(ProtoItem root) {
        if (document != null) {
            container(root, document, "");
        }
    }

    private void container(ProtoItem parent, Value v, String path) {
        ProtoItem item = parent.add(v.kind == Kind.OBJECT ? JsonDissector.OBJECT : JsonDissector.ARRAY, tvb, v.off, v.len);
        for (Value c : v.children) {
            if (v.kind == Kind.OBJECT) {
                member(item, c, path + "/" + c.key);
            } else {
                element(item, c, path + "/[]");
            }
        }
    }

    private void member(ProtoItem object, Value v, String path) {
        ProtoItem m = object.addString(JsonDissector.MEMBER, tvb, v.memberOff, v.memberLen, v.key);
        if (v.kind == Kind.OBJECT || v.kind == Kind.ARRAY) {
            container(m, v, path);
        } else {
            primitive(m, v, path, v.key);
        }
        m.addString(JsonDissector.KEY, tvb, v.keyOff, v.keyLen, v.key);
        generated(m, m.addString(JsonDissector.PATH, tvb, v.keyOff, v.keyLen, path));
    }

    private void element(ProtoItem array, Value v, String path) {
        if (v.kind == Kind.OBJECT || v.kind == Kind.ARRAY) {
            container(array, v, path);
        } else {
            primitive(array, v, path, "[]");
        }
    }

    private void primitive(ProtoItem parent, Value v, String path, String key) {
        generated(parent, parent.addString(JsonDissector.PATH_WITH_VALUE, tvb, v.off, v.len, path + ":" + v.text));
        generated(parent, parent.addString(JsonDissector.MEMBER_WITH_VALUE, tvb, v.off, v.len, key + ":" + v.text));
        FieldDef f = switch (v.kind) {
            case STRING -> JsonDissector.VALUE_STRING;
            case NUMBER -> JsonDissector.VALUE_NUMBER;
            case TRUE -> JsonDissector.VALUE_TRUE;
            case FALSE -> JsonDissector.VALUE_FALSE;
            default -> JsonDissector.VALUE_NULL;
        };
        if (v.kind == Kind.STRING || v.kind == Kind.NUMBER) {
            parent.addString(f, tvb, v.off, v.len, v.text);
        } else {
            parent.add(f, tvb, v.off, v.len);
        }
    }

    private static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
