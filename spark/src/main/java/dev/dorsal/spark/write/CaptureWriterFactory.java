package dev.dorsal.spark.write;

import dev.dorsal.engine.capture.CaptureFileWriter;
import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.capture.SectionInfo;
import dev.dorsal.spark.split.HadoopConf;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** Creates each task's writer: one capture file per task, in the job's temporary folder. */
record CaptureWriterFactory(String temporary, CaptureWriteBuilder.FrameColumns columns, CaptureFormat format,
        HadoopConf conf) implements DataWriterFactory {
    /** The largest frame a written file declares (Wireshark's own maximum). */
    private static final int SNAP_LEN = 262_144;

    /** What a task wrote: its file, or null when it had no rows. */
    record Written(String file) implements WriterCommitMessage {}

    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
        String extension = format == CaptureFormat.PCAPNG ? ".pcapng" : ".pcap";
        String name = String.format("part-%05d-%s%s", partitionId, UUID.randomUUID(), extension);
        return new TaskWriter(new Path(temporary, name));
    }

    private final class TaskWriter implements DataWriter<InternalRow> {
        private final Path file;
        private CaptureFileWriter writer;
        /** pcapng: interface id per link type; pcap: the file's one link type. */
        private final Map<Integer, Integer> interfaces = new HashMap<>();

        TaskWriter(Path file) {
            this.file = file;
        }

        @Override
        public void write(InternalRow row) throws IOException {
            byte[] data = row.getBinary(columns.data());
            int linkType = row.getInt(columns.linkType());
            long nanos = row.getLong(columns.timestamp());
            int original = columns.originalLength() >= 0 && !row.isNullAt(columns.originalLength())
                    ? row.getInt(columns.originalLength()) : data.length;
            Integer id = interfaces.get(linkType);
            if (id == null) {
                id = addInterface(linkType);
            }
            writer.write(new RawFrame(0, 0, linkType, id, nanos, format == CaptureFormat.PCAP ? 6 : 9, original, data));
        }

        private int addInterface(int linkType) throws IOException {
            InterfaceInfo iface = new InterfaceInfo(linkType, SNAP_LEN, null,
                    format == CaptureFormat.PCAP ? 6 : 9, null, 0, 0);
            if (writer == null) {
                FileSystem fs = file.getFileSystem(conf.get());
                writer = CaptureFileWriter.open(fs.create(file, false), file.toString(), format,
                        java.util.List.of(iface), SectionInfo.DORSAL);
                interfaces.put(linkType, 0);
                return 0;
            }
            if (format != CaptureFormat.PCAPNG) {
                throw new IOException("dorsal: frames of link types " + interfaces.keySet().iterator().next() + " and "
                        + linkType + " cannot share a pcap file; write pcapng (option format=pcapng)");
            }
            int id = writer.addInterface(iface);
            interfaces.put(linkType, id);
            return id;
        }

        @Override
        public WriterCommitMessage commit() throws IOException {
            if (writer == null) {
                return new Written(null);
            }
            writer.close();
            writer = null;
            return new Written(file.toString());
        }

        @Override
        public void abort() throws IOException {
            close();
            file.getFileSystem(conf.get()).delete(file, false);
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }
    }
}
