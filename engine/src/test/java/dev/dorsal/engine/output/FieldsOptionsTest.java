package dev.dorsal.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The -E option values tshark 4.0.17 accepts (WIRESHARK.md §2.1) and the ones it rejects. */
class FieldsOptionsTest {
    @Test
    void defaultsAreTabNoQuotesAllOccurrencesComma() {
        FieldsOptions d = FieldsOptions.DEFAULT;
        assertEquals("\t", d.separator());
        assertEquals(0, d.quote());
        assertEquals('a', d.occurrence());
        assertEquals(",", d.aggregator());
    }

    @Test
    void acceptedValues() {
        FieldsOptions o = FieldsOptions.DEFAULT.with("header=y").with("separator=/s").with("quote=d")
                .with("occurrence=f").with("aggregator=/s");
        assertEquals(true, o.header());
        assertEquals(" ", o.separator());
        assertEquals('"', o.quote());
        assertEquals('f', o.occurrence());
        assertEquals(" ", o.aggregator());
        assertEquals(",", FieldsOptions.DEFAULT.with("separator=,").separator());
        assertEquals('\'', FieldsOptions.DEFAULT.with("quote=s").quote());
    }

    @Test
    void rejectedValues() {
        assertNull(FieldsOptions.DEFAULT.with("escape=y"));
        assertNull(FieldsOptions.DEFAULT.with("quote=x"));
        assertNull(FieldsOptions.DEFAULT.with("occurrence=2x"));
        assertNull(FieldsOptions.DEFAULT.with("header"));
        assertNull(FieldsOptions.DEFAULT.with("header=Y"));
        assertNull(FieldsOptions.DEFAULT.with("separator="));
        assertEquals("escape", FieldsOptions.key("escape=y"));
    }

    @Test
    void onlyTheFirstCharacterCounts() {
        // Observed with tshark 4.0.17: separator=abc uses "a", aggregator=/t a backslash, header=yes is yes.
        assertEquals("a", FieldsOptions.DEFAULT.with("separator=abc").separator());
        assertEquals("\\", FieldsOptions.DEFAULT.with("aggregator=/t").aggregator());
        assertEquals("\\", FieldsOptions.DEFAULT.with("separator=/x").separator());
        assertEquals("\t", FieldsOptions.DEFAULT.with("separator=/tt").separator());
        assertEquals(true, FieldsOptions.DEFAULT.with("header=yes").header());
        assertEquals('"', FieldsOptions.DEFAULT.with("quote=dd").quote());
    }
}
