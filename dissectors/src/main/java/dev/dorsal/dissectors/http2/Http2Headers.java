package dev.dorsal.dissectors.http2;

import dev.dorsal.dissectors.http.HttpShared;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Shows what HPACK decoded from one header block fragment, as tshark does: the decoded headers are
 * laid out in a {@code Decompressed Header} data source (for each: name length, name, value length,
 * value, lengths on 4 octets), {@code [Header Length]} and {@code [Header Count]} (table size updates
 * count too), a {@code Header: name: value} subtree per header (its name and value, its own field if
 * it has one, {@code [Unescaped]}, the representation and the index it used) and
 * {@code Header table size update} items, then {@code [Full request URI]} when the fragment had an
 * {@code :authority} (tshark prints a missing part as {@code (null)}). At most {@value #MAX_LINES}
 * headers are shown, the rest marked. A request line or status is added to the Stream label and Info.
 */
final class Http2Headers {
    /** tshark stops showing a block's headers after this many. */
    static final int MAX_LINES = 200;

    static final FieldDef HEADER = FieldDef.none("http2.header", "Header");
    static final FieldDef LENGTH = FieldDef.uint32("http2.header.length", "Header Length");
    static final FieldDef COUNT = FieldDef.uint32("http2.header.count", "Header Count");
    static final FieldDef NAME_LENGTH = FieldDef.uint32("http2.header.name.length", "Name Length");
    static final FieldDef NAME = FieldDef.string("http2.header.name", "Name");
    static final FieldDef VALUE_LENGTH = FieldDef.uint32("http2.header.value.length", "Value Length");
    static final FieldDef VALUE = FieldDef.string("http2.header.value", "Value");
    static final FieldDef UNESCAPED = FieldDef.string("http2.header.unescaped", "Unescaped");
    static final FieldDef REPRESENTATION = FieldDef.string("http2.header.repr", "Representation");
    static final FieldDef INDEX = FieldDef.uint32("http2.header.index", "Index");
    static final FieldDef TABLE_SIZE_UPDATE = FieldDef.none("http2.header_table_size_update", "Header table size update");
    static final FieldDef TABLE_SIZE = FieldDef.uint32("http2.header_table_size_update.header_table_size",
            "Header table size");
    static final FieldDef FULL_URI = FieldDef.string("http2.request.full_uri", "Full request URI");

    // tshark's "fake headers" (headers a user adds by preference to streams whose start was not
    // captured) are not supported: registered so that filters naming them compile.
    static final FieldDef FAKE_HEADER_COUNT = FieldDef.uint32("http2.fake.header.count", "Fake Header Count");
    static final FieldDef FAKE_HEADER = FieldDef.none("http2.fake.header", "Fake Header");

    static final List<FieldDef> FIELDS = List.of(HEADER, LENGTH, COUNT, NAME_LENGTH, NAME, VALUE_LENGTH, VALUE,
            UNESCAPED, REPRESENTATION, INDEX, TABLE_SIZE_UPDATE, TABLE_SIZE, FULL_URI, FAKE_HEADER_COUNT, FAKE_HEADER);

    static final ExpertDef LINES_EXCEEDED = new ExpertDef("http2.header_lines_exceeded",
            "Decompression stopped after 200 header lines.", ExpertDef.Group.UNDECODED, ExpertDef.Severity.ERROR);

    /** tshark's limit on decompressed header octets, not reached by anything tried (60 kB passed): not applied here. */
    static final ExpertDef SIZE_EXCEEDED = new ExpertDef("http2.header_size_exceeded", "Decompression stopped.",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.ERROR);

    static final List<ExpertDef> EXPERTS = List.of(LINES_EXCEEDED, SIZE_EXCEEDED);

    private Http2Headers() {}

    /**
     * Shows {@code fields}, decoded from the fragment at {@code fragment} in the frame's view (the
     * positions tshark gives the Header, representation and size update items).
     */
    static void show(Http2Dissector.Frame f, List<HpackDecoder.Field> fields, int fragment) {
        if (fields.stream().allMatch(h -> h.kind() == HpackDecoder.Kind.SIZE_UPDATE)) {
            // No header at all: tshark shows nothing (and fails on a block of size updates only).
            return;
        }
        ProtoItem t = f.stream();
        Tvb tvb = f.tvb();
        int lines = Math.min(fields.size(), MAX_LINES);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (HpackDecoder.Field h : fields.subList(0, lines)) {
            if (h.kind() != HpackDecoder.Kind.SIZE_UPDATE) {
                writeLength(block, h.name().length);
                block.writeBytes(h.name());
                writeLength(block, h.value().length);
                block.writeBytes(h.value());
            }
        }
        byte[] bytes = block.toByteArray();
        Tvb ds = f.pinfo().addDataSource("Decompressed Header", bytes);
        Http2Text.generated(t, t.addUint(LENGTH, tvb, 0, 1, bytes.length));
        ProtoItem count = Http2Text.generated(t, t.addUint(COUNT, tvb, 0, 1, lines));
        if (fields.size() > MAX_LINES) {
            count.expert(LINES_EXCEEDED);
        }
        Http2Sessions.StreamHalf half = f.type() == Http2Dissector.PUSH_PROMISE ? null
                : f.direction().stream(f.streamId());
        String method = null;
        String path = null;
        String scheme = null;
        String authority = null;
        boolean hasAuthority = false;
        StringBuilder requestLines = new StringBuilder();
        int off = 0;
        for (HpackDecoder.Field h : fields.subList(0, lines)) {
            int repr = fragment + h.start();
            int reprLength = h.end() - h.start();
            if (h.kind() == HpackDecoder.Kind.SIZE_UPDATE) {
                ProtoItem u = t.add(TABLE_SIZE_UPDATE, tvb, repr, reprLength);
                u.addUint(TABLE_SIZE, tvb, repr, reprLength, h.tableSize());
                continue;
            }
            String name = Http2Text.ascii(h.name());
            String value = Http2Text.ascii(h.value());
            int nlen = h.name().length;
            int vlen = h.value().length;
            int entry = 8 + nlen + vlen;
            ProtoItem item = t.add(HEADER, tvb, repr, reprLength);
            item.addUint(NAME_LENGTH, ds, off, 4, nlen);
            item.addString(NAME, ds, off + 4, nlen, name);
            item.addUint(VALUE_LENGTH, ds, off + 4 + nlen, 4, vlen);
            int valueOff = off + 8 + nlen;
            item.addString(VALUE, ds, valueOff, vlen, value);
            Http2HeaderFields.add(item, ds, valueOff, vlen, name, value);
            String unescaped = Http2HeaderFields.unescape(value);
            if (unescaped != null) {
                Http2Text.generated(item, item.addString(UNESCAPED, ds, valueOff, vlen, unescaped));
            }
            // tshark places both on the representation's first octet.
            item.addString(REPRESENTATION, tvb, repr, 1, h.representation());
            if (h.index() > 0) {
                item.addUint(INDEX, tvb, repr, 1, h.index());
            }
            String label = name + ": " + value;
            switch (name) {
                case ":method", ":path" -> {
                    if (name.equals(":method")) {
                        method = value;
                    } else {
                        path = value;
                    }
                    if (method != null && path != null) {
                        requestLines.append(method).append(' ').append(path).append('\n');
                    }
                }
                case ":scheme" -> scheme = value;
                case ":authority" -> {
                    authority = value;
                    hasAuthority = true;
                }
                case ":status" -> {
                    String status = value + " " + Http2Status.description(value);
                    label = name + ": " + status;
                    requestLines.append(status).append('\n');
                }
                case "content-type" -> {
                    if (half != null) {
                        String[] type = HttpShared.split(value);
                        half.contentType = type[0];
                        half.contentParameters = type[1];
                    }
                }
                case "content-encoding" -> {
                    if (half != null) {
                        half.contentEncoding = value;
                    }
                }
                default -> { }
            }
            item.appendText(": " + label);
            off += entry;
        }
        if (hasAuthority) {
            Http2Text.generated(t, t.addString(FULL_URI, tvb, 0, 0, orNull(scheme) + "://" + orNull(authority)
                    + orNull(path)));
        }
        // Each request line (a :method or :path once both are known) and status, in order, as tshark adds them.
        for (String line : requestLines.toString().split("\n")) {
            if (!line.isEmpty()) {
                t.appendText(", " + line);
                f.pinfo().columns().appendInfo(": " + line);
            }
        }
    }

    /** tshark prints a missing part of the full URI as C's "(null)". */
    private static String orNull(String s) {
        return s == null ? "(null)" : s;
    }

    private static void writeLength(ByteArrayOutputStream out, int n) {
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
    }
}
