package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;

/**
 * Shows a text entity line by line: {@code Line-based text data: text/html (4 lines)} with one item per
 * line, its line terminator shown escaped ({@code <html>\r\n}), and appends {@code (text/html)} to Info.
 * Bound to the media types tshark 4.0 gives it (text/plain, text/html, text/css, text/javascript…);
 * handle and filter name {@code data-text-lines} (it has no fields).
 */
final class TextLinesDissector {
    static final ProtocolDef PROTO = new ProtocolDef("Line-based text data", "Line-based text data",
            "data-text-lines");

    /** The media types this dissector is registered for in {@code media_type}. */
    static final String[] MEDIA_TYPES = {
        "text/plain", "text/richtext", "text/enriched", "text/parameters", "text/html", "text/css",
        "application/x-javascript", "text/javascript", "application/x-tia-p25-issi", "application/x-tia-p25-sndcp",
        "application/x-ns-proxy-autoconfig", "text/vnd.sun.j2me.app-descriptor", "application/vnd.poc.refer-to",
        "application/vnd.drm.message", "application/x-rtsp-udp-packetpair",
    };
    private TextLinesDissector() {}

    /** tshark 4.0.17 hands text starting with "<?xml" (any case) to XML from this many bytes up. */
    private static final int XML_MIN_LENGTH = 39;

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        DissectorHandle xml = xmlDocument(tvb, pinfo);
        if (xml != null) {
            return pinfo.call(xml, tvb, tree);
        }
        HttpBody.Media media = pinfo.get(HttpBody.MEDIA);
        String name = media != null && !media.type().isEmpty() ? media.type() : null;
        if (name != null && pinfo.columns().enabled()) {
            pinfo.columns().appendInfoSep(" ", "(" + name + ")");
        }
        boolean detailed = tree.tree().detailed();
        ProtoItem ti = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        if (!detailed) {
            return Math.max(1, tvb.length());
        }
        int lines = 0;
        int off = 0;
        int n = tvb.length();
        while (off < n) {
            long le = HttpText.lineEnd(tvb, off, true);
            int next = HttpText.nextLine(le);
            ti.addText(tvb, off, next - off, HttpText.format(tvb, off, next - off));
            lines++;
            off = next;
        }
        ti.setText("Line-based text data" + (name != null ? ": " + name : "") + " (" + lines + " lines)");
        return Math.max(1, tvb.length());
    }

    /** The XML dissector when the text is an XML document as tshark recognises one, else null. */
    private static DissectorHandle xmlDocument(Tvb tvb, PacketInfo pinfo) {
        if (tvb.reportedLength() < XML_MIN_LENGTH || !tvb.has(0, 5)
                || !tvb.ascii(0, 5).toLowerCase(java.util.Locale.ROOT).equals("<?xml")) {
            return null;
        }
        return pinfo.tables().handle("xml");
    }
}
