package dev.dorsal.spark.write;

import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.spark.RawColumn;
import dev.dorsal.spark.split.HadoopConf;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * {@code df.write.format("dorsal").mode("overwrite").save(dir)}: the rows' frames, written as capture
 * files into {@code dir}, one per task ({@code coalesce(1)} for one file). The rows must carry the
 * frame as read: the columns {@code dorsal.data}, {@code dorsal.linktype} and {@code dorsal.ts_nanos}
 * ({@code dorsal.orig_len} too, or the captured length stands for it). Option {@code format}: pcap
 * (the default, microseconds), nsecpcap or pcapng, as tshark's {@code -F}.
 */
public final class CaptureWriteBuilder implements WriteBuilder, SupportsTruncate {
    private final LogicalWriteInfo info;
    private final List<String> paths;
    private final HadoopConf conf;
    private boolean truncate;

    public CaptureWriteBuilder(LogicalWriteInfo info, List<String> paths, HadoopConf conf) {
        this.info = info;
        this.paths = paths;
        this.conf = conf;
    }

    @Override
    public WriteBuilder truncate() {
        truncate = true;
        return this;
    }

    @Override
    public Write build() {
        if (paths.size() != 1) {
            throw new IllegalArgumentException("dorsal: write needs one output folder: save(\"dir\")");
        }
        StructType schema = info.schema();
        FrameColumns columns = FrameColumns.of(schema);
        CaptureFormat format = format(info.options().getOrDefault("format", "pcap"));
        String out = paths.get(0);
        return new Write() {
            @Override
            public BatchWrite toBatch() {
                return new CaptureBatchWrite(out, info.queryId(), columns, format, truncate, conf);
            }
        };
    }

    static CaptureFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "pcap", "libpcap" -> CaptureFormat.PCAP;
            case "nsecpcap" -> CaptureFormat.PCAP_NSEC;
            case "pcapng" -> CaptureFormat.PCAPNG;
            default -> throw new IllegalArgumentException("dorsal: option format must be pcap, nsecpcap or pcapng, not \""
                    + name + "\"");
        };
    }

    /** Positions of the frame columns in the rows written. */
    record FrameColumns(int data, int linkType, int timestamp, int originalLength) implements java.io.Serializable {
        static FrameColumns of(StructType schema) {
            int data = index(schema, RawColumn.DATA);
            int link = index(schema, RawColumn.LINK_TYPE);
            int ts = index(schema, RawColumn.TIMESTAMP_NANOS);
            if (data < 0 || link < 0 || ts < 0) {
                throw new IllegalArgumentException("dorsal: writing captures needs the columns dorsal.data, "
                        + "dorsal.linktype and dorsal.ts_nanos (or dorsal_data, ...): read with them in the fields option");
            }
            return new FrameColumns(data, link, ts, index(schema, RawColumn.ORIGINAL_LENGTH));
        }

        private static int index(StructType schema, RawColumn c) {
            String[] names = schema.fieldNames();
            for (int i = 0; i < names.length; i++) {
                boolean named = names[i].equals(c.column())
                        || names[i].equals(dev.dorsal.spark.FieldColumn.underscored(c.column()));
                if (named && schema.fields()[i].dataType().equals(c.type())) {
                    return i;
                }
            }
            return -1;
        }
    }
}
