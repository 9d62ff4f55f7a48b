package dev.dorsal.dissectors.imap;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads IMAP (RFC 9051; filter prefix {@code imap}; TCP port 143) as tshark 4.0.17 does: every line is
 * an {@code imap.line} item; a line not starting with {@code *} is a request or response split into
 * tag, command (after {@code UID}) or status and command, and for some commands the folder or the
 * LOGIN user name and password ({@link ImapRequest}); untagged {@code *} lines stay whole. Tagged
 * responses point back at the last request sent under their tag. A {@code {N}} literal in an untagged
 * FETCH response goes to IMF ({@link ImapLiteral}). A line without its end is left to TCP to
 * reassemble. Info is "Request: " or "Response: " and the first line, or the first line after it
 * that is not untagged.
 */
public final class ImapDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Internet Message Access Protocol", "IMAP", "imap");

    static final FieldDef ISREQUEST = FieldDef.bool("imap.isrequest", "Request");
    static final FieldDef LINE = FieldDef.stringz("imap.line", "Line");
    static final FieldDef REQUEST = FieldDef.stringz("imap.request", "Request");
    static final FieldDef REQUEST_TAG = FieldDef.stringz("imap.request_tag", "Request Tag");
    static final FieldDef RESPONSE = FieldDef.stringz("imap.response", "Response");
    static final FieldDef RESPONSE_TAG = FieldDef.stringz("imap.response_tag", "Response Tag");
    static final FieldDef REQUEST_COMMAND = FieldDef.stringz("imap.request.command", "Request Command");
    static final FieldDef RESPONSE_COMMAND = FieldDef.stringz("imap.response.command", "Response Command");
    static final FieldDef RESPONSE_STATUS = FieldDef.stringz("imap.response.status", "Response Status");
    static final FieldDef TAG = FieldDef.stringz("imap.tag", "Tag");
    static final FieldDef COMMAND = FieldDef.stringz("imap.command", "Command");
    static final FieldDef FOLDER = FieldDef.stringz("imap.request.folder", "Request Folder");
    static final FieldDef UID = FieldDef.bool("imap.request.command.uid", "Request isUID");
    static final FieldDef USERNAME = FieldDef.stringz("imap.request.username", "Request Username");
    static final FieldDef PASSWORD = FieldDef.stringz("imap.request.password", "Request Password");
    static final FieldDef RESPONSE_IN = FieldDef.framenum("imap.response_in", "Response In");
    static final FieldDef RESPONSE_TO = FieldDef.framenum("imap.response_to", "Request In");
    static final FieldDef TIME = FieldDef.relativeTime("imap.time", "Response Time");

    static final List<FieldDef> FIELDS = List.of(ISREQUEST, LINE, REQUEST, REQUEST_TAG, RESPONSE, RESPONSE_TAG,
            REQUEST_COMMAND, RESPONSE_COMMAND, RESPONSE_STATUS, TAG, COMMAND, FOLDER, UID, USERNAME, PASSWORD,
            RESPONSE_IN, RESPONSE_TO, TIME);

    /** How many lines of the frame were read so far (the key of their request/response links). */
    private static final Key<int[]> LINES = Key.of("imap.lines");

    private DissectorHandle handle;

    @Override
    public String name() {
        return "imap";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        handle = r.handle("imap", PROTO, ImapDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(143, handle);
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        boolean request = pinfo.dstPort() == TcpPdus.matchedPort(pinfo);
        pinfo.columns().setProtocol("IMAP");
        ImapSession s = ImapSession.of(pinfo);
        int ownLayer = pinfo.layerNames().size() - 1;
        int[] counter = pinfo.get(LINES);
        if (counter == null) {
            counter = new int[1];
            pinfo.put(LINES, counter);
        }
        ProtoItem imap = null;
        boolean infoOpen = true;
        int offset = 0;
        while (offset < tvb.length()) {
            int end = lineEnd(tvb, offset);
            if (end < 0) {
                // tshark asks for the rest of the line whether or not TCP can give it
                pinfo.setDesegment(offset, PacketInfo.ONE_MORE_SEGMENT);
                if (imap == null) {
                    pinfo.removeLayers(ownLayer);
                }
                return tvb.length();
            }
            int next = end < tvb.length() && tvb.u8(end) == '\r' && end + 1 < tvb.length() && tvb.u8(end + 1) == '\n'
                    ? end + 2 : end + 1;
            if (imap == null) {
                imap = tree.addProtocol(PROTO, tvb, 0, tvb.length());
                imap.addBool(ISREQUEST, tvb, 0, 0, request).setHidden();
            }
            int linelen = end - offset;
            ImapLiteral literal = request ? null : ImapLiteral.find(tvb, offset, linelen, next);
            if (literal == ImapLiteral.WAIT) {
                pinfo.setDesegment(offset, PacketInfo.ONE_MORE_SEGMENT);
                return tvb.length();
            }
            if (infoOpen && pinfo.columns().enabled()) {
                pinfo.columns().setInfo((request ? "Request: " : "Response: ")
                        + FormatText.format(tvb.backingArray(), tvb.start() + offset, linelen));
            }
            // the first line sets Info, and the first line after it that is not untagged, if any
            infoOpen &= linelen > 0 && tvb.u8(offset) == '*' && literal == null;
            int index = counter[0]++;
            ProtoItem line = imap.addString(LINE, tvb, offset, next - offset, AsciiText.of(tvb, offset, next - offset));
            if (linelen > 0 && tvb.u8(offset) != '*') {
                ImapRequest.line(tvb, pinfo, s, line, offset, linelen, request, index);
            }
            if (literal != null) {
                DissectorHandle imf = pinfo.tables().handle("imf");
                if (imf != null) {
                    pinfo.call(imf, tvb.slice(next, literal.length()), tree);
                }
                next += literal.length();
            }
            offset = next;
        }
        return tvb.length();
    }

    /**
     * Where the line at {@code offset} ends (its CR or LF), or -1 when the captured data ends first or
     * ends on a CR that an LF may follow, as tshark's line search with desegmentation finds it.
     */
    static int lineEnd(Tvb tvb, int offset) {
        byte[] d = tvb.backingArray();
        int base = tvb.start();
        for (int i = offset; i < tvb.length(); i++) {
            byte b = d[base + i];
            if (b == '\n') {
                return i;
            }
            if (b == '\r') {
                return i + 1 < tvb.length() ? i : -1;
            }
        }
        return -1;
    }
}
