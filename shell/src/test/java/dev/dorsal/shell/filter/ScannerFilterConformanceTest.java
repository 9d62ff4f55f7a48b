package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "scanner" (see {@link FilterConformance}). */
class ScannerFilterConformanceTest extends FilterConformance {
    ScannerFilterConformanceTest() {
        super("scanner");
    }
}
