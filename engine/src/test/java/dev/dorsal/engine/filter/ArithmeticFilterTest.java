package dev.dorsal.engine.filter;

/** Conformance rows of group "arithmetic" (see {@link ConformanceGroup}). */
class ArithmeticFilterTest extends ConformanceGroup {
    ArithmeticFilterTest() {
        super("arithmetic");
    }
}
