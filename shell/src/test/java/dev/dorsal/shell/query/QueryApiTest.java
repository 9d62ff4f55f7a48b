package dev.dorsal.shell.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.script.ScriptException;
import dev.dorsal.engine.script.ScriptOptions;
import dev.dorsal.shell.cli.SharedRegistry;
import dev.dorsal.shell.session.Cancel;
import dev.dorsal.shell.session.Cancelled;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Progress;
import dev.dorsal.shell.session.Session;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JavaScript query API on a known capture (values checked against tshark's output for it). */
class QueryApiTest {
    private Session session;
    private QueryHost host;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void open() throws Exception {
        session = new Session(SharedRegistry.get());
        session.setScriptOptions(new ScriptOptions(Duration.ofMillis(300), Duration.ofMillis(600), 3, Set.of(), out));
        LoadedCapture c = session.open(QueryScriptsTest.find("http_get.pcap"));
        c.index(Progress.NONE, Cancel.NEVER);
        host = new QueryHost(session, out, List.of("7", "x"));
        host.bind(List.of(c));
    }

    @AfterEach
    void close() {
        host.close();
        session.close();
    }

    private String eval(String js) {
        return host.eval(js, Cancel.NEVER, Progress.NONE);
    }

    @Test
    void packetsAreLazyFilteredAndTyped() {
        // tshark -r http_get.pcap -Y http.request | wc -l: 14; frame 4 is GET / from port 53782.
        assertEquals("14", eval("capture.packets('http.request').count()"));
        assertEquals("4", eval("capture.packets('http.request').first().number"));
        assertEquals("53782", eval("capture.packets('http.request').first().get('tcp.srcport')"));
        assertEquals("number", eval("typeof capture.packets('tcp').first().get('tcp.srcport')"));
        assertEquals("GET", eval("capture.packets('http.request').first().get('http.request.method')"));
        assertEquals("true", eval("capture.packets('frame.number == 4').first().has('http')"));
        assertEquals("false", eval("capture.packets('frame.number == 1').first().has('http')"));
        assertEquals("127.0.0.1", eval("capture.packets().first().text('ip.src')"));
        assertEquals("135", eval("capture.frames"));
        assertEquals("124123", eval("let n = 0; for (const p of capture.packets()) n += p.len; n"));
    }

    @Test
    void fieldsNotInTheFilterAreStillRight() {
        // The cursor dissects with the filter's fields; asking for another dissects that packet in full.
        assertEquals("[\"/\",\"/hello.txt\",\"/nope.html\"]",
                eval("JSON.stringify(capture.packets('http.request').map(p => p.get('http.request.uri')).slice(0, 3))"));
        assertTrue(eval("capture.packets('frame.number == 4').first().tree.map(n => n.name).join(' ')")
                .startsWith("frame eth ip tcp http"));
        assertTrue(eval("capture.packets('frame.number == 4').first().summary").contains("GET / HTTP/1.1"));
    }

    @Test
    void streamsAndConversations() {
        assertTrue(eval("capture.streams('http.request')[0].data('client')").startsWith("GET / HTTP/1.1\r\n"));
        assertTrue(eval("capture.streams()[0].data('server')").startsWith("HTTP/1.1 200 OK\r\n"));
        assertEquals("11", eval("capture.streams().length"));
        // tshark -z conv,tcp: 11 conversations; the first has 20 frames, 3178 bytes.
        assertEquals("11", eval("capture.conversations('tcp').length"));
        assertEquals("20 3178", eval("const c = capture.conversations('tcp')[0]; c.frames + ' ' + c.bytes"));
    }

    @Test
    void outputHelpersArgsAndExit() {
        host.runScript("table([{a: 1, b: 'x'}, {a: 22, b: 'y'}]); csv([[1, 'a,b']], ['n', 's']); jsonl({k: args});",
                "t.js", Cancel.NEVER, Progress.NONE);
        assertEquals("a   b\n1   x\n22  y\nn,s\n1,\"a,b\"\n{\"k\":[\"7\",\"x\"]}\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(3, host.runScript("exit(3); print('not reached')", "t.js", Cancel.NEVER, Progress.NONE));
    }

    @Test
    void eventsRunAfterTheTopLevel() {
        host.runScript("let n = 0; on('http.request', r => n++); on('end', () => print('requests ' + n));",
                "t.js", Cancel.NEVER, Progress.NONE);
        assertEquals("requests 14\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mistakesNameTheScriptLine() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> host.runScript("\n capture.packets().first().get('no.such.field')", "q.js", Cancel.NEVER, Progress.NONE));
        assertTrue(e.getMessage().startsWith("q.js:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("no field named \"no.such.field\""), e.getMessage());
        e = assertThrows(ScriptException.class, () -> eval("capture.packets('tcp.port ==').count()"));
        assertTrue(e.getMessage().contains("filter"), e.getMessage());
    }

    @Test
    void theSandboxOfDissectorsApplies() {
        ScriptException e = assertThrows(ScriptException.class, () -> eval("Java.type('java.lang.System').exit(1)"));
        assertTrue(e.getMessage().contains("host class"), e.getMessage());
        assertThrows(ScriptException.class, () -> eval("load('/etc/passwd')"));
    }

    @Test
    void aLoopThatNeverAsksForPacketsIsStopped() {
        ScriptException e = assertThrows(ScriptException.class, () -> eval("while (true) {}"));
        assertTrue(e.getMessage().contains("time limit"), e.getMessage());
        // Reading packets does not count against the limit: this walks every frame several times.
        assertEquals("1350", eval("let k = 0; for (let i = 0; i < 10; i++) k += capture.packets().count(); k"));
    }

    @Test
    void cancelStopsARunningQuery() {
        session.setScriptOptions(ScriptOptions.defaults());
        try (QueryHost unlimited = new QueryHost(session, out, List.of())) {
            Cancel cancel = new Cancel();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    return;
                }
                cancel.request();
            });
            assertThrows(Cancelled.class, () -> unlimited.eval("for (;;) { Math.random(); }", cancel, Progress.NONE));
        }
    }
}
