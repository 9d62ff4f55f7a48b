package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "tfs" (see {@link FilterConformance}). */
class TfsFilterConformanceTest extends FilterConformance {
    TfsFilterConformanceTest() {
        super("tfs");
    }
}
