package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "slice" (see {@link FilterConformance}). */
class SliceFilterConformanceTest extends FilterConformance {
    SliceFilterConformanceTest() {
        super("slice");
    }
}
