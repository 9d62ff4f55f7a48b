package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "arithmetic" (see {@link FilterConformance}). */
class ArithmeticFilterConformanceTest extends FilterConformance {
    ArithmeticFilterConformanceTest() {
        super("arithmetic");
    }
}
