package dev.dorsal.dissectors.sdp;

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
    private static final String KIND = "sdp.setup_call_ids";

    private final Map<String, LinkedHashSet<String>> streams = lru();
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
