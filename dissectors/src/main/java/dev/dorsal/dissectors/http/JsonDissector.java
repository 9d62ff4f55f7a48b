package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads a JSON entity (RFC 8259) into tshark's tree: {@code Object} / {@code Array} subtrees,
 * {@code Member: key} items with the value, {@code Key} and the generated {@code [Path: /a/[]/b]},
 * {@code [Path with value]} and {@code [Member with value]} items. Only a top-level object or array is
 * parsed; whatever does not parse goes to {@code data-text-lines}. Protocol becomes {@code …/JSON} and
 * Info gets {@code , JavaScript Object Notation (application/json)}. Handle and filter prefix {@code json}.
 */
final class JsonDissector {
    static final ProtocolDef PROTO = new ProtocolDef("JavaScript Object Notation", "JSON", "json");

    static final FieldDef OBJECT = FieldDef.none("json.object", "Object");
    static final FieldDef ARRAY = FieldDef.none("json.array", "Array");
    static final FieldDef MEMBER = FieldDef.string("json.member", "Member");
    static final FieldDef KEY = FieldDef.string("json.key", "Key");
    static final FieldDef PATH = FieldDef.string("json.path", "Path");
    static final FieldDef PATH_WITH_VALUE = FieldDef.string("json.path_with_value", "Path with value");
    static final FieldDef MEMBER_WITH_VALUE = FieldDef.string("json.member_with_value", "Member with value");
    static final FieldDef VALUE_STRING = FieldDef.string("json.value.string", "String value");
    static final FieldDef VALUE_NUMBER = FieldDef.string("json.value.number", "Number value");
    static final FieldDef VALUE_FALSE = FieldDef.none("json.value.false", "False value");
    static final FieldDef VALUE_NULL = FieldDef.none("json.value.null", "Null value");
    static final FieldDef VALUE_TRUE = FieldDef.none("json.value.true", "True value");

    static final List<FieldDef> FIELDS = List.of(OBJECT, ARRAY, MEMBER, KEY, PATH, PATH_WITH_VALUE, MEMBER_WITH_VALUE,
            VALUE_STRING, VALUE_NUMBER, VALUE_FALSE, VALUE_NULL, VALUE_TRUE);

    /** Media types bound to this dissector. */
    static final String[] MEDIA_TYPES = {"application/json", "application/json-rpc", "application/jsonrequest",
        "application/dds-web+json", "application/vnd.oma.lwm2m+json", "application/x-ndjson"};

    /** Nesting beyond this depth is not parsed (a bound on recursion). */
    private static final int MAX_DEPTH = 256;

    private JsonDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        HttpBody.Media media = pinfo.get(HttpBody.MEDIA);
        String name = media != null ? media.type() : null;
        List<String> layers = pinfo.layerNames();
        boolean topLevel = layers.size() >= 2 && layers.get(layers.size() - 2).equals("frame");
        if (topLevel) {
            pinfo.columns().setProtocol("JSON");
            pinfo.columns().setInfo("JavaScript Object Notation");
        } else {
            pinfo.columns().setProtocol(pinfo.columns().protocol() + "/JSON");
            pinfo.columns().appendInfoSep(", ", "JavaScript Object Notation");
        }
        ProtoItem root = tree.addProtocol(PROTO, tvb, 0, tvb.length(),
                tree.tree().detailed() && name != null ? "JavaScript Object Notation: " + name : null);
        JsonParser p = new JsonParser(tvb, MAX_DEPTH);
        int end = p.parseDocument();
        if (end > 0) {
            p.emit(root);
        }
        if (root != tree) {
            root.setLength(Math.max(end, 0));
        }
        int consumed = Math.max(end, 0);
        if (tvb.reportedLength() - consumed > 0) {
            DissectorHandle lines = pinfo.tables().handle("data-text-lines");
            if (lines != null) {
                pinfo.call(lines, tvb.slice(consumed), tree);
            }
        } else if (name != null && pinfo.columns().enabled()) {
            pinfo.columns().appendInfoSep(" ", "(" + name + ")");
        }
        return Math.max(1, tvb.length());
    }
}
