package org.concord.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a benchmark run is done.
 *
 * @param quick the seconds-long smoke version of every scenario (what CI runs)
 * @param contacts how many contacts the initial sync moves (100,000 by default; 1,000,000 with {@code --million})
 * @param postgresUrl the PostgreSQL server where scenarios create (and drop) their own database
 * @param workDir where scenarios put their folders and stores
 * @param install whether a missing Debian package (vdirsyncer, radicale, xandikos) may be installed with apt-get
 * @param profile whether each scenario JVM records a JFR profile into the work folder
 * @param keep whether the scenarios' folders are kept for a look afterwards
 * @param inProcess run every scenario in this JVM instead of one fresh JVM each (tests)
 */
public record BenchOptions(boolean quick, int contacts, String postgresUrl, Path workDir, boolean install,
        boolean profile, boolean keep, boolean inProcess) {

    public static final int DEFAULT_CONTACTS = 100_000;
    public static final int QUICK_CONTACTS = 500;
    public static final String DEFAULT_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    /** The options a JVM running one scenario is given. */
    List<String> toArgs() {
        List<String> a = new ArrayList<>();
        if (quick) {
            a.add("--quick");
        }
        a.add("--contacts=" + contacts);
        a.add("--postgres=" + postgresUrl);
        a.add("--work=" + workDir);
        if (!install) {
            a.add("--no-install");
        }
        if (keep) {
            a.add("--keep");
        }
        return a;
    }

    static BenchOptions fromArgs(List<String> args) {
        boolean quick = false;
        boolean install = true;
        boolean keep = false;
        int contacts = DEFAULT_CONTACTS;
        String pg = DEFAULT_POSTGRES;
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.equals("--no-install")) {
                install = false;
            } else if (a.equals("--keep")) {
                keep = true;
            } else if (a.startsWith("--contacts=")) {
                contacts = Integer.parseInt(value(a));
            } else if (a.startsWith("--postgres=")) {
                pg = value(a);
            } else if (a.startsWith("--work=")) {
                work = Path.of(value(a));
            } else {
                throw new IllegalArgumentException("bench: unknown option " + a);
            }
        }
        return new BenchOptions(quick, contacts, pg, work, install, false, keep, true);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    /** A count for the full run, or its smoke-sized stand-in under {@code --quick}. */
    public int size(int full, int quickSize) {
        return quick ? quickSize : full;
    }

    public Optional<String> postgres() {
        return postgresUrl.isBlank() ? Optional.empty() : Optional.of(postgresUrl);
    }
}
