package dev.dorsal.spark.split;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One partition of a scan: a whole file, a run of records of a file (packet level), or one
 * conversation group of a file (flow level).
 *
 * @param path           the file, as a Hadoop path string
 * @param layout         how to replay the file's start before a run of records
 * @param start          offset of the first record of the run (RANGE)
 * @param count          records in the run (RANGE)
 * @param firstNumber    frame number of the first record of the run (RANGE)
 * @param previousRecord offset of the record just before the run, -1 for the file's first run (RANGE)
 * @param problem        why the file's records end early (cut short, corrupt), reported by the last run
 * @param group          flow group of this partition (FLOW)
 * @param groups         flow groups of the file (FLOW)
 */
public record CaptureSplit(Kind kind, String path, CaptureLayout layout, long start, long count, long firstNumber,
        long previousRecord, String problem, int group, int groups) implements InputPartition {

    public enum Kind { WHOLE, RANGE, FLOW }

    public static CaptureSplit whole(String path) {
        return new CaptureSplit(Kind.WHOLE, path, CaptureLayout.WHOLE_FILE, 0, -1, 1, -1, null, 0, 1);
    }

    public static CaptureSplit flow(String path, int group, int groups) {
        return new CaptureSplit(Kind.FLOW, path, CaptureLayout.WHOLE_FILE, 0, -1, 1, -1, null, group, groups);
    }

    public static CaptureSplit range(String path, CaptureLayout layout, long start, long count, long firstNumber,
            long previousRecord, String problem) {
        return new CaptureSplit(Kind.RANGE, path, layout, start, count, firstNumber, previousRecord, problem, 0, 1);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case WHOLE -> path;
            case RANGE -> path + " frames " + firstNumber + ".." + (firstNumber + count - 1) + " from offset " + start;
            case FLOW -> path + " flow group " + group + "/" + groups;
        };
    }
}
