package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * The {@code http_tcp} heuristic: a TCP payload whose first complete line starts with {@code HTTP/1.}
 * (a status line) or ends with it (a request line) is HTTP, and so is everything after it on the same
 * connection (tshark makes HTTP the conversation's dissector).
 */
final class HttpHeuristic {
    private HttpHeuristic() {}

    static boolean dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        HttpConversations.Conversation conv = HttpConversations.find(pinfo);
        if (conv == null || !conv.heuristicMatch) {
            if (!looksLikeHttp(tvb)) {
                return false;
            }
            HttpConversations.of(pinfo).heuristicMatch = true;
        }
        HttpDissector.dissectStream(tvb, pinfo, tree, false);
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
