package dev.dorsal.engine.filter;

/**
 * Conformance rows of group "mixed": randomly generated combinations of every construct (kept with
 * tshark's answers), which catch the order of checks and the interplay of semantics.
 */
class MixedFilterTest extends ConformanceGroup {
    MixedFilterTest() {
        super("mixed");
    }
}
