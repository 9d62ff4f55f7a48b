package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.Locale;
import java.util.Map;

/**
 * The subtrees tshark 4.0.17 builds under structured SIP headers: name-addr headers (From, To,
 * Contact, the route headers, P-Asserted/Preferred-Identity), Via, CSeq, RAck, credentials and
 * challenges, and Reason. Each method reads the header value {@code [start, end)} of the message tvb.
 */
final class SipHeaderTrees {
    private SipHeaderTrees() {}

    private static final Map<String, FieldDef> VIA_PARAMS = Map.of("branch", SipFields.VIA_BRANCH, "maddr",
            SipFields.VIA_MADDR, "rport", SipFields.VIA_RPORT, "received", SipFields.VIA_RECEIVED, "ttl",
            SipFields.VIA_TTL, "comp", SipFields.VIA_COMP, "sigcomp-id", SipFields.VIA_SIGCOMP_ID);

    private static final Map<String, FieldDef> AUTH_PARAMS = Map.ofEntries(
            Map.entry("response", SipFields.AUTH_DIGEST_RESPONSE), Map.entry("nc", SipFields.AUTH_NC),
            Map.entry("username", SipFields.AUTH_USERNAME), Map.entry("realm", SipFields.AUTH_REALM),
            Map.entry("nonce", SipFields.AUTH_NONCE), Map.entry("algorithm", SipFields.AUTH_ALGORITHM),
            Map.entry("opaque", SipFields.AUTH_OPAQUE), Map.entry("qop", SipFields.AUTH_QOP),
            Map.entry("cnonce", SipFields.AUTH_CNONCE), Map.entry("uri", SipFields.AUTH_URI),
            Map.entry("domain", SipFields.AUTH_DOMAIN), Map.entry("stale", SipFields.AUTH_STALE),
            Map.entry("auts", SipFields.AUTH_AUTS), Map.entry("rspauth", SipFields.AUTH_RSPAUTH),
            Map.entry("nextnonce", SipFields.AUTH_NEXTNONCE), Map.entry("ik", SipFields.AUTH_IK),
            Map.entry("ck", SipFields.AUTH_CK));

    /** From or To: display name, address and the tag parameter. */
    static void fromTo(ProtoItem h, Tvb tvb, int start, int end, SipFields.UriFields f, FieldDef tagField) {
        SipUri.NameAddr na = SipUri.nameAddr(tvb, start, end, false);
        if (na == null) {
            return;
        }
        display(h, tvb, na, f);
        SipUri.addUri(h, tvb, na.uriStart(), na.uriEnd(), f, true);
        forEachParam(tvb, na.paramsStart(), na.end(), (ns, ne, vs, ve) -> {
            if (vs >= 0 && equalsIgnoreCase(tvb, ns, ne, "tag")) {
                String tag = tvb.utf8(vs, ve - vs);
                h.addString(tagField, tvb, vs, ve - vs, tag);
                h.addString(SipFields.TAG, tvb, vs, ve - vs, tag).setHidden();
            }
        });
    }

    /** Contact: each contact of the list with its display name, URI and contact parameters; "*" has none. */
    static void contact(ProtoItem h, Tvb tvb, int start, int end) {
        int p = start;
        while (p < end) {
            SipUri.NameAddr na = SipUri.nameAddr(tvb, p, end, true);
            if (na == null) {
                return;
            }
            display(h, tvb, na, SipFields.CONTACT);
            SipUri.addUri(h, tvb, na.uriStart(), na.uriEnd(), SipFields.CONTACT, true);
            forEachParam(tvb, na.paramsStart(), na.end(), (ns, ne, vs, ve) -> {
                int e = ve >= 0 ? ve : ne;
                h.addString(SipFields.CONTACT_PARAMETER, tvb, ns, e - ns, tvb.utf8(ns, e - ns));
            });
            p = na.end() + 1;
        }
    }

