package dev.dorsal.dissectors.http2;

import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * HTTP/2 found without ALPN, as tshark 4.0.17 does it: on the {@code http} heuristic list (what HTTP
 * tries first on its ports, so cleartext HTTP/2 with prior knowledge on port 80 is seen) and on the
 * {@code tls} one. Data that starts with the whole connection preface makes the connection HTTP/2,
 * and everything after it on that connection is HTTP/2 too. tshark cannot reassemble a frame cut at
 * the end of the packet whose preface made the match (HTTP calls its heuristics so), only later ones.
 */
final class Http2Heuristic {
    private Http2Heuristic() {}

    static boolean dissectHttp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (Http2Sessions.of(pinfo, false) != null) {
            Http2Dissector.dissect(tvb, pinfo, tree);
            return true;
        }
        if (!Http2Dissector.startsWithPreface(tvb, 0)) {
            return false;
        }
        boolean saved = pinfo.canDesegment();
        pinfo.setCanDesegment(false);
        try {
            Http2Dissector.dissect(tvb, pinfo, tree);
        } finally {
            pinfo.setCanDesegment(saved);
        }
        return true;
    }

    static boolean dissectTls(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (Http2Sessions.of(pinfo, false) == null && !Http2Dissector.startsWithPreface(tvb, 0)) {
            return false;
        }
        Http2Dissector.dissect(tvb, pinfo, tree);
        return true;
    }
}
