package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Recognises a DNS message in a UDP datagram on any port from its header alone: standard-query opcode,
 * one question and no answers in a query, at most one question and few records in a response, few
 * additional records, and more than a header. Conservative, so random payloads are left alone.
 */
final class DnsHeuristic {
    private static final int HEADER_LEN = 12;
    private static final int MAX_ANSWERS = 100;
    private static final int MAX_AUTHORITY = 10;
    private static final int MAX_ADDITIONAL = 10;

    private DnsHeuristic() {}

    /** NetBIOS Name Service: DNS-shaped, but with its own name encoding and flags (tshark's NBNS). */
    private static final int NBNS_PORT = 137;

    static boolean dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        // Taken as DNS, an NBNS message would show garbled names ("NIMLOC FHFAEB…"): leave it as data.
        if (pinfo.srcPort() == NBNS_PORT || pinfo.dstPort() == NBNS_PORT || !looksLikeDns(tvb)) {
            return false;
        }
        DnsDissector.dissect(tvb, 0, pinfo, tree);
        return true;
    }

    static boolean looksLikeDns(Tvb tvb) {
        if (tvb.reportedLength() <= HEADER_LEN || !tvb.has(0, HEADER_LEN)) {
            return false;
        }
        int flags = tvb.u16(2);
        if ((flags & 0x7800) != 0) {
            return false;
        }
        int quest = tvb.u16(4);
        int ans = tvb.u16(6);
        int auth = tvb.u16(8);
        int add = tvb.u16(10);
        if ((flags & 0x8000) == 0) {
            if (quest != 1 || ans != 0 || auth != 0) {
                return false;
            }
        } else if (quest > 1 || ans > MAX_ANSWERS || auth > MAX_AUTHORITY) {
            return false;
        }
        return add <= MAX_ADDITIONAL;
    }
}