    /** Route, Record-Route, Path, Service-Route, P-Asserted-Identity…: a list of name-addrs. */
    static void addressList(ProtoItem h, Tvb tvb, int start, int end, SipFields.UriFields f) {
        int p = start;
        while (p < end) {
            SipUri.NameAddr na = SipUri.nameAddr(tvb, p, end, true);
            if (na == null) {
                return;
            }
            display(h, tvb, na, f);
            SipUri.addUri(h, tvb, na.uriStart(), na.uriEnd(), f, true);
            p = na.end() + 1;
        }
    }

    private static void display(ProtoItem h, Tvb tvb, SipUri.NameAddr na, SipFields.UriFields f) {
        if (na.displayStart() < 0 || f.display() == null) {
            return;
        }
        int n = na.displayEnd() - na.displayStart();
        String d = tvb.utf8(na.displayStart(), n);
        h.addString(f.display(), tvb, na.displayStart(), n, d);
        h.addString(SipFields.DISPLAY_INFO, tvb, na.displayStart(), n, d).setHidden();
    }

    /** Via: for each via of the list, transport, sent-by address and port, and the parameters. */
    static void via(ProtoItem h, Tvb tvb, int start, int end) {
        int p = start;
        while (p < end) {
            p = SipUri.skipSpace(tvb, p, end);
            int stop = p;
            while (stop < end && tvb.u8(stop) != ',') {
                stop++;
            }
            viaOne(h, tvb, p, stop);
            p = stop + 1;
        }
    }

    private static void viaOne(ProtoItem h, Tvb tvb, int start, int end) {
        int slash = SipUri.indexOf(tvb, start, end, '/');
        slash = slash < 0 ? -1 : SipUri.indexOf(tvb, slash + 1, end, '/');
        if (slash < 0) {
            return;
        }
        int t = slash + 1;
        int te = t;
        while (te < end && tvb.u8(te) != ' ' && tvb.u8(te) != '\t') {
            te++;
        }
        h.addString(SipFields.VIA_TRANSPORT, tvb, t, te - t, tvb.utf8(t, te - t));
        int host = SipUri.skipSpace(tvb, te, end);
        int semi = SipUri.indexOf(tvb, host, end, ';');
        int sentByEnd = semi < 0 ? end : semi;
        int hostStart = host;
        int hostEnd;
        int portStart = -1;
        if (host < sentByEnd && tvb.u8(host) == '[') {
            int close = SipUri.indexOf(tvb, host, sentByEnd, ']');
            hostStart = host + 1;
            hostEnd = close < 0 ? sentByEnd : close;
            int after = close < 0 ? sentByEnd : close + 1;
            if (after < sentByEnd && tvb.u8(after) == ':') {
                portStart = after + 1;
            }
        } else {
            int c = SipUri.indexOf(tvb, host, sentByEnd, ':');
            hostEnd = c < 0 ? sentByEnd : c;
            portStart = c < 0 ? -1 : c + 1;
        }
        int hostTrim = hostEnd;
        while (hostTrim > hostStart && (tvb.u8(hostTrim - 1) == ' ' || tvb.u8(hostTrim - 1) == '\t')) {
            hostTrim--;
        }
        h.addString(SipFields.VIA_SENT_BY_ADDRESS, tvb, hostStart, hostTrim - hostStart,
                tvb.utf8(hostStart, hostTrim - hostStart));
        if (portStart >= 0) {
            int pe = portStart;
            long port = 0;
            while (pe < sentByEnd && Character.isDigit(tvb.u8(pe))) {
                port = Math.min(port * 10 + tvb.u8(pe) - '0', 1_000_000);
                pe++;
            }
            // tshark shows a port only when something follows it, and one past 65535 as 65535 with a note
            if (pe > portStart && pe < end) {
                ProtoItem pi = h.addUint(SipFields.VIA_SENT_BY_PORT, tvb, portStart, pe - portStart,
                        Math.min(port, 65535));
                if (port > 65535) {
                    pi.expert(SipFields.VIA_PORT_INVALID);
                }
            }
        }
        if (semi < 0) {
            return;
        }
        forEachParam(tvb, semi, end, (ns, ne, vs, ve) -> {
            FieldDef f = VIA_PARAMS.get(tvb.ascii(ns, ne - ns).toLowerCase(Locale.ROOT));
            int e = ve >= 0 ? ve : ne;
            if (f == null) {
                h.addText(tvb, ns, e - ns, tvb.utf8(ns, e - ns));
            } else if (vs >= 0) {
                h.addString(f, tvb, vs, ve - vs, tvb.utf8(vs, ve - vs));
            } else {
                h.addString(f, tvb, ns, ne - ns, tvb.utf8(ns, ne - ns));
            }
        });
    }

