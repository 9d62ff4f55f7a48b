package dev.dorsal.engine.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Opens the output file with tshark's messages for failures, and picks the writer for a format. */
final class FileWriters {
    private static final int BUFFER = 1 << 16;

    private FileWriters() {}

    static OutputStream openFile(Path path) throws CaptureWriteException {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new CaptureWriteException(CaptureWriteException.Kind.IS_DIRECTORY, name, null, null);
        }
        try {
            return Files.newOutputStream(path);
        } catch (NoSuchFileException e) {
            throw new CaptureWriteException(CaptureWriteException.Kind.PATH_NOT_FOUND, name, null, e);
        } catch (AccessDeniedException e) {
            throw new CaptureWriteException(CaptureWriteException.Kind.NO_PERMISSION, name, null, e);
        } catch (IOException e) {
            throw new CaptureWriteException(CaptureWriteException.Kind.WRITE_ERROR, name, e.getMessage(), e);
        }
    }

    static CaptureFileWriter create(OutputStream raw, String name, CaptureFormat format, List<InterfaceInfo> interfaces,
            SectionInfo section) throws CaptureWriteException {
        OutputStream out = new BufferedOutputStream(raw, BUFFER);
        try {
            return switch (format) {
                case PCAPNG -> new PcapngFileWriter(out, name, interfaces, section);
                case PCAP, PCAP_NSEC -> new PcapFileWriter(out, name, interfaces, format == CaptureFormat.PCAP_NSEC);
            };
        } catch (CaptureWriteException e) {
            closeQuietly(out);
            throw e;
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the first failure is the one reported
        }
    }
}
