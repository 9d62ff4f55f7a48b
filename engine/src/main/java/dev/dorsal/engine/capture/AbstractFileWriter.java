package dev.dorsal.engine.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** What both writers share: the stream, the counters, the interface list and the wording of write errors. */
abstract sealed class AbstractFileWriter implements CaptureFileWriter permits PcapFileWriter, PcapngFileWriter {

    final String name;
    final BlockBuilder block = new BlockBuilder();
    final List<InterfaceInfo> interfaces = new ArrayList<>();
    private final OutputStream out;
    private long bytes;
    private long frames;
    private boolean closed;

    AbstractFileWriter(OutputStream out, String name) {
        this.out = out;
        this.name = name;
    }

    @Override
    public final List<InterfaceInfo> interfaces() {
        return List.copyOf(interfaces);
    }

    @Override
    public final long bytesWritten() {
        return bytes;
    }

    @Override
    public final long framesWritten() {
        return frames;
    }

    /** The interface a frame names, or an error that says the caller forgot to declare it. */
    final InterfaceInfo interfaceOf(RawFrame frame) {
        int id = frame.interfaceId();
        if (id < 0 || id >= interfaces.size()) {
            throw new IllegalArgumentException("frame " + frame.number() + " is on interface " + id + " but only "
                    + interfaces.size() + " interface(s) were declared to the writer of " + name);
        }
        return interfaces.get(id);
    }

    /** Writes the block built so far. */
    final void emit() throws CaptureWriteException {
        emit(block.array(), 0, block.length());
    }

    final void emit(byte[] b, int off, int len) throws CaptureWriteException {
        if (closed) {
            throw new IllegalStateException("the writer of " + name + " is closed");
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failure(e);
        }
        bytes += len;
    }

    final void countFrame() {
        frames++;
    }

    final CaptureWriteException failure(IOException e) {
        return new CaptureWriteException(CaptureWriteException.Kind.WRITE_ERROR, name, e.getMessage(), e);
    }

    @Override
    public final void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw failure(e);
        }
    }
}
