package org.concord.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.concord.server.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code concord hash-password}: asks for a console password (twice, without echo) and prints its
 * hash for {@code console.users.NAME} in the config. With {@code --stdin} it reads one line from
 * standard input instead, for scripts.
 */
@Command(name = "hash-password",
        description = "Print the hash of a console password, to paste as console.users.NAME in the config.")
public final class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stdin", description = "Read the password from the first line of standard input (for scripts).")
    boolean stdin;

    @Override
    public Integer call() throws Exception {
        char[] password = read();
        try {
            if (password.length == 0) {
                spec.commandLine().getErr().println("concord: hash-password: the password is empty");
                return ExitCodes.USAGE;
            }
            spec.commandLine().getOut().println(PasswordHash.hash(password));
            return ExitCodes.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] read() throws Exception {
        Console console = System.console();
        if (!stdin) {
            if (console == null) {
                throw new IllegalArgumentException("hash-password: no terminal to ask on; pipe the password in with --stdin");
            }
            char[] first = console.readPassword("Console password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                throw new IllegalArgumentException("hash-password: the two passwords differ");
            }
            Arrays.fill(again, '\0');
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
