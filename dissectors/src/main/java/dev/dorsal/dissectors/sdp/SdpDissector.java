package dev.dorsal.dissectors.sdp;

import dev.dorsal.dissectors.http.MediaTypeTable;
import dev.dorsal.dissectors.sip.SipSetup;
import dev.dorsal.dissectors.text.TextLine;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SDP (RFC 8866; filter prefix {@code sdp}; media type {@code application/sdp}) as tshark
 * 4.0.17 does: one item per {@code x=value} line, split into its parts for o=, c=, b=, t=, r=, z=,
 * k=, m= and a= lines; rtpmap and fmtp attributes name the payload format, and m= formats of RTP
 * profiles are named after the RTP payload type. After the lines come the Call-IDs of the SIP
 * sessions that set up the first media stream ({@link SdpSessions}). Adds "/SDP" to the Protocol
 * column.
 */
public final class SdpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Session Description Protocol", "SDP", "sdp");

    private DissectorHandle handle;

    @Override
    public String name() {
        return "sdp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, SdpFields.FIELDS);
        r.experts(PROTO, List.of(SdpFields.INVALID_NO_EQUAL));
        handle = r.handle("sdp", PROTO, SdpDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        MediaTypeTable.add(t, handle, List.of("application/sdp"));
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol(pinfo.columns().protocol() + "/SDP");
        ProtoItem sdp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        SdpLines lines = new SdpLines(tvb, sdp);
        int p = 0;
        int end = tvb.length();
        while (p < end) {
            TextLine line = TextLine.at(tvb, p);
            if (line.length() > 0) {
                lines.line(p, line.length(), line.next() - p);
            }
            p = line.next() > p ? line.next() : end;
        }
        String callId = pinfo.get(SipSetup.CALL_ID);
        if (callId != null) {
            SdpSessions.announceRtp(pinfo, lines.streams(), callId);
            List<String> ids = SdpSessions.setUp(pinfo, lines.streams(), callId);
            for (String id : ids) {
                sdp.addString(SipSetup.CALL_ID_GENERATED, tvb, 0, 0, id).setGenerated();
            }
        }
        return tvb.length();
    }

    /** Value names of bandwidth modifiers (RFC 8866 §5.8, RFC 3556, RFC 3890), as tshark labels them. */
    static final Map<String, String> BANDWIDTH_MODIFIERS = new HashMap<>(Map.of(
            "CT", "Conference Total(total bandwidth of all RTP sessions)",
            "AS", "Application Specific (RTP session bandwidth)",
            "RS", "RTCP bandwidth allocated to active data senders",
            "RR", "RTCP bandwidth allocated to other participants",
            "TIAS", "Transport Independent Application Specific maximum"));
}
