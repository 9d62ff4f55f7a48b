package dev.dorsal.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.shell.Main;
import dev.dorsal.shell.cli.SharedRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands piped into the shell (no terminal: no prompt, no paging), as scripts and CI use it; the
 * output must be tshark's where the command mirrors a tshark option.
 */
class ReplPipedTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    static final Path HTTP = CORPUS.resolve("captures/http_get.pcap");

    record Run(int code, String out, String err) {}

    static Run shell(String commands, String... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = Repl.run(List.of(files), new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8)), o, e,
                    SharedRegistry.get());
        }
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run batch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = Main.run(args, o, e);
        }
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listAllIsTsharksSummary() throws Exception {
        Run r = shell("list all\n", HTTP.toString());
        assertEquals(0, r.code(), r.err());
        String expected = Files.readString(CORPUS.resolve("oracle/captures/http_get.pcap.summary.txt"));
        assertEquals("[1] http_get.pcap: 135 frames\n" + expected, r.out());
    }

    @Test
    void filterThenListShowsTheFramesTsharkDisplays() {
        Run r = shell("open " + HTTP + "\nfilter http.request.method == \"POST\"\nlist\n");
        Run tshark = batch("-r", HTTP.toString(), "-Y", "http.request.method == \"POST\"");
        String[] lines = r.out().split("\n", 3);
        assertTrue(lines[1].startsWith("3 of 135 frames ("), lines[1]);
        assertEquals(tshark.out(), lines[2]);
    }

    @Test
    void showAndHexAreTsharksVerboseAndHexDump() {
        // With the same frames displayed as -Y shows, even the displayed-time delta agrees.
        Run r = shell("filter frame.number == 4\nshow 4\nhex 4\nshow 4 http\n", HTTP.toString());
        Run verbose = batch("-r", HTTP.toString(), "-Y", "frame.number == 4", "-V");
        Run hex = batch("-r", HTTP.toString(), "-Y", "frame.number == 4", "-x");
        Run only = batch("-r", HTTP.toString(), "-Y", "frame.number == 4", "-O", "http");
        String out = r.out().substring(r.out().indexOf("dissected)\n") + 11);
        assertEquals(verbose.out().stripTrailing() + "\n" + hex.out() + only.out().stripTrailing() + "\n", out);
    }

    @Test
    void followAndStatisticsAreTsharksTaps() {
        Run r = shell("follow tcp 1 ascii\nconv tcp\nphs\n", HTTP.toString());
        Run tshark = batch("-r", HTTP.toString(), "-q", "-z", "follow,tcp,ascii,1");
        Run conv = batch("-r", HTTP.toString(), "-q", "-z", "conv,tcp");
        Run phs = batch("-r", HTTP.toString(), "-q", "-z", "io,phs");
        assertTrue(r.out().contains(tshark.out()), r.out());
        assertTrue(r.out().contains(conv.out()));
        assertTrue(r.out().contains(phs.out()));
        Run byFilter = shell("follow tcp http.request.uri == \"/hello.txt\" ascii\n", HTTP.toString());
        assertTrue(byFilter.out().contains("Filter: tcp.stream eq 0"), byFilter.out());
    }

    @Test
    void mistakesAreMessagesAndTheExitStatusSaysSo() {
        Run r = shell("filter tcp.port == 70000\nshow 999\nnosuch\nlist 1-2\n", HTTP.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("\"70000\" too big for this field"), r.err());
        assertTrue(r.err().contains("no frame 999"), r.err());
        assertTrue(r.err().contains("unknown command: nosuch"), r.err());
        assertTrue(r.out().contains("    2   0.000021"), r.out());
        assertEquals(0, shell("list 1\n", HTTP.toString()).code());
    }

    @Test
    void javaScriptLinesAndMultiLineMode() {
        Run r = shell("js capture.packets('http.request').count()\n:js\nconst uris = [];\nfor (const p of capture.packets('http.request')) {\n"
                + "  uris.push(p.get('http.request.uri'));\n}\nuris.length\n:q\ncaptures\n", HTTP.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n14\n"), r.out());
        assertTrue(r.out().endsWith("* [1] http_get.pcap  135 frames\n"), r.out());
    }

    @Test
    void saveWritesTheViewAndItReadsBack(@TempDir Path dir) {
        Path saved = dir.resolve("posts.pcap");
        Path savedNg = dir.resolve("posts.pcapng");
        Run r = shell("filter http.request.method == \"POST\"\nsave " + saved + "\nsave " + savedNg + "\nexport csv "
                + dir.resolve("p.csv") + " frame.number http.request.uri\n", HTTP.toString());
        assertEquals(0, r.code(), r.err());
        // The same frames, bytes and times (the saved files lack the segments before each POST).
        Run filtered = batch("-r", HTTP.toString(), "-Y", "http.request.method == \"POST\"", "-T", "fields",
                "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len", "-e", "eth.src", "-e", "tcp.srcport");
        for (Path p : List.of(saved, savedNg)) {
            Run back = batch("-r", p.toString(), "-T", "fields", "-e", "frame.time_epoch", "-e", "frame.len", "-e",
                    "frame.cap_len", "-e", "eth.src", "-e", "tcp.srcport");
            assertEquals(filtered.out(), back.out(), p.toString());
        }
    }

    @Test
    void decodeAsAndPreferencesChangeDissection() {
        Run r = shell("filter http\ndecode-as tcp.port==80,data\ndecode-as clear\nset tls.desegment_ssl_records FALSE\nprefs desegment_ssl_records\n",
                HTTP.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("filter applied again: 0 of 135 frames"), r.out());
        assertTrue(r.out().contains("tls.desegment_ssl_records: FALSE"), r.out());
    }

    @Test
    void javaScriptDissectorsLoadAndTheirFieldsAreKnown() {
        Path tutorial = Path.of("..", "scripts", "dissectors", "tutorial.js");
        Run r = shell("fields tutorial.\nload " + tutorial + "\nfields tutorial.\nplugins\nfilter tutorial.stratum > 0\nreload\n",
                HTTP.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("[1] http_get.pcap: 135 frames\nno field matches tutorial.\n"), r.out());
        assertTrue(r.out().contains("tutorial.stratum"), r.out());
        assertTrue(r.out().contains("tutorial.js"), r.out());
        assertTrue(r.out().contains("0 of 135 frames"), r.out());
        assertTrue(r.out().contains("no script changed"), r.out());
    }

    @Test
    void fieldsAndHelp() {
        Run r = shell("fields tcp.srcpor\nhelp filter\n");
        assertTrue(r.out().startsWith("tcp.srcport"), r.out());
        assertTrue(r.out().contains("filter [EXPR]\n\nApplies a Wireshark display filter"), r.out());
    }
}
