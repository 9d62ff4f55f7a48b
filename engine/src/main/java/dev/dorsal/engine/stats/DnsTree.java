package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ValueString;
import java.util.Set;

/**
 * {@code -z dns,tree[,filter]}: "DNS", counted once per DNS message the packet carries that was
 * dissected whole (a malformed one is not; mDNS is its own protocol and not counted): reply code,
 * opcode, query or response, and the first question's type and class; the message size (for DNS over
 * TCP with its length field); for queries the first name's length and label count; for responses the
 * four record counts (tshark adds the counts of a response that answers a known query twice: its
 * counts double, the averages stand), retransmissions, and the time since their request or whether
 * they came unsolicited. Names are those the DNS dissector shows for these fields.
 */
final class DnsTree extends StatsTreeTap {
    private static final Set<String> FIELDS = Set.of("dns", "dns.flags", "dns.flags.response", "dns.flags.opcode",
            "dns.flags.rcode", "dns.qry.type", "dns.qry.class", "dns.qry.name.len", "dns.count.labels",
            "dns.count.queries", "dns.count.zones", "dns.count.answers", "dns.count.prerequisites",
            "dns.count.auth_rr", "dns.count.updates", "dns.count.add_rr", "dns.time", "dns.unsolicited",
            "dns.retransmission");
    private static final String[] LEVELS = {"1st Level", "2nd Level", "3rd Level", "4th Level or more"};

    private final StatsTree.Node total;
    private final StatsTree.Node rcode;
    private final StatsTree.Node opcode;
    private final StatsTree.Node direction;
    private final StatsTree.Node qtype;
    private final StatsTree.Node qclass;
    private final StatsTree.Node payload;
    private final StatsTree.Node qnameLen;
    private final StatsTree.Node[] levels = new StatsTree.Node[LEVELS.length];
    private final StatsTree.Node questions;
    private final StatsTree.Node authorities;
    private final StatsTree.Node answers;
    private final StatsTree.Node additionals;
    private final StatsTree.Node rrt;
    private final StatsTree.Node unsolicited;
    private final StatsTree.Node retransmissions;

    private final ValueString rcodes;
    private final ValueString opcodes;

    /** {@code registry} gives the names of reply codes and opcodes, which queries do not carry. */
    DnsTree(TapFilter filter, FieldRegistry registry) {
        super("DNS", filter, FIELDS);
        rcodes = values(registry, "dns.flags.rcode");
        opcodes = values(registry, "dns.flags.opcode");
        total = tree.root("Total Packets");
        rcode = total.child("rcode");
        opcode = total.child("opcodes");
        direction = total.child("Query/Response");
        qtype = total.child("Query Type");
        qclass = total.child("Class");
        payload = tree.root("Payload size");
        StatsTree.Node query = tree.root("Query Stats");
        qnameLen = query.child("Qname Len");
        StatsTree.Node labels = query.child("Label Stats");
        for (int i = 0; i < LEVELS.length; i++) {
            levels[i] = labels.child(LEVELS[i]);
        }
        StatsTree.Node response = tree.root("Response Stats");
        questions = response.child("no. of questions");
        authorities = response.child("no. of authorities");
        answers = response.child("no. of answers");
        additionals = response.child("no. of additionals");
        StatsTree.Node service = tree.root("Service Stats");
        rrt = service.child("request-response time (msec)");
        rrt.floatValues = true;
        unsolicited = service.child("no. of unsolicited responses");
        retransmissions = service.child("no. of retransmissions");
    }

    @Override
    void count(DissectedPacket p) {
        ProtoItem broken = Layers.broken(p, "dns");
        for (ProtoItem dns = p.tree().root().firstChild(); dns != null; dns = dns.next()) {
            FieldDef f = dns.field();
            String abbrev = f == null ? "" : f.abbrev();
            if (abbrev.equals("icmp") || abbrev.equals("icmpv6")) {
                return; // what follows is the packet an ICMP error quotes
            }
            if (abbrev.equals("dns") && dns != broken) {
                message(dns, p);
            }
        }
    }

    private void message(ProtoItem dns, DissectedPacket p) {
        tree.tick(p);
        total.increment();
        long flags = Layers.num(dns, "dns.flags", 0);
        inc(rcode.increment().child(name(rcodes, flags & 0xf)));
        inc(opcode.increment().child(name(opcodes, (flags >> 11) & 0xf)));
        boolean response = Layers.num(dns, "dns.flags.response", 0) != 0;
        inc(direction.increment().child(response ? "Response" : "Query"));
        if (Layers.find(dns, "dns.qry.type") != null) {
            inc(qtype.increment().child(name(dns, "dns.qry.type")));
        }
        if (Layers.find(dns, "dns.qry.class") != null) {
            inc(qclass.increment().child(name(dns, "dns.qry.class")));
        }
        payload.value(dns.length());
        ProtoItem nameLen = Layers.find(dns, "dns.qry.name.len");
        if (!response && nameLen != null) {
            qnameLen.value(nameLen.num());
            long labels = Layers.num(dns, "dns.count.labels", 0);
            levels[(int) Math.max(0, Math.min(labels, LEVELS.length) - 1)].increment();
        }
        if (!response) {
            return;
        }
        boolean answered = Layers.find(dns, "dns.time") != null;
        for (int i = answered ? 2 : 1; i > 0; i--) {
            questions.value(count(dns, "dns.count.queries", "dns.count.zones"));
            authorities.value(count(dns, "dns.count.auth_rr", "dns.count.updates"));
            answers.value(count(dns, "dns.count.answers", "dns.count.prerequisites"));
            additionals.value(count(dns, "dns.count.add_rr", null));
        }
        if (Layers.num(dns, "dns.retransmission", 0) != 0) {
            retransmissions.increment();
        } else {
            ProtoItem time = Layers.find(dns, "dns.time");
            if (time != null) {
                long n = time.num();
                rrt.value((double) (n / 1_000_000_000L) * 1000.0 + (double) (n % 1_000_000_000L) / 1_000_000.0);
            } else if (Layers.num(dns, "dns.unsolicited", 0) != 0) {
                unsolicited.increment();
            }
        }
    }

    /** The value name the DNS dissector gives the first {@code abbrev} below {@code dns}. */
    private static String name(ProtoItem dns, String abbrev) {
        ProtoItem n = Layers.find(dns, abbrev);
        return n == null ? "" : name(n.field().values(), n.num());
    }

    private static String name(ValueString values, long v) {
        String name = values == null ? null : values.name(v);
        return name != null ? name : "Unknown (" + v + ")";
    }

    private static ValueString values(FieldRegistry registry, String abbrev) {
        if (registry != null) {
            for (FieldDef f : registry.lookup(abbrev)) {
                if (f.values() != null) {
                    return f.values();
                }
            }
        }
        return null;
    }

    private static long count(ProtoItem dns, String abbrev, String alternative) {
        long v = Layers.num(dns, abbrev, -1);
        return v >= 0 || alternative == null ? Math.max(v, 0) : Math.max(Layers.num(dns, alternative, 0), 0);
    }
}
