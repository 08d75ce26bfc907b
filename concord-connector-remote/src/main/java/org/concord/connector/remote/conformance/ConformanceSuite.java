package org.concord.connector.remote.conformance;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the remote connector protocol's checklist against an endpoint: the command
 * {@code concord connector-test URL [--token T]}.
 *
 * <p>It writes test objects (as user {@value #USER}) and deletes them at the end, so run it
 * against a test instance, with nothing else writing to it while it runs.
 */
public final class ConformanceSuite {
    /** The user the test objects belong to. */
    public static final String USER = "concord-conformance";

    private ConformanceSuite() {}

    private interface Check {
        String run(Run run) throws CheckFailed, CheckSkipped;
    }

    private record Step(String name, Check check) {}

    /** Runs every check, prints one line per check and a summary, and says whether none failed. */
    public static boolean run(URI endpoint, Optional<String> token, PrintStream out) {
        out.println("Checking " + endpoint + (token.isPresent() ? " (with a bearer token)" : ""));
        List<CheckResult> results = check(endpoint, token, out);
        long passed = results.stream().filter(CheckResult::passed).count();
        long failed = results.stream().filter(CheckResult::failed).count();
        out.println(passed + " checks passed, " + failed + " failed, " + (results.size() - passed - failed) + " skipped");
        return failed == 0;
    }

    /** Runs every check and returns the results, printing each as it ends (pass {@code null} to print nothing). */
    public static List<CheckResult> check(URI endpoint, Optional<String> token, PrintStream out) {
        String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        List<Step> steps = List.of(
                new Step("ping describes the application", BasicChecks::ping),
                new Step("requests without the token are refused with 401", r -> BasicChecks.authentication(r, token)),
                new Step("malformed requests get a 4xx problem document", BasicChecks::malformed),
                new Step("the feed can be read to its end", BasicChecks::head),
                new Step(WriteChecks.CREATE, WriteChecks::create),
                new Step("a create repeated with the same client reference does not duplicate", WriteChecks::repeatedCreate),
                new Step("a batch of creates makes one object each", WriteChecks::moreCreates),
                new Step("created objects appear in the feed with their data", FeedChecks::feedShowsCreates),
                new Step("modids increase along the feed", FeedChecks::modidsIncrease),
                new Step("paging honours limit, next and more", FeedChecks::paging),
                new Step("a long poll returns as soon as something changes", FeedChecks::longPoll),
                new Step("a long poll with nothing new returns empty after its wait", FeedChecks::longPollEmpty),
                new Step("an update with the expected version is applied", WriteChecks::update),
                new Step("an update with a stale expected version fails its precondition", WriteChecks::precondition),
                new Step("isConflict makes a copy and leaves the original alone", WriteChecks::conflictCopy),
                new Step("a delete is applied and appears in the feed", WriteChecks::delete),
                new Step("an update of a deleted object answers not-found", WriteChecks::notFound),
                new Step("a complete read lists current objects without waiting", FeedChecks::complete),
                new Step("search finds a record", OptionalChecks::search),
                new Step("archive files a message once", OptionalChecks::archive));
        List<CheckResult> results = new ArrayList<>();
        try (Probe probe = new Probe(endpoint, token)) {
            Run run = new Run(probe, USER, runId);
            for (Step step : steps) {
                CheckResult result;
                try {
                    result = new CheckResult(step.name(), CheckResult.Outcome.PASS, step.check().run(run));
                } catch (CheckFailed e) {
                    result = new CheckResult(step.name(), CheckResult.Outcome.FAIL, e.getMessage());
                } catch (CheckSkipped e) {
                    result = new CheckResult(step.name(), CheckResult.Outcome.SKIP, e.getMessage());
                } catch (RuntimeException e) {
                    result = new CheckResult(step.name(), CheckResult.Outcome.FAIL,
                            "the check itself failed on the answer: " + e);
                }
                results.add(result);
                if (out != null) {
                    out.printf("  %-4s  %s: %s%n", result.outcome(), result.name(), result.reason());
                }
            }
            String cleanUp = WriteChecks.cleanUp(run);
            if (out != null) {
                out.println("  (" + cleanUp + ")");
            }
        }
        return results;
    }
}
