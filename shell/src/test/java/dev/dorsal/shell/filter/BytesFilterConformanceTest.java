package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "bytes" (see {@link FilterConformance}). */
class BytesFilterConformanceTest extends FilterConformance {
    BytesFilterConformanceTest() {
        super("bytes");
    }
}
