package dev.dorsal.engine.filter;

/** Conformance rows of group "function" (see {@link ConformanceGroup}). */
class FunctionFilterTest extends ConformanceGroup {
    FunctionFilterTest() {
        super("function");
    }
}
