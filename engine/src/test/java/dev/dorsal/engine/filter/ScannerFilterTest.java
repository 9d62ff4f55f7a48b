package dev.dorsal.engine.filter;

/** Conformance rows of group "scanner" (see {@link ConformanceGroup}). */
class ScannerFilterTest extends ConformanceGroup {
    ScannerFilterTest() {
        super("scanner");
    }
}
