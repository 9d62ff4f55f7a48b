package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * The {@code http_tcp} (and, over decrypted TLS, {@code http_tls}) heuristic: a payload whose first complete line starts with {@code HTTP/1.}
 * (a status line) or ends with it (a request line) is HTTP, and so is everything after it on the same
 * connection (tshark makes HTTP the conversation's dissector).
 */
final class HttpHeuristic {
    private HttpHeuristic() {}

    static boolean dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return dissect(tvb, pinfo, tree, false);
    }

    /** The {@code http_tls} heuristic: the same test on decrypted TLS application data (https URIs). */
    static boolean dissectTls(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return dissect(tvb, pinfo, tree, true);
    }

    private static boolean dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean tls) {
        HttpConversations.Conversation conv = HttpConversations.find(pinfo);
        if (conv == null || !(tls ? conv.tlsHeuristicMatch : conv.heuristicMatch)) {
            if (!looksLikeHttp(tvb)) {
                return false;
            }
            if (tls) {
                HttpConversations.of(pinfo).tlsHeuristicMatch = true;
            } else {
                HttpConversations.of(pinfo).heuristicMatch = true;
            }
        }
        HttpDissector.dissectStream(tvb, pinfo, tree, tls);
        return true;
    }

    static boolean looksLikeHttp(Tvb tvb) {
        long le = HttpText.lineEnd(tvb, 0, false);
        if (le < 0) {
            return false;
        }
        int len = HttpText.lineLength(le);
        if (len == 8) {
            return false;
        }
        return httpToken(tvb, 0, len) || len > 8 && httpToken(tvb, len - 8, 8);
    }

    private static boolean httpToken(Tvb tvb, int off, int avail) {
        return avail >= 7 && HttpReassembly.startsWithIgnoreCase(tvb, off, avail, "HTTP/1.");
    }
}
