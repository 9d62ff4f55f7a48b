package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.dissectors.tls.TlsKeyLog;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key log loaded into a dissection (the shell's {@code keylog FILE}) decrypts what follows. */
class KeyLogsTest {
    @Test
    void loadedKeyLogDecryptsTheCapture() throws Exception {
        Path captures = Path.of(KeyLogsTest.class.getResource("/corpus/captures").toURI());
        Dissection d = new Dissection(SharedRegistry.get());
        TlsKeyLog log = KeyLogs.load(d, captures.resolve("tls13.keys"));
        assertEquals("20 secrets for 4 sessions", log.summary());
        List<String> info = new ArrayList<>();
        try (CaptureReader r = Captures.open(captures.resolve("tls13.pcap"))) {
            for (RawFrame f = r.next(); f != null; f = r.next()) {
                info.add(d.dissect(f, DissectionOptions.SUMMARY).columns().info());
            }
        }
        assertEquals("GET /index.html HTTP/1.1 ", info.get(8));
        assertEquals("HTTP/1.1 200 OK  (text/html)", info.get(11));
    }
}
