package dev.dorsal.dissectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.dissectors.http.testkit.FieldDump;
import dev.dorsal.dissectors.http.testkit.RealStack;
import dev.dorsal.dissectors.http.testkit.TcpFrames;
import dev.dorsal.engine.dissect.DissectionOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An HTTP exchange cut into two TCP segments at every possible point of the request, then of the
 * response, goes through TCP's reassembly (the desegmentation contract) and must give the same HTTP
 * and body fields as when each message is sent whole: once with a Content-Length body, once with a
 * chunked one.
 */
class HttpSplitTest {
    private static final List<String> PROTOCOLS = List.of("http", "data-text-lines", "urlencoded-form", "json",
            "media", "data");

    private static final byte[] REQUEST = ("POST /form?x=1 HTTP/1.1\r\nHost: split.test\r\nUser-Agent: t\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 21\r\n\r\nname=a+b&value=%41%42")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] LENGTH_RESPONSE = ("HTTP/1.1 200 OK\r\nServer: t\r\nContent-Type: text/html\r\n"
            + "Content-Length: 26\r\n\r\n<html>\r\n<p>hi</p>\r\n</html>").getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CHUNKED_RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n7\r\n{\"a\": 1\r\nd;x=y\r\n, \"b\": [true]\r\n1\r\n}\r\n0\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void contentLengthBodiesAtEverySplitPoint() {
        check(REQUEST, LENGTH_RESPONSE, "data-text-lines");
    }

    @Test
    void chunkedBodyAtEverySplitPoint() {
        check(REQUEST, CHUNKED_RESPONSE, "json");
    }

    private static void check(byte[] request, byte[] response, String bodyProtocol) {
        List<String> whole = fields(new TcpFrames(50000, 80).client(request).server(response));
        assertTrue(whole.contains("http.request.method=POST"), whole::toString);
        assertTrue(whole.stream().anyMatch(f -> f.startsWith("urlencoded-form.value=")), whole::toString);
        assertTrue(whole.stream().anyMatch(f -> f.startsWith(bodyProtocol + "=")), whole::toString);
        for (int k = 1; k < request.length; k++) {
            TcpFrames f = new TcpFrames(50000, 80).client(slice(request, 0, k)).client(slice(request, k, request.length))
                    .server(response);
            assertEquals(whole, fields(f), "request split at " + k);
        }
        for (int k = 1; k < response.length; k++) {
            TcpFrames f = new TcpFrames(50000, 80).client(request).server(slice(response, 0, k))
                    .server(slice(response, k, response.length));
            assertEquals(whole, fields(f), "response split at " + k);
        }
    }

    private static List<String> fields(TcpFrames frames) {
        return FieldDump.of(RealStack.run(frames.frames(), DissectionOptions.FULL), PROTOCOLS);
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }
}
