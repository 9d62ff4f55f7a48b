package dev.dorsal.dissectors.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The value logic of the SIP dissector: start lines, header names, numbers and value names. */
class SipValuesTest {
    @Test
    void startLinesAreClassifiedAsTsharkDoes() {
        assertEquals(SipDissector.LineType.REQUEST, SipDissector.classify("INVITE sip:bob@example.com SIP/2.0"));
        assertEquals(SipDissector.LineType.REQUEST, SipDissector.classify("X-NEW.m sip:a SIP/2.0"));
        assertEquals(SipDissector.LineType.STATUS, SipDissector.classify("SIP/2.0 200 OK"));
        assertEquals(SipDissector.LineType.STATUS, SipDissector.classify("SIP/2.0 180"));
        assertEquals(SipDissector.LineType.OTHER, SipDissector.classify("INVITE sip:bob@example.com SIP/3.0"));
        assertEquals(SipDissector.LineType.OTHER, SipDissector.classify("INVITE  SIP/2.0"));
        assertEquals(SipDissector.LineType.OTHER, SipDissector.classify("SIP/2.0 20 OK"));
        assertEquals(SipDissector.LineType.OTHER, SipDissector.classify("GET / HTTP/1.1"));
        assertEquals(SipDissector.LineType.REQUEST, SipDissector.classify("IN<VITE sip:a SIP/2.0"));
        assertEquals(SipDissector.LineType.OTHER, SipDissector.classify("INVITE sipPbob@example.com SIP/2.0"));
    }

    @Test
    void headerNamesIncludingCompactFormsFindTheirFields() {
        assertSame(SipHeaders.VIA, SipHeaders.lookup("v"));
        assertSame(SipHeaders.VIA, SipHeaders.lookup("VIA"));
        assertSame(SipHeaders.CALL_ID, SipHeaders.lookup("i"));
        assertSame(SipHeaders.CONTENT_LENGTH, SipHeaders.lookup("l"));
        assertSame(SipHeaders.REFERRED_BY, SipHeaders.lookup("Referred-By"));
        assertSame(SipHeaders.REFERRED_BY, SipHeaders.lookup("b"));
        assertSame(SipHeaders.ETAG, SipHeaders.lookup("SIP-ETag"));
        assertNull(SipHeaders.lookup("ETag"));
        assertNull(SipHeaders.lookup("X-Foo"));
        assertNull(SipHeaders.lookup("q"));
    }

    @Test
    void numericHeadersReadTheirLeadingDigits() {
        assertEquals(600, SipMessage.leadingNumber("600"));
        assertEquals(7, SipMessage.leadingNumber("7 (x)"));
        assertEquals(0, SipMessage.leadingNumber("abc"));
        assertEquals(0xffffffffL, SipMessage.leadingNumber("99999999999999"));
    }

    @Test
    void reasonCausesAreNamed() {
        assertEquals("Normal call clearing", SipValues.Q850_CAUSES.name(16));
        assertEquals("User busy", SipValues.Q850_CAUSES.name(17));
        assertEquals("OK", SipValues.RESPONSES.name(200));
        assertEquals("Busy Here", SipValues.RESPONSES.name(486));
    }
}
