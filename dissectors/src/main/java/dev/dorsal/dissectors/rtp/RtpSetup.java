package dev.dorsal.dissectors.rtp;

import java.util.Map;

/**
 * How an RTP stream was set up, as its announcer (SDP) tells it: the setup frame, the Call-ID of the
 * SIP session, and the payload type names of its rtpmap attributes; and, as the stream is read, its
 * extended sequence number (kept per stream, as tshark does).
 */
public final class RtpSetup {
    final long frame;
    final String callId;
    final Map<Integer, String> rtpmap;
    /** The last extended sequence number of the stream; tshark starts from 65536. */
    long extendedSeq = 0x10000;

    public RtpSetup(long frame, String callId, Map<Integer, String> rtpmap) {
        this.frame = frame;
        this.callId = callId;
        this.rtpmap = Map.copyOf(rtpmap);
    }

    /**
     * tshark's extended sequence number: the new 16-bit number in the 64 Ki window closest to the
     * last extended one (a jump of more than half the window forward or back is a wrap).
     */
    long extend(int seq) {
        long ext = (extendedSeq & 0xffff0000L) | seq;
        if (ext + 0x8000 < extendedSeq) {
            ext += 0x10000;
        } else if (extendedSeq + 0x8000 < ext) {
            ext -= 0x10000;
        }
        extendedSeq = ext;
        return ext;
    }
}
