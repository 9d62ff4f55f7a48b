package dev.dorsal.engine.capture;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

/**
 * A capture file that cannot be opened or read to its end; the message starts with tshark's sentence.
 *
 * <p>{@link #getMessage()} reads {@code <tshark sentence> (<detail>) at offset <n>}, e.g.
 * {@code The file "x.pcap" appears to be damaged or corrupt. (pcap: File has 4294967295-byte packet,
 * bigger than maximum of 262144) at offset 1234}. {@link #tsharkMessage()} is what tshark itself
 * prints. Every sentence lives in {@link Kind}, so the wording is kept in this one place.
 */
public class CaptureFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, each with tshark 4.0's sentence for it ({@code %s} is the file name). */
    public enum Kind {
        NOT_FOUND("The file \"%s\" doesn't exist.", false),
        NO_PERMISSION("You don't have permission to read the file \"%s\".", false),
        IS_DIRECTORY("\"%s\" is a directory (folder), not a file.", false),
        UNKNOWN_FORMAT("The file \"%s\" isn't a capture file in a format TShark understands.", false),
        UNSUPPORTED("The file \"%s\" contains record data that TShark doesn't support.", true),
        CUT_SHORT("The file \"%s\" appears to have been cut short in the middle of a packet.", false),
        CORRUPT("The file \"%s\" appears to be damaged or corrupt.", true),
        DECOMPRESS("The compressed file \"%s\" appears to be damaged or corrupt.", true),
        READ_ERROR("An error occurred while reading from the file \"%s\".", true);

        private final String sentence;
        private final boolean tsharkShowsDetail;

        Kind(String sentence, boolean tsharkShowsDetail) {
            this.sentence = sentence;
            this.tsharkShowsDetail = tsharkShowsDetail;
        }

        /** Fills the file name into tshark's sentence. */
        public String sentence(String fileName) {
            return sentence.formatted(fileName);
        }
    }

    private final Kind kind;
    private final String fileName;
    private final String detail;
    private final long offset;

    /** Creates the exception; {@code detail} may be null, {@code offset} is -1 when unknown. */
    public CaptureFileException(Kind kind, String fileName, String detail, long offset, Throwable cause) {
        super(compose(kind, fileName, detail, offset), cause);
        this.kind = kind;
        this.fileName = fileName;
        this.detail = detail;
        this.offset = offset;
    }

    /** Creates the exception without a cause. */
    public CaptureFileException(Kind kind, String fileName, String detail, long offset) {
        this(kind, fileName, detail, offset, null);
    }

    /** Names the problem for a file that ends inside a record. */
    static CaptureFileException cutShort(String file, String detail, long offset) {
        return new CaptureFileException(Kind.CUT_SHORT, file, detail, offset);
    }

    /** Names the problem for a length or header field that cannot be right. */
    static CaptureFileException corrupt(String file, String detail, long offset) {
        return new CaptureFileException(Kind.CORRUPT, file, detail, offset);
    }

    /** Names the problem for a header that is valid but describes something we cannot read. */
    static CaptureFileException unsupported(String file, String detail, long offset) {
        return new CaptureFileException(Kind.UNSUPPORTED, file, detail, offset);
    }

    /** Names the problem for a file whose first bytes match no known format. */
    static CaptureFileException unknownFormat(String file) {
        return new CaptureFileException(Kind.UNKNOWN_FORMAT, file, null, -1);
    }

    /** Turns a failure of the underlying stream into tshark's wording: a cut gzip reads as cut short. */
    static CaptureFileException fromIo(String file, IOException e, long offset) {
        if (e instanceof CaptureFileException c) {
            return c;
        }
        if (e instanceof EOFException) {
            return new CaptureFileException(Kind.CUT_SHORT, file, "compressed stream ends early", offset, e);
        }
        if (e instanceof ZipException) {
            return new CaptureFileException(Kind.DECOMPRESS, file, e.getMessage(), offset, e);
        }
        return new CaptureFileException(Kind.READ_ERROR, file, String.valueOf(e.getMessage()), offset, e);
    }

    private static String compose(Kind kind, String fileName, String detail, long offset) {
        StringBuilder sb = new StringBuilder(kind.sentence(fileName));
        if (detail != null) {
            sb.append(" (").append(detail).append(')');
        }
        if (offset >= 0) {
            sb.append(" at offset ").append(offset);
        }
        return sb.toString();
    }

    /** The kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** The file name as given to {@link Captures#open}. */
    public String fileName() {
        return fileName;
    }

    /** Our description of the problem, or null. */
    public String detail() {
        return detail;
    }

    /** File offset of the record or block that could not be read, -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** The text tshark 4.0 prints for this failure (after "tshark: "), detail on a second line where tshark shows one. */
    public String tsharkMessage() {
        String s = kind.sentence(fileName);
        if (kind.tsharkShowsDetail) {
            s += "\n(" + (detail == null ? "no information supplied" : detail) + ")";
        }
        return s;
    }
}
