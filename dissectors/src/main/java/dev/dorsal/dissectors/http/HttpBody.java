package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Shows the body of an HTTP message: de-chunks a chunked body (RFC 7230 §4.1) into an
 * {@code HTTP chunked response} subtree, inflates a gzip or deflate content coding, adds
 * {@code File Data: N bytes} ({@code http.file_data}), and hands the entity to the dissector of its
 * media type ({@code media_type} table), else to {@code media}, or to {@code data} without a type.
 */
final class HttpBody {
    static final FieldDef CHUNK_SIZE = FieldDef.uint32("http.chunk_size", "Chunk size");
    static final FieldDef CHUNK_DATA = FieldDef.bytes("http.chunk_data", "Chunk data");
    static final FieldDef CHUNK_BOUNDARY = FieldDef.bytes("http.chunk_boundary", "Chunk boundary");
    static final FieldDef CHUNKED_TRAILER_PART = FieldDef.string("http.chunked_trailer_part", "trailer-part");
    static final FieldDef FILE_DATA = FieldDef.string("http.file_data", "File Data");

    static final List<FieldDef> FIELDS = List.of(CHUNK_SIZE, CHUNK_DATA, CHUNK_BOUNDARY, CHUNKED_TRAILER_PART,
            FILE_DATA);

    /** A body dissector chosen by media type declined the body; it is shown as Media Type instead. */
    static final ExpertDef SUBDISSECTOR_FAILED = new ExpertDef("http.subdissector_failed",
            "HTTP body subdissector failed, trying heuristic subdissector", ExpertDef.Group.MALFORMED,
            ExpertDef.Severity.NOTE);
    static final ExpertDef DECOMPRESSION_FAILED = new ExpertDef("http.decompression_failed", "Decompression failed",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.WARN);

    /** The media type (and its parameters) of the entity handed to a body dissector. */
    record Media(String type, String parameters) {}

    /** Lets body dissectors learn the media type they were called for (tshark's pinfo->match_string). */
    static final Key<Media> MEDIA = Key.of("http.media_type");

    /** Bodies are inflated up to this many bytes (a bound against decompression bombs). */
    static final int MAX_INFLATED = 64 << 20;

    private HttpBody() {}

