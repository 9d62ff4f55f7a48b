package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "function" (see {@link FilterConformance}). */
class FunctionFilterConformanceTest extends FilterConformance {
    FunctionFilterConformanceTest() {
        super("function");
    }
}
