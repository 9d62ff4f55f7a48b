package dev.dorsal.engine.stats;

/**
 * One chunk of a followed stream: contiguous payload from one side (node 1 = {@code server}), with the
 * frame it came from and that frame's absolute time (0 for the "bytes missing" marker tshark inserts).
 */
record FollowRecord(boolean server, long frame, long epochNanos, byte[] data) {}
