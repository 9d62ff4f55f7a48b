package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches queries with responses by transaction ID within a conversation (addresses, ports and
 * transport), single pass as tshark runs: a response learns its request ({@code dns.response_to},
 * {@code dns.time}); a query repeated within {@value #RETRANSMISSION_SECONDS} s before any answer, or a
 * second answer, is a retransmission; an answer without a query is unsolicited.
 *
 * <p>State is per capture and bounded: at most {@value #MAX_TRANSACTIONS} open transactions are kept,
 * the least recently used dropped first (a response to a dropped one shows as unsolicited).
 */
final class DnsTransactions {
    static final int RETRANSMISSION_SECONDS = 5;
    static final int MAX_TRANSACTIONS = 100_000;

    static final FieldDef RESPONSE_IN = FieldDef.framenum("dns.response_in", "Response In");
    static final FieldDef RESPONSE_TO = FieldDef.framenum("dns.response_to", "Request In");
    static final FieldDef RETRANSMISSION = FieldDef.bool("dns.retransmission", "Retransmission");
    static final FieldDef RETRANSMIT_REQUEST_IN = FieldDef.framenum("dns.retransmit_request_in",
            "Retransmitted request. Original request in");
    static final FieldDef RETRANSMIT_RESPONSE_IN = FieldDef.framenum("dns.retransmit_response_in",
            "Retransmitted response. Original response in");
    static final FieldDef TIME = FieldDef.relativeTime("dns.time", "Time");
    static final FieldDef UNSOLICITED = FieldDef.bool("dns.unsolicited", "Unsolicited");

    static final List<FieldDef> FIELDS = List.of(RESPONSE_IN, RESPONSE_TO, RETRANSMISSION, RETRANSMIT_REQUEST_IN,
            RETRANSMIT_RESPONSE_IN, TIME, UNSOLICITED);

    static final ExpertDef RETRANSMIT_REQUEST = new ExpertDef("dns.retransmit_request", "DNS query retransmission",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef RETRANSMIT_RESPONSE = new ExpertDef("dns.retransmit_response",
            "DNS response retransmission", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    private static final Key<DnsTransactions> KEY = Key.of("dns.transactions");

    /** One query and what became of it. */
    static final class Transaction {
        final long reqFrame;
        final long reqNanos;
        long repFrame;

        Transaction(long reqFrame, long reqNanos) {
            this.reqFrame = reqFrame;
            this.reqNanos = reqNanos;
        }
    }

    /** The outcome for the current message. */
    record Match(Transaction trans, boolean retransmission) {}

    /** Conversation (endpoints in a fixed order) plus ID. */
    private record TxKey(String transport, Address a, int portA, Address b, int portB, int id) {}

    private final Map<TxKey, Transaction> open = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TxKey, Transaction> eldest) {
            return size() > MAX_TRANSACTIONS;
        }
    };

    /** Records the message with ID {@code id} and tells what it matches; null inside ICMP errors. */
    static Match track(PacketInfo pinfo, int id, boolean response) {
        if (insideIcmpError(pinfo)) {
            return null;
        }
        DnsTransactions state = pinfo.state(KEY, DnsTransactions::new);
        TxKey key = key(pinfo, id);
        Transaction t = state.open.get(key);
        long frame = pinfo.number();
        long now = pinfo.frame().timestampNanos();
        if (!response) {
            if (t != null && t.repFrame == 0 && now - t.reqNanos < RETRANSMISSION_SECONDS * 1_000_000_000L) {
                return new Match(t, true);
            }
            t = new Transaction(frame, now);
            state.open.put(key, t);
            return new Match(t, false);
        }
        if (t == null) {
            return new Match(null, false);
        }
        if (t.repFrame == 0) {
            t.repFrame = frame;
            pinfo.links().learn(RESPONSE_IN.abbrev(), t.reqFrame, frame);
            return new Match(t, false);
        }
        return new Match(t, t.repFrame != frame);
    }

    private static TxKey key(PacketInfo pinfo, int id) {
        Address s = pinfo.src();
        Address d = pinfo.dst();
        int sp = pinfo.srcPort();
        int dp = pinfo.dstPort();
        String transport = pinfo.portType();
        if (order(s, sp, d, dp) <= 0) {
            return new TxKey(transport, s, sp, d, dp, id);
        }
        return new TxKey(transport, d, dp, s, sp, id);
    }

    private static int order(Address a, int pa, Address b, int pb) {
        int c = java.util.Arrays.compare(a.bytes(), b.bytes());
        return c != 0 ? c : Integer.compare(pa, pb);
    }

    /** Adds the request/response items at the end of the message tree, as tshark does. */
    static void addItems(Match m, ProtoItem dns, ProtoItem idItem, Tvb tvb, PacketInfo pinfo, boolean response) {
        if (m == null) {
            return;
        }
        Transaction t = m.trans;
        if (!response) {
            if (m.retransmission) {
                idItem.expert(RETRANSMIT_REQUEST, "DNS query retransmission. Original request in frame " + t.reqFrame);
                generated(dns, dns.addUint(RETRANSMIT_REQUEST_IN, tvb, 0, 0, t.reqFrame));
                generated(dns, dns.addBool(RETRANSMISSION, tvb, 0, 0, true));
            } else {
                // A later response only the first of two passes has seen (tshark -2).
                long rep = t.repFrame != 0 ? t.repFrame : pinfo.links().recall(RESPONSE_IN.abbrev(), t.reqFrame);
                if (rep != 0 && rep != pinfo.number()) {
                    generated(dns, dns.addUint(RESPONSE_IN, tvb, 0, 0, rep));
                }
            }
            return;
        }
        if (t == null) {
            generated(dns, dns.addBool(UNSOLICITED, tvb, 0, 0, true));
        } else if (m.retransmission) {
            idItem.expert(RETRANSMIT_RESPONSE, "DNS response retransmission. Original response in frame " + t.repFrame);
            generated(dns, dns.addUint(RETRANSMIT_RESPONSE_IN, tvb, 0, 0, t.repFrame));
            generated(dns, dns.addBool(RETRANSMISSION, tvb, 0, 0, true));
        } else {
            generated(dns, dns.addUint(RESPONSE_TO, tvb, 0, 0, t.reqFrame));
            generated(dns, dns.addTime(TIME, tvb, 0, 0, pinfo.frame().timestampNanos() - t.reqNanos));
        }
    }

    /** True inside the copy of an offending packet quoted by an ICMP or ICMPv6 error. */
    static boolean insideIcmpError(PacketInfo pinfo) {
        List<String> layers = pinfo.layerNames();
        for (int i = layers.size() - 2; i >= 0; i--) {
            String l = layers.get(i);
            if (l.equals("icmp") || l.equals("icmpv6")) {
                return true;
            }
        }
        return false;
    }

    private static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
