package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "integer" (see {@link FilterConformance}). */
class IntegerFilterConformanceTest extends FilterConformance {
    IntegerFilterConformanceTest() {
        super("integer");
    }
}
