package dev.dorsal.dissectors.pop;

import dev.dorsal.dissectors.tcp.TcpConversationDissectors;
import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.MessageFragments;
import dev.dorsal.dissectors.text.TextLine;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads POP3 (RFC 1939; filter prefix {@code pop}; TCP port 110) as tshark 4.0.17 does. Each frame
 * stands alone (no line is reassembled across segments): a client frame is a command line (command,
 * parameter) and further lines; a server frame starting with {@code +OK} or {@code -ERR} is a reply
 * (indicator, description) and the lines after it. Any other server frame is "DATA fragment" of a
 * message: the fragments join until the byte count announced by the reply to RETR/TOP
 * ({@code +OK 120 octets}) is reached, counting every frame of the connection since that reply, and
 * the joined message (or a lone data frame that completes one) goes to IMF.
 * After {@code +OK} to STLS the connection is TLS.
 */
public final class PopDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Post Office Protocol", "POP", "pop");

    static final FieldDef RESPONSE = FieldDef.string("pop.response", "Response");
    static final FieldDef RESPONSE_INDICATOR = FieldDef.string("pop.response.indicator", "Response indicator");
    static final FieldDef RESPONSE_DESCRIPTION = FieldDef.string("pop.response.description", "Response description");
    static final FieldDef RESPONSE_DATA = FieldDef.string("pop.response.data", "Data");
    static final FieldDef REQUEST = FieldDef.string("pop.request", "Request");
    static final FieldDef REQUEST_COMMAND = FieldDef.string("pop.request.command", "Request command");
    static final FieldDef REQUEST_PARAMETER = FieldDef.string("pop.request.parameter", "Request parameter");
    static final FieldDef REQUEST_DATA = FieldDef.string("pop.request.data", "Data");
    static final FieldDef FRAGMENTS = FieldDef.none("pop.data.fragments", "DATA fragments");
    static final FieldDef FRAGMENT = FieldDef.framenum("pop.data.fragment", "DATA fragment");
    static final FieldDef FRAGMENT_OVERLAP = FieldDef.bool("pop.data.fragment.overlap", "DATA fragment overlap");
    static final FieldDef FRAGMENT_CONFLICTS = FieldDef.bool("pop.data.fragment.overlap.conflicts",
            "DATA fragment overlapping with conflicting data");
    static final FieldDef FRAGMENT_MULTIPLE_TAILS = FieldDef.bool("pop.data.fragment.multiple_tails",
            "DATA has multiple tail fragments");
    static final FieldDef FRAGMENT_TOO_LONG = FieldDef.bool("pop.data.fragment.too_long_fragment",
            "DATA fragment too long");
    static final FieldDef FRAGMENT_ERROR = FieldDef.framenum("pop.data.fragment.error", "DATA defragmentation error");
    static final FieldDef FRAGMENT_COUNT = FieldDef.uint32("pop.data.fragment.count", "DATA fragment count");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("pop.data.reassembled.in", "Reassembled DATA in frame");
    static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint32("pop.data.reassembled.length",
            "Reassembled DATA length");

    static final List<FieldDef> FIELDS = List.of(RESPONSE, RESPONSE_INDICATOR, RESPONSE_DESCRIPTION, RESPONSE_DATA,
            REQUEST, REQUEST_COMMAND, REQUEST_PARAMETER, REQUEST_DATA, FRAGMENTS, FRAGMENT, FRAGMENT_OVERLAP,
            FRAGMENT_CONFLICTS, FRAGMENT_MULTIPLE_TAILS, FRAGMENT_TOO_LONG, FRAGMENT_ERROR, FRAGMENT_COUNT,
            REASSEMBLED_IN, REASSEMBLED_LENGTH);

    static final ExpertDef TOT_LEN = new ExpertDef("pop.response.tot_len.invalid",
            "Length must be a string containing an integer", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    private DissectorHandle handle;

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(TOT_LEN));
        handle = r.handle("pop", PROTO, PopDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(110, handle);
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        PopSession s = PopSession.of(pinfo);
        long number = pinfo.number();
        boolean request = pinfo.dstPort() == TcpPdus.matchedPort(pinfo);
        TextLine first = TextLine.at(tvb, 0);
        boolean continuation = !request && !startsWith(tvb, "+OK") && !startsWith(tvb, "-ERR");
        PopSession.Frame f = s.frames.get(number);
        if (f == null) {
            f = firstLook(tvb, pinfo, s, request, continuation);
        }
        pinfo.columns().setProtocol("POP");
        pinfo.columns().clearInfo();
        ProtoItem pop = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        if (continuation) {
            int n = tvb.reportedLength();
            info(pinfo, "S: DATA fragment, " + n + " byte" + (n == 1 ? "" : "s"));
            if (f.reassembled != null) {
                fragmentTree(pop, f.reassembled, tvb);
                imf(pinfo, pinfo.addDataSource("Reassembled DATA", f.message), tree);
            } else if (f.complete) {
                imf(pinfo, tvb, tree);
            } else {
                long in = pinfo.links().recall(REASSEMBLED_IN.abbrev(), number);
                if (in > number) {
                    pop.addUint(REASSEMBLED_IN, tvb, 0, 0, in).setGenerated();
                }
            }
            return tvb.length();
        }
        info(pinfo, (request ? "C: " : "S: ") + first.format(tvb));
        ProtoItem line = pop.addString(request ? REQUEST : RESPONSE, tvb, 0, first.next(), "");
        line.setText(first.formatWithEnd(tvb));
        int tokenEnd = 0;
        while (tokenEnd < first.length() && tvb.u8(tokenEnd) != ' ') {
            tokenEnd++;
        }
        int rest = tokenEnd;
        while (rest < first.length() && tvb.u8(rest) == ' ') {
            rest++;
        }
        if (tokenEnd > 0) {
            line.addString(request ? REQUEST_COMMAND : RESPONSE_INDICATOR, tvb, 0, tokenEnd,
                    AsciiText.of(tvb, 0, tokenEnd));
            if (f.totLenInvalid) {
                line.expert(TOT_LEN);
            }
            if (rest < first.length()) {
                line.addString(request ? REQUEST_PARAMETER : RESPONSE_DESCRIPTION, tvb, rest, first.length() - rest,
                        AsciiText.of(tvb, rest, first.length() - rest));
            }
        }
        int offset = first.next();
        while (offset < tvb.length()) {
            TextLine next = TextLine.at(tvb, offset);
            pop.addString(request ? REQUEST_DATA : RESPONSE_DATA, tvb, offset, next.next() - offset, "")
                    .setText(next.formatWithEnd(tvb));
            offset = next.next();
        }
        return tvb.length();
    }

    /**
     * What tshark decides on a frame's first dissection: every frame counts towards the message
     * length; a data frame is the last of its message when the count reaches the announced length; a
     * reply to RETR/TOP announces a new length; a reply to STLS may switch to TLS.
     */
    private static PopSession.Frame firstLook(Tvb tvb, PacketInfo pinfo, PopSession s, boolean request,
            boolean continuation) {
        PopSession.Frame f = new PopSession.Frame();
        s.frames.put(pinfo.number(), f);
        s.msgReadLen += tvb.reportedLength();
        f.moreFrags = s.msgReadLen < s.msgTotLen;
        TextLine first = TextLine.at(tvb, 0);
        if (request) {
            if (startsWithIgnoreCase(tvb, "RETR") || startsWithIgnoreCase(tvb, "TOP")) {
                s.msgRequest = true;
            } else if (startsWithIgnoreCase(tvb, "STLS")) {
                s.stlsRequest = true;
            }
        } else if (continuation) {
            if (s.pending.size() < PopSession.MAX_FRAGMENTS) {
                byte[] bytes = s.pendingBytes + tvb.length() <= PopSession.MAX_MESSAGE_BYTES
                        ? tvb.bytes(0, tvb.length()) : new byte[0];
                s.pendingBytes += bytes.length;
                s.pending.add(new PopSession.Fragment(pinfo.number(), tvb.reportedLength(), bytes));
            }
            if (!f.moreFrags) {
                f.complete = true;
                if (s.pending.size() > 1) {
                    f.reassembled = List.copyOf(s.pending);
                    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
                    for (PopSession.Fragment p : s.pending) {
                        joined.writeBytes(p.bytes());
                    }
                    f.message = joined.toByteArray();
                    for (PopSession.Fragment p : s.pending) {
                        pinfo.links().learn(REASSEMBLED_IN.abbrev(), p.frame(), pinfo.number());
                    }
                }
                s.pending.clear();
                s.pendingBytes = 0;
                s.msgReadLen = 0;
                s.msgTotLen = 0;
            }
        } else {
            if (s.msgRequest) {
                if (first.length() > 4 && startsWithIgnoreCase(tvb, "+OK ")) {
                    s.msgReadLen = 0;
                    s.msgTotLen = 0;
                    long len = secondTokenNumber(AsciiText.of(tvb, 0, first.length()));
                    if (len < 0) {
                        f.totLenInvalid = true;
                    } else {
                        s.msgTotLen = len;
                    }
                }
                s.msgRequest = false;
            }
            if (s.stlsRequest) {
                if (startsWithIgnoreCase(tvb, "+OK")) {
                    // The frames after this one are TLS (tshark's ssl_starttls_ack): TCP hands them to TLS.
                    DissectorHandle tls = pinfo.tables().handle("tls");
                    if (tls != null) {
                        TcpConversationDissectors.ANNOUNCED.announceAfter(pinfo, tls);
                    }
                }
                s.stlsRequest = false;
            }
        }
        return f;
    }

    private static final MessageFragments.Fields FRAGMENT_FIELDS = new MessageFragments.Fields(FRAGMENTS, FRAGMENT,
            FRAGMENT_COUNT, REASSEMBLED_LENGTH);

    /** The joined message's fragment list, as tshark shows it when more than one frame made it. */
    private static void fragmentTree(ProtoItem pop, List<PopSession.Fragment> frags, Tvb tvb) {
        List<MessageFragments.Fragment> list = new java.util.ArrayList<>(frags.size());
        for (PopSession.Fragment p : frags) {
            list.add(new MessageFragments.Fragment(p.frame(), p.length()));
        }
        MessageFragments.show(pop, FRAGMENT_FIELDS, list, tvb);
    }

    /** Hands a complete message to IMF, as tshark does. */
    private static void imf(PacketInfo pinfo, Tvb message, ProtoItem tree) {
        DissectorHandle imf = pinfo.tables().handle("imf");
        if (imf != null) {
            pinfo.call(imf, message, tree);
        }
    }

    /**
     * The unsigned number that starts the reply's second word ({@code +OK 120 octets} gives 120), read
     * as C's {@code sscanf("%*s %u")} does (leading blanks and a sign allowed); -1 when there is none.
     */
    static long secondTokenNumber(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        while (i < n && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (line.charAt(i) == '+' || line.charAt(i) == '-')) {
            negative = line.charAt(i) == '-';
            i++;
        }
        if (i >= n || line.charAt(i) < '0' || line.charAt(i) > '9') {
            return -1;
        }
        long v = 0;
        while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            v = Math.min(v * 10 + (line.charAt(i) - '0'), 0xffffffffL);
            i++;
        }
        return negative ? (-v) & 0xffffffffL : v;
    }

    private static boolean startsWith(Tvb tvb, String prefix) {
        if (!tvb.has(0, prefix.length())) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (tvb.u8(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(Tvb tvb, String prefix) {
        if (!tvb.has(0, prefix.length())) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toUpperCase(tvb.u8(i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void info(PacketInfo pinfo, String text) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfo(text);
        }
    }
}
