package dev.dorsal.dissectors.xml;

import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads an XML document (an HTTP body of an XML media type) into tshark's generic XML tree: each
 * element a node labelled {@code <name} with its attributes and content below it and its closing tag
 * last, processing instructions, the document type (with its internal subset), comments, CDATA
 * sections and text. Like tshark it is a tolerant tokenizer, not a validating parser: a closing tag
 * closes the innermost open element whatever its name, text outside any element is
 * {@code xml.unknown}, and a tag it cannot read is "Unrecognized text" followed by what comes after.
 * Appends {@code /XML} to the Protocol column. Filter prefix {@code xml}.
 *
 * <p>Bounded: at most {@value #MAX_DEPTH} elements are open at once; deeper ones are shown as text.
 */
final class XmlDissector {
    static final ProtocolDef PROTO = new ProtocolDef("eXtensible Markup Language", "XML", "xml");

    static final FieldDef XMLPI = FieldDef.string("xml.xmlpi", "XMLPI");
    static final FieldDef XMLPI_XML = FieldDef.string("xml.xmlpi.xml", "xml.xmlpi.xml");
    static final FieldDef XMLPI_VERSION = FieldDef.string("xml.xmlpi.xml.version", "version");
    static final FieldDef XMLPI_ENCODING = FieldDef.string("xml.xmlpi.xml.encoding", "encoding");
    static final FieldDef XMLPI_STANDALONE = FieldDef.string("xml.xmlpi.xml.standalone", "standalone");
    static final FieldDef CDATA_SECTION = FieldDef.string("xml.cdatasection", "CDATASection");
    static final FieldDef COMMENT = FieldDef.string("xml.comment", "Comment");
    static final FieldDef ATTRIBUTE = FieldDef.string("xml.attribute", "Attribute");
    static final FieldDef DOCTYPE = FieldDef.string("xml.doctype", "Doctype");
    static final FieldDef DTD_TAG = FieldDef.string("xml.dtdtag", "DTD Tag");
    static final FieldDef CDATA = FieldDef.string("xml.cdata", "CDATA");
    static final FieldDef TAG = FieldDef.string("xml.tag", "Tag");
    static final FieldDef UNKNOWN = FieldDef.string("xml.unknown", "Unknown");

    static final List<FieldDef> FIELDS = List.of(XMLPI, XMLPI_XML, XMLPI_VERSION, XMLPI_ENCODING, XMLPI_STANDALONE,
            CDATA_SECTION, COMMENT, ATTRIBUTE, DOCTYPE, DTD_TAG, CDATA, TAG, UNKNOWN);

    static final ExpertDef CLOSING_UNOPENED = new ExpertDef("xml.closing_unopened_tag", "Closing an unopened tag",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef UNRECOGNIZED = new ExpertDef("xml.unrecognized_text", "Unrecognized text",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    static final int MAX_DEPTH = 1024;

    private final Tvb tvb;
    private final int end;
    private final boolean detailed;
    private final ProtoItem root;
    private final Deque<ProtoItem> open = new ArrayDeque<>();

    private XmlDissector(Tvb tvb, ProtoItem root) {
        this.tvb = tvb;
        this.end = tvb.length();
        this.root = root;
        this.detailed = root.tree().detailed();
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol(pinfo.columns().protocol() + "/XML");
        ProtoItem xml = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        new XmlDissector(tvb, xml).run();
        return Math.max(1, tvb.length());
    }

    private ProtoItem current() {
        return open.isEmpty() ? root : open.peek();
    }

    private void run() {
        int off = 0;
        while (true) {
            off = skipSpace(off);
            if (off >= end) {
                break;
            }
            if (tvb.u8(off) != '<') {
                off = text(off);
            } else if (startsWith(off, "<?")) {
                off = processingInstruction(off);
            } else if (startsWith(off, "<!--")) {
                off = delimited(off, "-->", COMMENT);
            } else if (startsWith(off, "<![CDATA[")) {
                off = delimited(off, "]]>", CDATA_SECTION);
            } else if (startsWith(off, "<!DOCTYPE")) {
                off = doctype(off);
            } else if (startsWith(off, "</")) {
                off = closingTag(off);
            } else {
                off = tag(off);
            }
        }
        // an element never closed keeps the extent of its start tag, as in tshark
    }

    /** Text up to the next '<': CDATA inside an element, "unknown" outside; its trailing space stays. */
    private int text(int off) {
        int stop = indexOf(off, '<');
        int to = stop < 0 ? end : stop;
        String value = tvb.utf8(off, to - off);
        ProtoItem item = current().addString(open.isEmpty() ? UNKNOWN : CDATA, tvb, off, to - off, value);
        label(item, off, to - off, "");
        return to;
    }

    private int delimited(int off, String terminator, FieldDef field) {
        int close = indexOf(off, terminator);
        if (close < 0) {
            return unrecognized(off, off + 1);
        }
        int to = close + terminator.length();
        String value = tvb.utf8(off, to - off);
        label(current().addString(field, tvb, off, to - off, value), off, to - off, "");
        return to;
    }

    /** {@code <?name attr="v" …?>}; the {@code <?xml …?>} declaration gets its own fields. */
    private int processingInstruction(int off) {
        int close = indexOf(off, "?>");
        int nameEnd = nameEnd(off + 2);
        if (close < 0 || nameEnd == off + 2) {
            return unrecognized(off, off + 2);
        }
        String name = tvb.ascii(off + 2, nameEnd - off - 2);
        boolean declaration = name.equals("xml");
        int to = close + 2;
        ProtoItem pi = current().addString(declaration ? XMLPI_XML : XMLPI, tvb, off, to - off, tvb.utf8(off, to - off));
        label(pi, off, nameEnd - off, "");
        int p = nameEnd;
        while (true) {
            p = skipSpace(p);
            if (p >= close) {
                break;
            }
            Attribute a = attribute(p, close);
            if (a == null) {
                break;
            }
            if (declaration) {
                FieldDef f = switch (a.name) {
                    case "version" -> XMLPI_VERSION;
                    case "encoding" -> XMLPI_ENCODING;
                    case "standalone" -> XMLPI_STANDALONE;
                    default -> null;
                };
                if (f != null) {
                    label(pi.addString(f, tvb, a.valueStart, a.valueLength, a.value), a.start, a.end - a.start, "");
                }
            } else {
                label(pi.addString(ATTRIBUTE, tvb, a.start, a.end - a.start, a.raw), a.start, a.end - a.start, "");
            }
            p = a.end;
        }
        pi.addText(tvb, close, 2, "?>");
        return to;
    }

    /** {@code <!DOCTYPE name …>}, with an internal subset {@code [ <!…> … ]>} shown tag by tag. */
    private int doctype(int off) {
        int nameStart = skipSpace(off + "<!DOCTYPE".length());
        int nameEnd = nameEnd(nameStart);
        String name = tvb.ascii(nameStart, nameEnd - nameStart);
        int gt = indexOf(off, '>');
        int bracket = indexOf(off, '[');
        if (gt < 0) {
            return unrecognized(off, off + 2);
        }
        if (bracket < 0 || bracket > gt) {
            int to = gt + 1;
            label(current().addString(DOCTYPE, tvb, nameStart, nameEnd - nameStart, name), off, to - off, "");
            return to;
        }
        int closeSubset = indexOf(bracket, "]>");
        if (closeSubset < 0) {
            return unrecognized(off, off + 2);
        }
        int to = closeSubset + 2;
        ProtoItem d = current().addString(DOCTYPE, tvb, nameStart, nameEnd - nameStart, name); // tshark: the name's bytes
        label(d, off, bracket + 1 - off, "");
        int p = bracket + 1;
        while (true) {
            p = skipSpace(p);
            if (p >= closeSubset || tvb.u8(p) != '<') {
                break;
            }
            int tagEnd = indexOf(p, '>');
            if (tagEnd < 0 || tagEnd > closeSubset) {
                break;
            }
            String value = tvb.utf8(p, tagEnd + 1 - p);
            label(d.addString(DTD_TAG, tvb, p, tagEnd + 1 - p, value), p, tagEnd + 1 - p, "");
            p = tagEnd + 1;
        }
        d.addText(tvb, closeSubset, 2, "]>");
        return to;
    }

    /** {@code </name>}: closes the innermost open element, whatever its name. */
    private int closingTag(int off) {
        int nameEnd = nameEnd(off + 2);
        int gt = skipSpace(nameEnd);
        if (gt >= end || tvb.u8(gt) != '>') {
            return unrecognized(off, off + 2);
        }
        int to = gt + 1;
        String text = tvb.utf8(off, to - off);
        if (open.isEmpty()) {
            root.addText(tvb, off, to - off, text);
            root.addText(tvb, off, to - off, CLOSING_UNOPENED.summary()).expert(CLOSING_UNOPENED);
            return to;
        }
        ProtoItem e = open.pop();
        e.addText(tvb, off, to - off, text);
        e.setLength(to - e.offset());
        return to;
    }

    /** {@code <name attr="v" …>} opens an element; {@code <name …/>} is one by itself. */
    private int tag(int off) {
        int nameEnd = nameEnd(off + 1);
        if (nameEnd == off + 1) {
            return unrecognized(off, off + 1);
        }
        List<Attribute> attributes = new java.util.ArrayList<>();
        int p = nameEnd;
        boolean empty;
        while (true) {
            p = skipSpace(p);
            if (p >= end) {
                return unrecognized(off, nameEnd);
            }
            if (tvb.u8(p) == '>') {
                empty = false;
                p++;
                break;
            }
            if (startsWith(p, "/>")) {
                empty = true;
                p += 2;
                break;
            }
            Attribute a = attribute(p, end);
            if (a == null) {
                return unrecognized(off, nameEnd);
            }
            attributes.add(a);
            p = a.end;
        }
        String startTag = tvb.utf8(off, p - off);
        ProtoItem element = current().addString(TAG, tvb, off, p - off, startTag);
        String closer = empty ? "/>" : ">";
        label(element, off, nameEnd - off, attributes.isEmpty() ? closer : "");
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            ProtoItem item = element.addString(ATTRIBUTE, tvb, a.start, a.end - a.start, a.raw);
            label(item, a.start, a.end - a.start, i == attributes.size() - 1 ? closer : "");
        }
        if (!empty) {
            if (open.size() >= MAX_DEPTH) {
                return p;
            }
            open.push(element);
        }
        return p;
    }

    /** A tag tshark's tokenizer cannot read: flagged, and reading goes on after {@code resume}. */
    private int unrecognized(int off, int resume) {
        current().addText(tvb, off, resume - off, UNRECOGNIZED.summary()).expert(UNRECOGNIZED);
        return resume;
    }

    /** One {@code name="value"} or {@code name='value'} at {@code p}; null when there is none. */
    private Attribute attribute(int p, int limit) {
        int nameEnd = nameEnd(p);
        if (nameEnd == p) {
            return null;
        }
        int eq = skipSpace(nameEnd);
        if (eq >= limit || tvb.u8(eq) != '=') {
            return null;
        }
        int q = skipSpace(eq + 1);
        if (q >= limit || (tvb.u8(q) != '"' && tvb.u8(q) != '\'')) {
            return null;
        }
        int close = indexOf(q + 1, (char) tvb.u8(q));
        if (close < 0 || close >= limit) {
            return null;
        }
        return new Attribute(tvb.ascii(p, nameEnd - p), p, close + 1, q + 1, close - q - 1,
                tvb.utf8(q + 1, close - q - 1), tvb.utf8(p, close + 1 - p));
    }

    private record Attribute(String name, int start, int end, int valueStart, int valueLength, String value,
            String raw) {}

    /** Labels {@code item} with the bytes at {@code off} as tshark shows them (\\n escaped), then {@code suffix}. */
    private void label(ProtoItem item, int off, int len, String suffix) {
        if (detailed) {
            item.setText(FormatText.format(tvb.backingArray(), tvb.start() + off, len) + suffix);
        }
    }

    private int nameEnd(int p) {
        while (p < end) {
            int c = tvb.u8(p);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.' || c == '-' || c >= 0x80)) {
                break;
            }
            p++;
        }
        return p;
    }

    private int skipSpace(int p) {
        while (p < end) {
            int c = tvb.u8(p);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                break;
            }
            p++;
        }
        return p;
    }

    private boolean startsWith(int p, String s) {
        if (p + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (tvb.u8(p + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(int p, char c) {
        for (int i = p; i < end; i++) {
            if (tvb.u8(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(int p, String s) {
        for (int i = p; i + s.length() <= end; i++) {
            if (startsWith(i, s)) {
                return i;
            }
        }
        return -1;
    }
}
