package dev.dorsal.dissectors.sdp;

import dev.dorsal.dissectors.rtp.RtpSetup;
import dev.dorsal.dissectors.udp.UdpSetup;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The media streams SDP descriptions set up, each with the Call-IDs of the SIP sessions whose
 * descriptions named it (tshark keeps them on the stream's conversation and shows them under every
 * later description of it as "Generated Call-ID"; a second pass shows all the first pass gathered).
 *
 * <p>State is per capture and bounded: at most {@value #MAX_STREAMS} streams and frame lists, the
 * least recently used dropped first, and {@value #MAX_CALL_IDS} Call-IDs per stream.
 */
final class SdpSessions {
    static final int MAX_STREAMS = 100_000;
    static final int MAX_CALL_IDS = 64;

    private static final Key<SdpSessions> KEY = Key.of("sdp.sessions");
    /** What a conversation set up without setup information is told (its dissector shows none). */
    private static final Object NO_SETUP = new Object();
    private static final String KIND = "sdp.setup_call_ids";

    private final Map<String, LinkedHashSet<String>> streams = lru();
    /** The frame of the first description of each Call-ID: the setup frame of its RTP streams. */
    private final Map<String, Long> firstFrames = lru();
    private final Map<Long, List<String>> frames = lru();

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_STREAMS;
            }
        };
    }

    private SdpSessions() {}

    /**
     * Announces each RTP stream described (an RTP profile, a port, an IPv4 or IPv6 address) to UDP, so
     * its datagrams go to RTP, set up by the first description of the Call-ID, as tshark does.
     */
    static void announceRtp(PacketInfo pinfo, List<SdpLines.Stream> described, String callId) {
        DissectorHandle rtp = pinfo.tables().handle("rtp");
        DissectorHandle rtcp = pinfo.tables().handle("rtcp");
        if (rtp == null) {
            return;
        }
        SdpSessions s = pinfo.state(KEY, SdpSessions::new);
        long setupFrame = s.firstFrames.computeIfAbsent(callId, k -> pinfo.number());
        for (SdpLines.Stream st : described) {
            Address address = address(st.address());
            if (address != null && st.proto() != null && st.proto().contains("RTP/")) {
                UdpSetup.expect(pinfo, address, st.port(), rtp, new RtpSetup(setupFrame, callId, st.rtpmap()));
                if (rtcp == null) {
                    continue;
                }
                RtpSetup rtcpSetup = new RtpSetup(setupFrame, callId, Map.of());
                int next = st.port() + 1;
                if (st.rtcpPort() > 0 && st.rtcpPort() != next) {
                    // tshark sets up the a=rtcp port, and the next port too, without its setup information
                    UdpSetup.expect(pinfo, address, st.rtcpPort(), rtcp, rtcpSetup);
                    if (next <= 65535) {
                        UdpSetup.expect(pinfo, address, next, rtcp, NO_SETUP);
                    }
                } else if (next <= 65535) {
                    UdpSetup.expect(pinfo, address, next, rtcp, rtcpSetup);
                }
            }
        }
    }

    /** A literal IPv4 or IPv6 address (never a name: no lookups), or null. */
    static Address address(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length == 4) {
            long v = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int b = Integer.parseInt(p);
                if (b > 255) {
                    return null;
                }
                v = v << 8 | b;
            }
            return Address.ipv4(v);
        }
        if (text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            try {
                return Address.ipv6(java.net.InetAddress.getByName(text).getAddress());
            } catch (java.net.UnknownHostException | IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Records {@code callId} for each stream; returns the Call-IDs of the first stream (none without one). */
    static List<String> setUp(PacketInfo pinfo, List<SdpLines.Stream> described, String callId) {
        if (pinfo.links().secondPass()) {
            // a second pass shows every Call-ID the first pass gave the stream, as tshark does
            Object ids = pinfo.links().recallObject(KIND, pinfo.number());
            if (ids instanceof LinkedHashSet<?> set) {
                List<String> out = new ArrayList<>();
                set.forEach(id -> out.add((String) id));
                return out;
            }
        }
        SdpSessions s = pinfo.state(KEY, SdpSessions::new);
        List<String> done = s.frames.get(pinfo.number());
        if (done != null) {
            return done;
        }
        List<String> shown = List.of();
        for (int i = 0; i < described.size(); i++) {
            SdpLines.Stream st = described.get(i);
            LinkedHashSet<String> ids = s.streams.computeIfAbsent(st.address() + "/" + st.port(),
                    k -> new LinkedHashSet<>());
            if (ids.size() < MAX_CALL_IDS) {
                ids.add(callId);
            }
            if (i == 0) {
                shown = new ArrayList<>(ids);
                // the set keeps growing for the rest of the first pass: the second shows it whole
                pinfo.links().learnObject(KIND, pinfo.number(), ids);
            }
        }
        s.frames.put(pinfo.number(), shown);
        return shown;
    }
}
