package org.concord.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigLoader;
import org.concord.app.demo.DemoWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code concord demo}: a workspace with three folder systems and sample data, then the agent on it. */
@Command(name = "demo", description = "Create a demo workspace (three folders, sample contacts, events, tasks and notes) and run the agent on it.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "demo", paramLabel = "DIR", description = "Where to create it (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--no-run", description = "Only create the workspace.")
    boolean noRun;

    @Override
    public Integer call() throws Exception {
        DemoWorkspace ws = new DemoWorkspace(dir);
        boolean created = ws.createIfMissing();
        Path office = ws.system("office").resolve(DemoWorkspace.USER);
        Path laptop = ws.system("laptop").resolve(DemoWorkspace.USER);
        Path archive = ws.system("archive").resolve(DemoWorkspace.USER);
        System.out.println(created ? "Created the demo workspace in " + ws.dir() : "Using the existing demo workspace in " + ws.dir());
        System.out.println("""

                  three systems, kept in sync by the agent:
                    office   %s   (sample data for user alice)
                    laptop   %s
                    archive  %s
                  config     %s

                Try, in another terminal:
                  ls %s/contacts                     # the contacts arrived
                  sed -i 's/^TITLE:.*/TITLE:Chief Scientist/' %s/contacts/ada-lovelace.vcf
                  grep -r "Chief Scientist" %s       # the edit is there within a second
                  rm %s/tasks/*.ics                  # deletes propagate too
                  ./concord status -c %s

                The web console: http://%s/  (login in %s)

                Stop with Ctrl-C; run './concord demo' again to continue where you stopped.
                """.formatted(office, laptop, archive, ws.config(), laptop, office, archive, laptop, ws.config(),
                org.concord.app.config.ConfigLoader.DEFAULT_LISTEN, ws.login()));
        if (noRun) {
            return ExitCodes.OK;
        }
        Config cfg = new ConfigLoader().load(ws.config());
        return RunCommand.runAgent(cfg, () -> System.out.println("The agent is running."));
    }
}
