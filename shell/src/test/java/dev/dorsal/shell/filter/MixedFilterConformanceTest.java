package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "mixed", random combinations (see {@link FilterConformance}). */
class MixedFilterConformanceTest extends FilterConformance {
    MixedFilterConformanceTest() {
        super("mixed");
    }
}
