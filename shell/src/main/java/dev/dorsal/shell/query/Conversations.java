package dev.dorsal.shell.query;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.shell.session.Cancel;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Progress;
import dev.dorsal.shell.session.Session;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code capture.conversations(kind, filter)}: frames and bytes between two ends, both ways, like
 * tshark's -z conv tables. A is the source of the conversation's first frame. For ip and ipv6 the ends
 * are the network addresses of the outermost layer; tcp and udp add the ports.
 */
final class Conversations {
    private Conversations() {}

    private static final class Conv {
        String a;
        String b;
        long framesAB;
        long bytesAB;
        long framesBA;
        long bytesBA;
        double start;
        double end;
    }

    static String json(LoadedCapture capture, String kind, DisplayFilter filter, Session session, Progress progress,
            Cancel cancel) throws CaptureFileException {
        var fields = session.registry().fields();
        boolean ports = kind.equals("tcp") || kind.equals("udp");
        BitSet interest = new BitSet();
        for (String f : List.of(kind, "ip", "ipv6", kind + ".srcport", kind + ".dstport")) {
            fields.lookup(f).forEach(d -> interest.set(d.id()));
        }
        if (filter != null) {
            for (FieldDef d : filter.fieldsUsed()) {
                if (d.id() >= 0) {
                    interest.set(d.id());
                }
            }
        }
        Map<String, Conv> convs = new LinkedHashMap<>();
        capture.newReplay(session.registry()).all(new DissectionOptions(false, interest, false, true), p -> {
            boolean inView = capture.inView(p.frame().number());
            if (!inView || (filter != null && !filter.matches(p)) || FieldValues.first(p.tree(), kind) == null) {
                return inView;
            }
            Address src = p.netSrc();
            Address dst = p.netDst();
            ProtoItem sp = ports ? FieldValues.first(p.tree(), kind + ".srcport") : null;
            ProtoItem dp = ports ? FieldValues.first(p.tree(), kind + ".dstport") : null;
            String s = Streams.endpoint(src, sp);
            String d = Streams.endpoint(dst, dp);
            Conv c = convs.get(s + " " + d);
            boolean forward = true;
            if (c == null) {
                c = convs.get(d + " " + s);
                forward = false;
            }
            if (c == null) {
                c = new Conv();
                c.a = s;
                c.b = d;
                c.start = p.frame().relativeNanos() / 1e9;
                convs.put(s + " " + d, c);
                forward = true;
            }
            int len = p.frame().originalLength();
            if (forward) {
                c.framesAB++;
                c.bytesAB += len;
            } else {
                c.framesBA++;
                c.bytesBA += len;
            }
            c.end = p.frame().relativeNanos() / 1e9;
            return true;
        }, progress, cancel);
        StringBuilder sb = new StringBuilder("[");
        for (Conv c : convs.values()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT,
                    "{\"a\":%s,\"b\":%s,\"framesAB\":%d,\"bytesAB\":%d,\"framesBA\":%d,\"bytesBA\":%d,"
                            + "\"frames\":%d,\"bytes\":%d,\"start\":%.9f,\"duration\":%.9f}",
                    PacketHandle.json(c.a), PacketHandle.json(c.b), c.framesAB, c.bytesAB, c.framesBA, c.bytesBA,
                    c.framesAB + c.framesBA, c.bytesAB + c.bytesBA, c.start, c.end - c.start));
        }
        return sb.append(']').toString();
    }
}
