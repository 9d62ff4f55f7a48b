package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code -T pdml} as tshark 4.0 does: an XML header naming the capture file and the time of
 * the run, then per packet a {@code geninfo} pseudo-protocol and every tree node, hidden ones
 * included, two spaces per level:
 *
 * <pre>{@code
 * <proto name="ip" showname="Internet Protocol Version 4, ..." size="20" pos="14">
 *   <field name="ip.flags" showname="010. .... = Flags: 0x2, ..." size="1" pos="20" show="0x02" value="2" unmaskedvalue="40">
 *   <field name="" show="Queries" size="21" pos="54" value="0377...">   (a text-only node)
 * }</pre>
 *
 * <p>{@code value} is the node's bytes in hex (the masked value in upper-case hex, then
 * {@code unmaskedvalue}, for fields with a bit mask); {@code pos} is the offset in the node's data
 * source. A top-level node that is not a protocol, or is {@code data}, is wrapped in a
 * {@code fake-field-wrapper} protocol, and its closing tag keeps its unwrapped indentation, as in
 * tshark. Undissected {@code data} is a {@code <field name="data" value=…>} holding its children. With {@code -e} fields ({@link #PdmlFormatter(String, FieldsFormatter)}) a packet holds
 * {@code geninfo} and one {@code <field name=… value=…/>} per value instead of the tree.
 */
public final class PdmlFormatter implements PacketFormatter {
    private static final String DATA = "data";
    private static final String EXPERT = "_ws.expert";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String captureFile;
    private final FieldsFormatter fields;

    /**
     * @param captureFile the capture's name as given to {@code -r}, for the header
     * @param fields      the {@code -e} fields, or null for the whole tree
     */
    public PdmlFormatter(String captureFile, FieldsFormatter fields) {
        this.captureFile = captureFile == null ? "" : captureFile;
        this.fields = fields;
    }

    @Override
    public void begin(StringBuilder out) {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.append("<?xml-stylesheet type=\"text/xsl\" href=\"pdml2html.xsl\"?>\n");
        out.append("<!-- You can find pdml2html.xsl in /usr/share/wireshark or at ");
        out.append("https://gitlab.com/wireshark/wireshark/-/raw/master/pdml2html.xsl. -->\n");
        out.append("<pdml version=\"0\" creator=\"wireshark/4.0.17\" time=\"");
        // C's ctime() form in local time: "Fri Nov 27 15:55:19 2026", the day padded with a space.
        out.append(String.format(Locale.ROOT, "%1$ta %1$tb %2$2d %1$tT %1$tY", ZonedDateTime.now(),
                ZonedDateTime.now().getDayOfMonth()));
        out.append("\" capture_file=\"");
        XmlText.escape(out, captureFile);
        out.append("\">\n");
    }

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        out.append("<packet>\n");
        geninfo(p, out);
        if (fields != null) {
            List<String>[] values = fields.valuesOf(p);
            List<String> names = fields.names();
            for (int i = 0; i < values.length; i++) {
                for (String v : values[i]) {
                    out.append("  <field name=\"");
                    XmlText.escape(out, names.get(i));
                    out.append("\" value=\"");
                    XmlText.escape(out, v);
                    out.append("\"/>\n");
                }
            }
        } else {
            for (ProtoItem top = p.tree().root().firstChild(); top != null; top = top.next()) {
                FieldDef f = top.field();
                if (f == null || f.type() != FieldType.PROTOCOL || f.abbrev().equals(DATA)) {
                    out.append("  <proto name=\"fake-field-wrapper\">\n");
                    node(top, 2, 1, out);
                    out.append("  </proto>\n");
                } else {
                    node(top, 1, 1, out);
                }
            }
        }
        out.append("</packet>\n\n\n");
    }

    @Override
    public void end(StringBuilder out) {
        out.append("</pdml>\n");
    }

    /** The {@code geninfo} pseudo-protocol: number, lengths and time, each as long as the frame. */
    private static void geninfo(DissectedPacket p, StringBuilder out) {
        ProtoItem frame = p.tree().root().firstChild();
        int size = frame == null ? p.frame().capturedLength() : frame.length();
        String time = TimeText.absolute(p.frame().timestampNanos());
        out.append("  <proto name=\"geninfo\" pos=\"0\" showname=\"General information\" size=\"").append(size)
                .append("\">\n");
        geninfoField(out, "num", p.frame().number(), "Number", size);
        geninfoField(out, "len", p.frame().originalLength(), "Frame Length", size);
        geninfoField(out, "caplen", p.frame().capturedLength(), "Captured Length", size);
        long nanos = p.frame().timestampNanos();
        out.append("    <field name=\"timestamp\" pos=\"0\" show=\"");
        XmlText.escape(out, time);
        out.append("\" showname=\"Captured Time\" value=\"").append(Math.floorDiv(nanos, 1_000_000_000L)).append('.');
        String ns = Long.toString(Math.floorMod(nanos, 1_000_000_000L));
        out.append("000000000", 0, 9 - ns.length()).append(ns).append("\" size=\"").append(size).append("\"/>\n");
        out.append("  </proto>\n");
    }

    private static void geninfoField(StringBuilder out, String name, long value, String showname, int size) {
        out.append("    <field name=\"").append(name).append("\" pos=\"0\" show=\"").append(value)
                .append("\" showname=\"").append(showname).append("\" value=\"").append(Long.toHexString(value))
                .append("\" size=\"").append(size).append("\"/>\n");
    }

    /**
     * Writes {@code item} opened at {@code level} and closed at {@code closeLevel} (they differ only
     * for a wrapped top-level node), its children one level deeper than it opened.
     */
    private static void node(ProtoItem item, int level, int closeLevel, StringBuilder out) {
        FieldDef f = item.field();
        boolean children = item.firstChild() != null;
        indent(out, level);
        boolean proto = f != null && f.type() == FieldType.PROTOCOL && !f.abbrev().equals(EXPERT);
        if (f != null && f.abbrev().equals(DATA)) {
            // Undissected data is written as a field with its bytes, not as a protocol.
            out.append("<field name=\"data\" value=\"");
            hex(item, out);
            proto = false;
        } else if (f == null) {
            out.append("<field name=\"\" show=\"");
            XmlText.escape(out, FieldFormat.plainLabel(item));
            out.append("\" size=\"").append(item.length()).append("\" pos=\"").append(pos(item));
            if (item.length() > 0) {
                out.append("\" value=\"");
                hex(item, out);
            }
        } else {
            out.append(proto ? "<proto name=\"" : "<field name=\"");
            XmlText.escape(out, f.abbrev());
            out.append("\" showname=\"");
            XmlText.escape(out, FieldFormat.plainLabel(item));
            if (item.hidden()) {
                out.append("\" hide=\"yes");
            }
            out.append("\" size=\"").append(item.length()).append("\" pos=\"").append(pos(item));
            if (f.type() == FieldType.NONE) {
                out.append("\" show=\"\" value=\"");
            } else if (f.type() != FieldType.PROTOCOL) {
                out.append("\" show=\"");
                XmlText.escape(out, FieldFormat.showText(item));
                if (item.length() > 0) {
                    out.append("\" value=\"");
                    if (registeredMask(f) != 0) {
                        out.append(Long.toHexString(item.num()).toUpperCase(Locale.ROOT)).append("\" unmaskedvalue=\"");
                    }
                    hex(item, out);
                }
            }
        }
        if (children) {
            out.append("\">\n");
            for (ProtoItem c = item.firstChild(); c != null; c = c.next()) {
                node(c, level + 1, level + 1, out);
            }
            indent(out, closeLevel);
            out.append(proto ? "</proto>\n" : "</field>\n");
        } else {
            out.append("\"/>\n");
        }
    }

    /**
     * The field's bit mask as tshark registers it: 0 for {@linkplain FieldDef#bitItem() bit items}.
     */
    static long registeredMask(FieldDef f) {
        return f.isBitItem() ? 0 : f.mask();
    }

    /**
     * The node's offset in its data source; 0 under an expert-info node, whose items tshark adds
     * without bytes.
     */
    private static int pos(ProtoItem item) {
        ProtoItem parent = item.parent();
        if (parent != null && parent.field() != null && parent.field().abbrev().equals(EXPERT)) {
            return 0;
        }
        return item.sourceOffset();
    }

    /** The covered bytes in hex, or tshark's "field length invalid!" when they run past the captured data. */
    private static void hex(ProtoItem item, StringBuilder out) {
        Tvb tvb = item.tvb();
        if (tvb == null) {
            return;
        }
        byte[] src = tvb.source().bytes();
        int start = item.sourceOffset();
        if (item.length() > src.length - start) {
            out.append("field length invalid!");
            return;
        }
        for (int i = start, end = start + item.length(); i < end; i++) {
            out.append(HEX[(src[i] >> 4) & 15]).append(HEX[src[i] & 15]);
        }
    }

    private static void indent(StringBuilder out, int level) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }
}
