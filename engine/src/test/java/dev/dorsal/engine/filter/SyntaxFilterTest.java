package dev.dorsal.engine.filter;

/** Conformance rows of group "syntax" (see {@link ConformanceGroup}). */
class SyntaxFilterTest extends ConformanceGroup {
    SyntaxFilterTest() {
        super("syntax");
    }
}