    /** Dechunks {@code body} if chunked; returns the entity bytes and sets {@code consumed[0]}. */
    static Tvb dechunk(HttpMessage m, Tvb body, int[] consumed) {
        int datalen = body.reportedLength();
        ProtoItem sub = m.tree.addText(body, 0, datalen, "HTTP chunked response");
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(16, Math.min(datalen, 1 << 16)));
        int off = 0;
        int left = datalen;
        while (left > 0) {
            long le = HttpText.lineEnd(body, off, false);
            if (le < 0 || HttpText.lineLength(le) <= 0) {
                break;
            }
            int lineLen = HttpText.lineLength(le);
            int chunkOff = HttpText.nextLine(le);
            long size = HttpReassembly.chunkSize(body, off, lineLen);
            if (size > left) {
                size = left;
            }
            int n = (int) size;
            if (n > 0) {
                int avail = Math.min(n, body.remaining(chunkOff));
                raw.write(body.backingArray(), body.start() + chunkOff, Math.max(0, avail));
            }
            if (m.detailed) {
                chunkItems(sub, body, off, chunkOff, n);
            } else {
                ProtoItem sz = sub.addUint(CHUNK_SIZE, body, off, chunkOff - off, n);
                if (n > 0) {
                    sz.add(CHUNK_DATA, body, chunkOff, n);
                    sz.add(CHUNK_BOUNDARY, body, chunkOff + n, 2);
                }
            }
            off = chunkOff + n;
            if (n > 0) {
                off += 2;
            } else {
                off = trailer(m, sub, body, off);
                break;
            }
            left = body.reportedLength() - off;
        }
        consumed[0] = Math.min(off, datalen);
        if (sub != m.tree) {
            sub.setLength(consumed[0]);
        }
        return m.pinfo.addDataSource("De-chunked entity body", raw.toByteArray());
    }

    private static void chunkItems(ProtoItem sub, Tvb body, int off, int chunkOff, int n) {
        ProtoItem chunk = sub.addText(body, off, n == 0 ? chunkOff - off : chunkOff - off + n + 2,
                n == 0 ? "End of chunked encoding" : "Data chunk (" + n + " octets)");
        ProtoItem sz = chunk.addUint(CHUNK_SIZE, body, off, chunkOff - off, n);
        sz.setText("Chunk size: " + n + (n == 1 ? " octet" : " octets"));
        if (n > 0) {
            chunk.add(CHUNK_DATA, body, chunkOff, n);
            chunk.add(CHUNK_BOUNDARY, body, chunkOff + n, 2);
        }
    }

    /** Trailer header lines after the last chunk, then the final CRLF; returns the offset after them. */
    private static int trailer(HttpMessage m, ProtoItem sub, Tvb body, int off) {
        while (true) {
            long le = HttpText.lineEnd(body, off, false);
            if (le < 0) {
                return off;
            }
            int len = HttpText.lineLength(le);
            int next = HttpText.nextLine(le);
            if (len == 0) {
                sub.addText(body, off, next - off, HttpText.format(body, off, next - off));
                return next;
            }
            ProtoItem t = sub.addString(CHUNKED_TRAILER_PART, body, off, next - off, body.utf8(off, next - off));
            if (m.detailed) {
                t.setText("trailer-part: " + HttpText.format(body, off, next - off));
            }
            off = next;
        }
    }

    /** Inflates a gzip or deflate entity; null when it cannot be inflated at all. */
    static byte[] inflate(Tvb entity) {
        byte[] in = entity.bytes(0, entity.length());
        byte[] out = inflate(in, 0, true);
        if (out == null && in.length >= 10 && (in[0] & 0xff) == 0x1f && (in[1] & 0xff) == 0x8b) {
            out = inflate(in, gzipHeaderLength(in), false);
        }
        if (out == null) {
            out = inflate(in, 0, false);
        }
        return out;
    }

    /** zlib/gzip ({@code wrapped}) or raw deflate from {@code from}; partial output is kept, none is null. */
    private static byte[] inflate(byte[] in, int from, boolean wrapped) {
        if (from < 0 || from >= in.length) {
            return null;
        }
        boolean gzip = wrapped && in.length - from >= 2 && (in[from] & 0xff) == 0x1f && (in[from + 1] & 0xff) == 0x8b;
        int start = from;
        Inflater inf;
        if (gzip) {
            start = from + gzipHeaderLength(in);
            if (start <= from || start > in.length) {
                return null;
            }
            inf = new Inflater(true);
        } else {
            inf = new Inflater(!wrapped);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 4);
        byte[] buf = new byte[16384];
        try {
            inf.setInput(in, start, in.length - start);
            while (!inf.finished() && out.size() < MAX_INFLATED) {
                int n = inf.inflate(buf);
                if (n == 0) {
                    if (inf.needsInput() || inf.needsDictionary()) {
                        break;
                    }
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            if (out.size() == 0) {
                return null;
            }
        } finally {
            inf.end();
        }
        return out.size() == 0 && !inf.finished() ? null : out.toByteArray();
    }

    /** Length of a gzip member header (RFC 1952 §2.3), or -1 when it is not one. */
    private static int gzipHeaderLength(byte[] b) {
        if (b.length < 10 || (b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b || b[2] != 8) {
            return -1;
        }
        int flags = b[3] & 0xff;
        int p = 10;
        if ((flags & 4) != 0) {
            if (p + 2 > b.length) {
                return -1;
            }
            p += 2 + ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8);
        }
        if ((flags & 8) != 0) {
            while (p < b.length && b[p] != 0) {
                p++;
            }
            p++;
        }
        if ((flags & 16) != 0) {
            while (p < b.length && b[p] != 0) {
                p++;
            }
            p++;
        }
        if ((flags & 2) != 0) {
            p += 2;
        }
        return p;
    }

    /** Adds {@code File Data: N bytes} with the entity as text (up to a NUL, invalid UTF-8 replaced). */
    static void fileData(HttpMessage m, Tvb entity) {
        fileData(m, entity, true);
    }

    /**
     * As {@link #fileData(HttpMessage, Tvb)}; a continuation ({@code failIfCut} false) shows the captured
     * part of a body the snapshot length cut, as tshark does there.
     */
    static void fileData(HttpMessage m, Tvb entity, boolean failIfCut) {
        int n = entity.length();
        if (failIfCut && n < entity.reportedLength()) {
            entity.bytes(0, entity.reportedLength()); // a body cut by the snapshot length: as tshark, fail here
        }
        boolean wanted = m.detailed || m.tree.tree().wants(FILE_DATA);
        String text = wanted ? HttpText.ascii(entity, 0, entity.length()) : null;
        ProtoItem fd = m.tree.addString(FILE_DATA, entity, 0, n, text);
        if (m.detailed) {
            fd.setText("File Data: " + n + " bytes");
        }
    }

    /**
     * Hands the entity to the dissector for its media type, else to {@code media} (a type nobody
     * dissects) or to {@code data} under the HTTP tree (no type at all).
     */
    static void dispatch(HttpMessage m, Tvb entity, ProtoItem root, HttpHeaders.Parsed h) {
        DissectorHandle handle = null;
        if (h.contentType != null) {
            DissectorTable media = m.pinfo.tables().table(HttpProvider.MEDIA_TYPE_TABLE);
            handle = media.lookup(h.contentType);
            if (handle == null && h.contentType.startsWith("multipart/")) {
                handle = media.lookup("multipart/");
            }
        }
        if (handle != null) {
            m.pinfo.put(MEDIA, new Media(h.contentType, h.contentTypeParameters));
            int expertsBefore = root.tree().experts().size();
            if (m.pinfo.call(handle, entity, root) > 0) {
                // a body dissector that threw unwinds tshark's HTTP before it trims its node
                m.bodyOutsideItem = !malformedSince(root, expertsBefore);
                return;
            }
            m.tree.expert(SUBDISSECTOR_FAILED);
        }
        if (h.contentType != null) {
            DissectorHandle media = m.pinfo.tables().handle(MediaDissector.HANDLE);
            if (media != null) {
                m.pinfo.put(MEDIA, new Media(h.contentType, h.contentTypeParameters));
                m.pinfo.call(media, entity, root);
            }
            return;
        }
        data(m, entity, m.tree);
    }

    private static boolean malformedSince(ProtoItem root, int expertsBefore) {
        List<PacketTree.Expert> experts = root.tree().experts();
        for (int i = expertsBefore; i < experts.size(); i++) {
            if (experts.get(i).def() == CoreFields.MALFORMED_EXPERT) {
                return true;
            }
        }
        return false;
    }

    static void data(HttpMessage m, Tvb tvb, ProtoItem parent) {
        DissectorHandle data = m.pinfo.tables().handle("data");
        if (data != null) {
            m.pinfo.call(data, tvb, parent);
        }
    }
}
