package dev.dorsal.dissectors.ip;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects IP fragments (IPv4 or the IPv6 fragment header) until a datagram is complete, then shows
 * the fragment list and hands back the reassembled payload as a new data source. Works in file order
 * like tshark's single pass: the frame that completes a datagram shows the tree, earlier frames show
 * only "Fragmented IP protocol". A completed datagram leaves the table, so a late duplicate starts a
 * new one.
 *
 * <p>State is bounded: at most {@link #MAX_DATAGRAMS} incomplete datagrams and
 * {@link #MAX_PENDING_BYTES} fragment bytes per capture and protocol (the oldest datagrams are dropped
 * first); a datagram that grows past {@link #MAX_DATAGRAM_BYTES} bytes or {@link #MAX_FRAGMENTS}
 * fragments is abandoned (its bytes are freed, later fragments of it are ignored, it never completes).
 */
public final class Reassembler {
    /** Incomplete datagrams kept per capture and protocol. */
    public static final int MAX_DATAGRAMS = 4096;
    /** Largest datagram reassembled, counting duplicate bytes (an IP datagram is at most about 64 KiB). */
    public static final int MAX_DATAGRAM_BYTES = 1 << 20;
    /** Most fragments one datagram may have (8-byte fragments of a 64 KiB datagram). */
    public static final int MAX_FRAGMENTS = 8192;
    /** Fragment bytes kept for all incomplete datagrams together. */
    public static final long MAX_PENDING_BYTES = 32L << 20;

    /** The fields one protocol uses to show a reassembly ({@code count} may be null). */
    public record Fields(String protocolName, FieldDef fragments, FieldDef fragment, FieldDef overlap,
            FieldDef count, FieldDef length, FieldDef data) {}

    /** Identifies a datagram: addresses (as bytes), protocol and identification. */
    public record DatagramKey(byte[] src, byte[] dst, int protocol, long id) {
        @Override
        public boolean equals(Object o) {
            return o instanceof DatagramKey k && k.protocol == protocol && k.id == id && Arrays.equals(k.src, src)
                    && Arrays.equals(k.dst, dst);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(src) * 31 + Arrays.hashCode(dst)) * 31 + protocol * 17 + Long.hashCode(id);
        }
    }

    private record Fragment(long frame, int offset, byte[] bytes, boolean overlap) {}

    private static final class Datagram {
        /** Sorted by offset, then arrival (file) order. */
        final List<Fragment> fragments = new ArrayList<>(4);
        int size = -1;
        int bytes;
        boolean abandoned;
    }

    private final Fields fields;
    private final LinkedHashMap<DatagramKey, Datagram> pending = new LinkedHashMap<>(64);
    private long pendingBytes;

    public Reassembler(Fields fields) {
        this.fields = fields;
    }

    /**
     * Adds the fragment {@code payload} (fully captured) at byte {@code offset} of the datagram
     * {@code key}; returns the reassembled bytes when this fragment completes it, else null. On
     * completion the fragment tree is added under {@code tree}.
     */
    public Tvb add(DatagramKey key, Tvb payload, int offset, boolean more, PacketInfo pinfo, ProtoItem tree) {
        Datagram d = pending.get(key);
        if (d == null) {
            d = new Datagram();
            pending.put(key, d);
        }
        if (d.abandoned) {
            return null;
        }
        byte[] bytes = payload.toByteArray();
        int end = offset + bytes.length;
        if (d.fragments.size() >= MAX_FRAGMENTS || (long) d.bytes + bytes.length > MAX_DATAGRAM_BYTES) {
            abandon(d);
            return null;
        }
        boolean overlap = false;
        int at = d.fragments.size();
        for (int i = 0; i < d.fragments.size(); i++) {
            Fragment f = d.fragments.get(i);
            if (offset < f.offset + f.bytes.length && f.offset < end) {
                overlap = true;
            }
            if (at == d.fragments.size() && f.offset > offset) {
                at = i;
            }
        }
        d.fragments.add(at, new Fragment(pinfo.number(), offset, bytes, overlap));
        d.bytes += bytes.length;
        pendingBytes += bytes.length;
        if (!more) {
            d.size = end;
        }
        if (d.size < 0 || d.bytes < d.size || !covered(d)) {
            trim(key);
            return null;
        }
        pending.remove(key);
        pendingBytes -= d.bytes;
        for (Fragment f : d.fragments) {
            if (f.frame != pinfo.number()) {
                pinfo.links().learn(linkKind(fields), f.frame, pinfo.number());
            }
        }
        byte[] whole = new byte[d.size];
        for (Fragment f : d.fragments) {
            int n = Math.min(f.bytes.length, d.size - f.offset);
            if (n > 0) {
                System.arraycopy(f.bytes, 0, whole, f.offset, n);
            }
        }
        Tvb tvb = pinfo.addDataSource("Reassembled " + fields.protocolName, whole);
        show(d, tvb, tree);
        return tvb;
    }

    /**
     * The later frame a first pass of two (tshark -2) completed the current fragment's datagram in, or 0
     * (a single pass, or a datagram never completed).
     */
    public static long reassembledLater(PacketInfo pinfo, Fields fields) {
        long in = pinfo.links().recall(linkKind(fields), pinfo.number());
        return in > pinfo.number() ? in : 0;
    }

    private static String linkKind(Fields fields) {
        return fields.protocolName().toLowerCase(java.util.Locale.ROOT) + ".reassembled_in";
    }

    private void abandon(Datagram d) {
        pendingBytes -= d.bytes;
        d.abandoned = true;
        d.fragments.clear();
        d.bytes = 0;
    }

    /** Drops the oldest datagrams (never {@code keep}) while over the count or byte limits. */
    private void trim(DatagramKey keep) {
        var it = pending.entrySet().iterator();
        while ((pending.size() > MAX_DATAGRAMS || pendingBytes > MAX_PENDING_BYTES) && it.hasNext()) {
            Map.Entry<DatagramKey, Datagram> e = it.next();
            if (e.getKey().equals(keep)) {
                continue;
            }
            pendingBytes -= e.getValue().bytes;
            it.remove();
        }
    }

    /** True when the (offset-sorted) fragments cover every byte from 0 to the datagram size. */
    private static boolean covered(Datagram d) {
        int reached = 0;
        for (Fragment f : d.fragments) {
            if (f.offset > reached) {
                return false;
            }
            reached = Math.max(reached, f.offset + f.bytes.length);
        }
        return reached >= d.size;
    }

    private void show(Datagram d, Tvb whole, ProtoItem tree) {
        boolean detailed = tree.tree().detailed();
        ProtoItem list = Items.add(tree, fields.fragments, whole, 0, d.size);
        generated(tree, list);
        if (detailed) {
            StringBuilder sb = new StringBuilder();
            sb.append(d.fragments.size()).append(' ').append(fields.protocolName).append(" Fragments (").append(d.size)
                    .append(" bytes): ");
            for (int i = 0; i < d.fragments.size(); i++) {
                Fragment f = d.fragments.get(i);
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append('#').append(f.frame).append('(').append(f.bytes.length).append(')');
            }
            list.setText(sb.toString());
        }
        for (Fragment f : d.fragments) {
            ProtoItem fi = list.addUint(fields.fragment, whole, f.offset, f.bytes.length, f.frame);
            generated(list, fi);
            if (detailed) {
                fi.setText("Frame: " + f.frame + ", payload: " + f.offset + "-" + (f.offset + f.bytes.length - 1)
                        + " (" + f.bytes.length + " bytes)");
            }
            if (f.overlap) {
                generated(fi, fi.addBool(fields.overlap, whole, f.offset, 0, true));
            }
        }
        if (fields.count != null) {
            generated(list, list.addUint(fields.count, whole, 0, 0, d.fragments.size()));
        }
        generated(list, list.addUint(fields.length, whole, 0, 0, d.size));
        generated(list, Items.add(list, fields.data, whole, 0, d.size));
    }

    private static void generated(ProtoItem parent, ProtoItem child) {
        if (child != parent) {
            child.setGenerated();
        }
    }
}