    /** CSeq: sequence number and method; returns {number, method start, method end} or null. */
    static long[] cseq(ProtoItem h, Tvb tvb, int start, int end) {
        int p = SipUri.skipSpace(tvb, start, end);
        int ds = p;
        long n = 0;
        while (p < end && Character.isDigit(tvb.u8(p))) {
            n = n * 10 + tvb.u8(p) - '0';
            p++;
        }
        if (p == ds) {
            return null;
        }
        h.addUint(SipFields.CSEQ_SEQ, tvb, ds, p - ds, n & 0xffffffffL);
        int ms = SipUri.skipSpace(tvb, p, end);
        int me = end; // tshark's method is the rest of the line
        if (me > ms) {
            h.addString(SipFields.CSEQ_METHOD, tvb, ms, me - ms, tvb.utf8(ms, me - ms));
        }
        return new long[] {n, ms, me};
    }

    /** RAck: the RSeq, CSeq number and method of the acknowledged provisional response. */
    static void rack(ProtoItem h, Tvb tvb, int start, int end) {
        int p = SipUri.skipSpace(tvb, start, end);
        for (FieldDef f : new FieldDef[] {SipFields.RACK_RSEQ, SipFields.RACK_CSEQ}) {
            int ds = p;
            long n = 0;
            while (p < end && Character.isDigit(tvb.u8(p))) {
                n = n * 10 + tvb.u8(p) - '0';
                p++;
            }
            if (p == ds) {
                return;
            }
            h.addUint(f, tvb, ds, p - ds, n & 0xffffffffL);
            p = SipUri.skipSpace(tvb, p, end);
        }
        int me = p;
        while (me < end && tvb.u8(me) != ' ' && tvb.u8(me) != '\t') {
            me++;
        }
        if (me > p) {
            h.addString(SipFields.RACK_METHOD, tvb, p, me - p, tvb.utf8(p, me - p));
        }
    }

    /** WWW-Authenticate, Authorization and their proxy forms: the scheme and each parameter. */
    static void credentials(ProtoItem h, Tvb tvb, int start, int end) {
        int p = SipUri.skipSpace(tvb, start, end);
        int se = p;
        while (se < end && tvb.u8(se) != ' ' && tvb.u8(se) != '\t') {
            se++;
        }
        if (se == p) {
            return;
        }
        h.addString(SipFields.AUTH_SCHEME, tvb, p, se - p, tvb.utf8(p, se - p));
        p = se;
        // as tshark: a name runs to the next '=' (a parameter without a value is swallowed by the next
        // one's name), its value to the next comma outside quotes
        while (p < end) {
            p = SipUri.skipSpace(tvb, p, end);
            int eq = SipUri.indexOf(tvb, p, end, '=');
            if (eq < 0) {
                return;
            }
            int q = valueEnd(tvb, eq + 1, end, ',');
            int pe = trimEnd(tvb, p, q);
            FieldDef f = AUTH_PARAMS.get(tvb.ascii(p, eq - p).trim().toLowerCase(Locale.ROOT));
            if (f == null) {
                h.addText(tvb, p, pe - p, tvb.utf8(p, pe - p));
            } else {
                int vs = SipUri.skipSpace(tvb, eq + 1, pe);
                h.addString(f, tvb, vs, pe - vs, tvb.utf8(vs, pe - vs));
            }
            p = q + 1;
        }
    }

