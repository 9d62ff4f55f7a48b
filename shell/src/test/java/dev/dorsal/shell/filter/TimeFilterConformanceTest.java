package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "time" (see {@link FilterConformance}). */
class TimeFilterConformanceTest extends FilterConformance {
    TimeFilterConformanceTest() {
        super("time");
    }
}
