package dev.dorsal.spark.write;

import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.spark.split.HadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * The job side of a write. Tasks write into a temporary folder inside the output folder; the commit
 * moves their files in (after removing earlier {@code part-*} captures when overwriting), an abort
 * removes the temporary folder, so readers never see a half-written job.
 */
final class CaptureBatchWrite implements BatchWrite {
    private final Path out;
    private final Path temporary;
    private final CaptureWriteBuilder.FrameColumns columns;
    private final CaptureFormat format;
    private final boolean truncate;
    private final HadoopConf conf;

    CaptureBatchWrite(String out, String queryId, CaptureWriteBuilder.FrameColumns columns, CaptureFormat format,
            boolean truncate, HadoopConf conf) {
        this.out = new Path(out);
        this.temporary = new Path(this.out, "_temporary-" + queryId);
        this.columns = columns;
        this.format = format;
        this.truncate = truncate;
        this.conf = conf;
    }

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
        return new CaptureWriterFactory(temporary.toString(), columns, format, conf);
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {
        try {
            FileSystem fs = out.getFileSystem(conf.get());
            if (truncate && fs.exists(out)) {
                for (FileStatus s : fs.listStatus(out)) {
                    String name = s.getPath().getName();
                    if (s.isFile() && name.startsWith("part-")) {
                        fs.delete(s.getPath(), false);
                    }
                }
            }
            for (WriterCommitMessage m : messages) {
                if (m instanceof CaptureWriterFactory.Written w && w.file() != null) {
                    Path from = new Path(w.file());
                    if (!fs.rename(from, new Path(out, from.getName()))) {
                        throw new IOException("cannot move " + from + " into " + out);
                    }
                }
            }
            fs.delete(temporary, true);
        } catch (IOException e) {
            throw new UncheckedIOException("dorsal: writing " + out + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        try {
            temporary.getFileSystem(conf.get()).delete(temporary, true);
        } catch (IOException e) {
            throw new UncheckedIOException("dorsal: cleaning up " + temporary + ": " + e.getMessage(), e);
        }
    }
}
