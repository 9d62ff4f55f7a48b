package dev.dorsal.shell.repl.commands;

import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code keylog FILE}: the TLS key log, as {@code -o tls.keylog_file:FILE}. */
public final class KeylogCommand implements Command {
    static final String PREFERENCE = "tls.keylog_file";

    @Override public String name() { return "keylog"; }
    @Override public String usage() { return "keylog FILE"; }
    @Override public String summary() { return "use an SSLKEYLOGFILE key log for TLS (sets tls.keylog_file)"; }
    @Override public ArgKind argKind() { return ArgKind.FILES; }

    @Override
    public String help() {
        return """
                Sets the tls.keylog_file preference (tshark -o tls.keylog_file:FILE) to a key log written by a
                browser or curl with SSLKEYLOGFILE; TLS sessions whose secrets are in it are decrypted. Key logs
                embedded in a pcapng file (Decryption Secrets Blocks) need no command.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        Path p = Path.of(args.get(0));
        if (!Files.isRegularFile(p)) {
            throw new CommandException("keylog: no file " + p);
        }
        if (!shell.session().setPreference(PREFERENCE, p.toAbsolutePath().toString())) {
            throw new CommandException("keylog: this build has no " + PREFERENCE + " preference");
        }
        DecodeAsCommand.changed(shell, PREFERENCE + " = " + p.toAbsolutePath());
    }
}
