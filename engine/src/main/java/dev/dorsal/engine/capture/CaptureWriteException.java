package dev.dorsal.engine.capture;

import java.io.IOException;

/**
 * A capture file that cannot be created or written; {@link #tsharkMessage()} is tshark 4.0's sentence
 * for the same failure, so the CLI can print it after its prefix.
 */
public class CaptureWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, each with tshark's sentence ({@code %s} is the file name). */
    public enum Kind {
        PATH_NOT_FOUND("The path to the file \"%s\" doesn't exist."),
        NO_PERMISSION("You don't have permission to create or write to the file \"%s\"."),
        IS_DIRECTORY("\"%s\" is a directory (folder), not a file."),
        /** The frames need more than one link type, or none, and pcap holds exactly one. */
        CANNOT_WRITE_AS_PCAP("The capture file being read can't be written as a \"pcap\" file."),
        WRITE_ERROR("An error occurred while writing to the file \"%s\"");

        private final String sentence;

        Kind(String sentence) {
            this.sentence = sentence;
        }
    }

    private final Kind kind;
    private final String fileName;

    public CaptureWriteException(Kind kind, String fileName, String detail, Throwable cause) {
        super(kind.sentence.formatted(fileName) + (detail == null ? "" : ": " + detail + "."), cause);
        this.kind = kind;
        this.fileName = fileName;
    }

    public Kind kind() {
        return kind;
    }

    /** The file as the caller named it. */
    public String fileName() {
        return fileName;
    }

    /** The text tshark prints for this failure, after its "tshark: " prefix. */
    public String tsharkMessage() {
        return getMessage();
    }
}
