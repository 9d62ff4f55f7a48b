package dev.dorsal.dissectors.http.testkit;

import dev.dorsal.engine.dissect.DissectionOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One HTTP GET and a response carrying a body of a given media type, over one TCP connection through
 * the real stack, for the body dissectors' tests: the fields they give ({@link FieldDump}), whole or
 * with the response cut into two segments at every point.
 */
public final class BodyExchange {
    private static final byte[] REQUEST = "GET /b HTTP/1.1\r\nHost: body.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final List<String> protocols;

    /** @param protocols the protocols whose fields are dumped */
    public BodyExchange(List<String> protocols) {
        this.protocols = List.copyOf(protocols);
    }

    /** An HTTP/1.1 200 response with {@code body} as Content-Type {@code type}. */
    public static byte[] response(String type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The fields of the exchange with {@code response} sent in one segment. */
    public List<String> fields(byte[] response) {
        return dump(new TcpFrames(50000, 80).client(REQUEST).server(response));
    }

    /** The fields of the exchange with {@code response} cut into two segments at every point, in order. */
    public List<List<String>> fieldsAtEverySplit(byte[] response) {
        List<List<String>> runs = new ArrayList<>();
        for (int k = 1; k < response.length; k++) {
            runs.add(dump(new TcpFrames(50000, 80).client(REQUEST).server(Arrays.copyOfRange(response, 0, k))
                    .server(Arrays.copyOfRange(response, k, response.length))));
        }
        return runs;
    }

    private List<String> dump(TcpFrames frames) {
        return FieldDump.of(RealStack.run(frames.frames(), DissectionOptions.FULL), protocols);
    }
}
