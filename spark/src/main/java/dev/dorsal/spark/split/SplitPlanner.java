package dev.dorsal.spark.split;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the input files into partitions.
 *
 * <p>Packet level: a file larger than the split size is cut into byte ranges. One Spark job walks
 * every range's record headers in parallel (no dissection), each range resynchronising on its first
 * record boundary; the driver then checks that each range starts where the previous one ended
 * (walking again from there when a resynchronisation was fooled by packet bytes) and numbers the
 * frames, so every frame keeps the number it has in the whole file. Gzip files and small files are
 * one partition each.
 *
 * <p>Flow level: each file is read by {@code groups} partitions, each dissecting the conversations
 * whose addresses and ports hash to its group (see {@code FlowKeys}).
 */
public final class SplitPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(SplitPlanner.class);

    private SplitPlanner() {}

    /** A capture file and its size. */
    public record InputFile(String path, long size) implements Serializable {}

    /** One byte range to walk. */
    record RangeSpec(String path, long size, CaptureLayout layout, long from, long to, boolean resync)
            implements Serializable {}

    public static List<CaptureSplit> flowSplits(List<InputFile> files, int groups) {
        List<CaptureSplit> out = new ArrayList<>();
        for (InputFile f : files) {
            for (int g = 0; g < groups; g++) {
                out.add(CaptureSplit.flow(f.path(), g, groups));
            }
        }
        return out;
    }

    public static List<CaptureSplit> packetSplits(SparkSession spark, List<InputFile> files, long splitBytes,
            HadoopConf conf) {
        List<RangeSpec> specs = new ArrayList<>();
        List<List<Integer>> specsOfFile = new ArrayList<>();
        for (InputFile f : files) {
            List<Integer> mine = new ArrayList<>();
            specsOfFile.add(mine);
            if (f.size() <= splitBytes) {
                continue;
            }
            CaptureLayout layout = layout(f, conf);
            if (layout.format() == CaptureLayout.Format.WHOLE) {
                continue;
            }
            for (long from = layout.prefixLength(); from < f.size(); from += splitBytes) {
                long to = Math.min(f.size(), from + splitBytes);
                mine.add(specs.size());
                specs.add(new RangeSpec(f.path(), f.size(), layout, from, to, from != layout.prefixLength()));
            }
        }
        List<RecordWalker.Walk> walks = specs.isEmpty() ? List.of() : walkAll(spark, specs, conf);
        List<CaptureSplit> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            List<Integer> mine = specsOfFile.get(i);
            if (mine.isEmpty()) {
                out.add(CaptureSplit.whole(f.path()));
                continue;
            }
            List<CaptureSplit> ranges = chain(f, mine.stream().map(specs::get).toList(),
                    mine.stream().map(walks::get).toList(), conf);
            if (ranges == null) {
                out.add(CaptureSplit.whole(f.path()));
            } else {
                out.addAll(ranges);
            }
        }
        return out;
    }

    /**
     * Links the walks of one file into runs that tile its records, or null when the file must be read
     * whole (pcapng with a later section, interface or secrets block).
     */
    private static List<CaptureSplit> chain(InputFile f, List<RangeSpec> specs, List<RecordWalker.Walk> walks,
            HadoopConf conf) {
        List<CaptureSplit> out = new ArrayList<>();
        long expected = specs.get(0).layout().prefixLength();
        long number = 1;
        long previousRecord = -1;
        boolean stopped = false;
        try (FSDataInputStream in = open(f.path(), conf)) {
            RecordWalker walker = new RecordWalker(in, f.size(), specs.get(0).layout());
            for (int k = 0; k < specs.size() && !stopped; k++) {
                RangeSpec spec = specs.get(k);
                if (expected >= spec.to()) {
                    continue; // a record longer than the range covers it: no record starts here
                }
                RecordWalker.Walk w = walks.get(k);
                if (w.sync() != expected) {
                    LOG.info("dorsal: {}: the range at offset {} resynchronised at {}, not at {}; walking it again",
                            f.path(), spec.from(), w.sync(), expected);
                    w = walker.walk(expected, spec.to(), false);
                }
                if (w.restructured()) {
                    return null;
                }
                if (w.count() > 0) {
                    out.add(CaptureSplit.range(f.path(), spec.layout(), w.sync(), w.count(), number, previousRecord,
                            w.problem()));
                    number += w.count();
                    previousRecord = w.lastRecord();
                } else if (w.problem() != null) {
                    out.add(CaptureSplit.range(f.path(), spec.layout(), w.sync(), 0, number, previousRecord, w.problem()));
                }
                stopped = w.problem() != null; // like tshark, nothing after a cut-short or corrupt record
                expected = w.end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dorsal: cannot read " + f.path() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static List<RecordWalker.Walk> walkAll(SparkSession spark, List<RangeSpec> specs, HadoopConf conf) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("dorsal: find the record boundaries of " + specs.size() + " byte ranges");
        try {
            return jsc.parallelize(specs, specs.size()).map(new WalkRange(conf)).collect();
        } finally {
            jsc.setJobDescription(null);
        }
    }

    /** The index job's task: walk one range's headers. */
    private record WalkRange(HadoopConf conf) implements Function<RangeSpec, RecordWalker.Walk> {
        @Override
        public RecordWalker.Walk call(RangeSpec spec) throws IOException {
            try (FSDataInputStream in = open(spec.path(), conf)) {
                return new RecordWalker(in, spec.size(), spec.layout()).walk(spec.from(), spec.to(), spec.resync());
            }
        }
    }

    private static CaptureLayout layout(InputFile f, HadoopConf conf) {
        try (FSDataInputStream in = open(f.path(), conf)) {
            return CaptureLayout.read(in, f.size());
        } catch (IOException e) {
            throw new UncheckedIOException("dorsal: cannot read " + f.path() + ": " + e.getMessage(), e);
        }
    }

    public static FSDataInputStream open(String path, HadoopConf conf) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf.get()).open(p);
    }

    /**
     * The files named by the paths: a file, a folder's files (not recursive, hidden and {@code _}
     * files skipped), or a glob; sorted by path. An unmatched path is an error naming it.
     */
    public static List<InputFile> listFiles(List<String> paths, HadoopConf conf) {
        List<InputFile> out = new ArrayList<>();
        try {
            for (String s : paths) {
                Path p = new Path(s);
                FileSystem fs = p.getFileSystem(conf.get());
                FileStatus[] matched = fs.globStatus(p);
                if (matched == null || matched.length == 0) {
                    throw new IllegalArgumentException("dorsal: The file \"" + s + "\" doesn't exist.");
                }
                for (FileStatus m : matched) {
                    if (m.isDirectory()) {
                        for (FileStatus c : fs.listStatus(m.getPath())) {
                            String name = c.getPath().getName();
                            if (c.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                                out.add(new InputFile(c.getPath().toString(), c.getLen()));
                            }
                        }
                    } else {
                        out.add(new InputFile(m.getPath().toString(), m.getLen()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dorsal: cannot list " + paths + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(InputFile::path));
        return out;
    }
}
