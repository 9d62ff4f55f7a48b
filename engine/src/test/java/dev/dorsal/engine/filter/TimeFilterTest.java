package dev.dorsal.engine.filter;

/** Conformance rows of group "time" (see {@link ConformanceGroup}). */
class TimeFilterTest extends ConformanceGroup {
    TimeFilterTest() {
        super("time");
    }
}