    /** Reason: the protocol, its cause named after it (Q.850 or SIP) and the text without its quotes. */
    static void reason(ProtoItem h, Tvb tvb, int start, int end) {
        int semi = SipUri.indexOf(tvb, start, end, ';');
        int pe = semi < 0 ? end : semi;
        String protocol = tvb.utf8(start, pe - start);
        h.addString(SipFields.REASON_PROTOCOLS, tvb, start, pe - start, protocol);
        if (semi < 0) {
            return;
        }
        forEachParam(tvb, semi, end, (ns, ne, vs, ve) -> {
            if (vs < 0) {
                return;
            }
            if (equalsIgnoreCase(tvb, ns, ne, "cause")) {
                long cause = 0;
                for (int i = vs; i < ve && Character.isDigit(tvb.u8(i)); i++) {
                    cause = cause * 10 + tvb.u8(i) - '0';
                }
                FieldDef f = protocol.equalsIgnoreCase("Q.850") ? SipFields.REASON_CAUSE_Q850
                        : protocol.equalsIgnoreCase("SIP") ? SipFields.REASON_CAUSE_SIP : SipFields.REASON_CAUSE_OTHER;
                h.addUint(f, tvb, vs, ve - vs, cause & 0xffffffffL);
            } else if (equalsIgnoreCase(tvb, ns, ne, "text")) {
                int s = vs;
                int e = ve;
                if (e - s >= 2 && tvb.u8(s) == '"' && tvb.u8(e - 1) == '"') {
                    s++;
                    e--;
                }
                h.addString(SipFields.REASON_TEXT, tvb, s, e - s, tvb.utf8(s, e - s));
            }
        });
    }

    /** A header parameter: name {@code [ns, ne)}, value {@code [vs, ve)} or vs = -1 without one. */
    interface ParamVisitor {
        void param(int ns, int ne, int vs, int ve);
    }

    /** Visits the {@code ;name[=value]} parameters from {@code semi} (a ';' or where they start) to {@code end}. */
    static void forEachParam(Tvb tvb, int semi, int end, ParamVisitor v) {
        int p = semi;
        while (p < end) {
            if (tvb.u8(p) == ';') {
                p++;
            }
            p = SipUri.skipSpace(tvb, p, end);
            int q = valueEnd(tvb, p, end, ';');
            int e = trimEnd(tvb, p, q);
            if (e > p) {
                int eq = SipUri.indexOf(tvb, p, e, '=');
                if (eq < 0) {
                    v.param(p, e, -1, -1);
                } else {
                    v.param(p, eq, eq + 1, e);
                }
            }
            p = q;
        }
    }

    static boolean equalsIgnoreCase(Tvb tvb, int s, int e, String word) {
        return e - s == word.length() && tvb.ascii(s, e - s).equalsIgnoreCase(word);
    }

    /** Where the value at {@code p} ends: the first {@code separator} outside double quotes, or {@code end}. */
    private static int valueEnd(Tvb tvb, int p, int end, char separator) {
        int q = p;
        boolean quoted = false;
        while (q < end && (quoted || tvb.u8(q) != separator)) {
            if (tvb.u8(q) == '"') {
                quoted = !quoted;
            }
            q++;
        }
        return q;
    }

    /** {@code e} moved back over spaces and tabs, not before {@code p}. */
    private static int trimEnd(Tvb tvb, int p, int e) {
        while (e > p && (tvb.u8(e - 1) == ' ' || tvb.u8(e - 1) == '\t')) {
            e--;
        }
        return e;
    }
}
