package dev.dorsal.engine.capture;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the test captures and reads whole files into lists, keeping the error that ended them. */
final class TestCaptures {

    /** The project corpus, for tests that cover every capture in it; override with -Ddorsal.corpus. */
    static final Path CORPUS = Path.of(System.getProperty("dorsal.corpus", "/work/shared/corpus"));

    private TestCaptures() {}

    /** Every frame read before the end, and the exception that ended the file early, if any. */
    record Result(List<RawFrame> frames, CaptureFileException error) {}

    /** Path of a file in {@code src/test/resources/captures/formats}. */
    static Path resource(String name) {
        try {
            var url = TestCaptures.class.getResource("/captures/formats/" + name);
            if (url == null) {
                throw new IllegalArgumentException("no test capture " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skips the calling test unless the shared corpus is on this machine. */
    static Path corpus() {
        assumeTrue(Files.isDirectory(CORPUS.resolve("oracle")), "corpus not found at " + CORPUS);
        return CORPUS;
    }

    /** Reads every frame of a file that must read cleanly. */
    static List<RawFrame> frames(Path path) {
        Result r = readAll(path);
        if (r.error() != null) {
            throw new AssertionError("unexpected error reading " + path, r.error());
        }
        return r.frames();
    }

    /** Reads a file until its end or its first error. */
    static Result readAll(Path path) {
        try (CaptureReader reader = Captures.open(path)) {
            return drain(reader);
        } catch (CaptureFileException e) {
            return new Result(List.of(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads bytes through the streaming path (as from stdin). */
    static Result readStream(byte[] bytes, String name) {
        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(bytes), name)) {
            return drain(reader);
        } catch (CaptureFileException e) {
            return new Result(List.of(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result drain(CaptureReader reader) {
        List<RawFrame> out = new ArrayList<>();
        try {
            for (RawFrame f; (f = reader.next()) != null;) {
                out.add(f);
            }
            return new Result(out, null);
        } catch (CaptureFileException e) {
            return new Result(out, e);
        }
    }

    /** Writes {@code bytes} to a new file named {@code name} in {@code dir}. */
    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
