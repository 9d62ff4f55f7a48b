package dev.dorsal.shell.query;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.AddressFormat;
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
 * {@code capture.streams(filter)}: the TCP or UDP streams (tcp.stream / udp.stream numbers) that have
 * at least one frame passing the filter, with their two ends (client: the source of the stream's
 * first frame, as follow's Node 0), frame and byte counts and times. Bounded by the streams the
 * dissector numbers; the data itself is fetched on demand by {@code stream.data()}.
 */
final class Streams {
    private Streams() {}

    private static final class Entry {
        long index;
        String client;
        String server;
        long frames;
        long bytes;
        long firstFrame;
        double start;
        double end;
        boolean selected;
    }

    static String list(LoadedCapture capture, String proto, DisplayFilter filter, Session session, Progress progress,
            Cancel cancel) throws CaptureFileException {
        var fields = session.registry().fields();
        BitSet interest = new BitSet();
        for (String f : List.of(proto + ".stream", proto + ".srcport", proto + ".dstport", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst")) {
            fields.lookup(f).forEach(d -> interest.set(d.id()));
        }
        if (filter != null) {
            for (FieldDef d : filter.fieldsUsed()) {
                if (d.id() >= 0) {
                    interest.set(d.id());
                }
            }
        }
        Map<Long, Entry> streams = new LinkedHashMap<>();
        capture.newReplay(session.registry()).all(new DissectionOptions(false, interest, false, true), p -> {
            boolean inView = capture.inView(p.frame().number());
            ProtoItem s = FieldValues.first(p.tree(), proto + ".stream");
            if (s == null || !inView) {
                return inView;
            }
            Entry e = streams.get(s.num());
            if (e == null) {
                e = new Entry();
                e.index = s.num();
                e.client = endpoint(p.netSrc(), FieldValues.first(p.tree(), proto + ".srcport"));
                e.server = endpoint(p.netDst(), FieldValues.first(p.tree(), proto + ".dstport"));
                e.firstFrame = p.frame().number();
                e.start = p.frame().relativeNanos() / 1e9;
                streams.put(s.num(), e);
            }
            e.frames++;
            e.bytes += p.frame().originalLength();
            e.end = p.frame().relativeNanos() / 1e9;
            if (filter == null || filter.matches(p)) {
                e.selected = true;
            }
            return true;
        }, progress, cancel);
        StringBuilder sb = new StringBuilder("[");
        for (Entry e : streams.values()) {
            if (!e.selected) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT,
                    "{\"index\":%d,\"proto\":\"%s\",\"client\":%s,\"server\":%s,\"frames\":%d,\"bytes\":%d,"
                            + "\"firstFrame\":%d,\"start\":%.9f,\"duration\":%.9f}",
                    e.index, proto, PacketHandle.json(e.client), PacketHandle.json(e.server), e.frames, e.bytes,
                    e.firstFrame, e.start, e.end - e.start));
        }
        return sb.append(']').toString();
    }

    /** "10.0.0.1:443", "[2001:db8::1]:443". */
    static String endpoint(Address a, ProtoItem port) {
        String host = a.type() == Address.Type.IPv6 ? "[" + AddressFormat.ipv6(a.bytes()) + "]" : a.toString();
        return port == null ? host : host + ":" + port.num();
    }
}
