package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "string" (see {@link FilterConformance}). */
class StringFilterConformanceTest extends FilterConformance {
    StringFilterConformanceTest() {
        super("string");
    }
}
