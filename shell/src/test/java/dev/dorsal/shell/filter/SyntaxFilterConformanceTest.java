package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "syntax" (see {@link FilterConformance}). */
class SyntaxFilterConformanceTest extends FilterConformance {
    SyntaxFilterConformanceTest() {
        super("syntax");
    }
}
