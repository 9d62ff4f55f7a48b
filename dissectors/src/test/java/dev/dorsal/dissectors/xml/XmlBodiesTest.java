package dev.dorsal.dissectors.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.dissectors.http.testkit.BodyExchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * XML bodies through the real stack (TCP, HTTP): the fields tshark 4.0.17 gives the same documents
 * (checked against it), its tolerance of broken markup, the text bodies it hands to XML, and a body
 * cut at every point into two segments.
 */
class XmlBodiesTest {
    private static final BodyExchange EXCHANGE = new BodyExchange(List.of("http", "data-text-lines", "xml", "media"));

    @Test
    void elementsAttributesTextAndDeclaration() {
        List<String> f = fields("text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root a=\"1\" b='two'>"
                + "<child>text here</child><empty/><!-- c --></root>");
        assertTrue(f.contains("xml.xmlpi.xml.version=1.0"), f::toString);
        assertTrue(f.contains("xml.xmlpi.xml.encoding=UTF-8"), f::toString);
        assertTrue(f.contains("xml.tag=<root a=\"1\" b='two'>"), f::toString);
        assertTrue(f.contains("xml.attribute=b='two'"), f::toString);
        assertTrue(f.contains("xml.cdata=text here"), f::toString);
        assertTrue(f.contains("xml.tag=<empty/>"), f::toString);
        assertTrue(f.contains("xml.comment=<!-- c -->"), f::toString);
    }

    @Test
    void tolerantOfBrokenMarkup() {
        List<String> f = fields("text/xml", "lead <a x=1>t</a></b>");
        assertTrue(f.contains("xml.unknown=lead "), f::toString); // trailing space kept, as tshark
        assertTrue(f.contains("xml.unrecognized_text=1"), f::toString);
        assertTrue(f.contains("xml.closing_unopened_tag=1"), f::toString);
    }

    @Test
    void textBodiesStartingWithTheDeclarationBecomeXmlFrom39Bytes() {
        String decl = "<?xml version=\"1.0\"?>\n";
        List<String> shorter = fields("text/html", decl + "<a>" + "x".repeat(9) + "</a>"); // 38 bytes
        assertFalse(shorter.stream().anyMatch(s -> s.startsWith("xml")), shorter::toString);
        assertTrue(shorter.stream().anyMatch(s -> s.startsWith("data-text-lines=")), shorter::toString);
        List<String> enough = fields("text/html", decl + "<a>" + "x".repeat(10) + "</a>"); // 39 bytes
        assertTrue(enough.contains("xml.cdata=" + "x".repeat(10)), enough::toString);
        // handed on whole: no "Line-based text data" node of its own
        assertFalse(enough.stream().anyMatch(s -> s.startsWith("data-text-lines=")), enough::toString);
    }

    @Test
    void sameFieldsAtEverySplitPoint() {
        byte[] resp = BodyExchange.response("application/soap+xml", ("<s:Envelope xmlns:s=\"urn:s\"><s:Body>"
                + "<m:Id>5</m:Id></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
        List<String> whole = EXCHANGE.fields(resp);
        assertTrue(whole.contains("xml.cdata=5"), whole::toString);
        List<List<String>> splits = EXCHANGE.fieldsAtEverySplit(resp);
        for (int k = 0; k < splits.size(); k++) {
            assertEquals(whole, splits.get(k), "split at " + (k + 1));
        }
    }

    private static List<String> fields(String type, String body) {
        return EXCHANGE.fields(BodyExchange.response(type, body.getBytes(StandardCharsets.UTF_8)));
    }
}
