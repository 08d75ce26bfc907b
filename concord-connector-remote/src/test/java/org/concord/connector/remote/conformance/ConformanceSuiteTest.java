package org.concord.connector.remote.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.concord.connector.remote.testing.DistortingProxy;
import org.concord.connector.remote.testing.MemoryApplication;
import org.concord.connector.remote.testing.MemoryApplication.Flaw;
import org.concord.remote.kit.KitServer;
import org.junit.jupiter.api.Test;

class ConformanceSuiteTest {

    private static KitServer serve(MemoryApplication app, Optional<String> token) throws Exception {
        KitServer.Builder b = KitServer.builder(app).listen(new InetSocketAddress("127.0.0.1", 0)).pollInterval(Duration.ofMillis(100));
        token.ifPresent(b::bearerToken);
        return b.start();
    }

    private static List<CheckResult> check(MemoryApplication app) throws Exception {
        try (KitServer server = serve(app, Optional.empty())) {
            return ConformanceSuite.check(server.baseUri(), Optional.empty(), null);
        }
    }

    private static CheckResult result(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCorrectKitApplicationPassesEveryCheckAndPrintsOneLinePerCheck() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed;
        try (KitServer server = serve(MemoryApplication.contacts(), Optional.of("t0ken"))) {
            passed = ConformanceSuite.run(server.baseUri(), Optional.of("t0ken"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("FAIL");
        assertThat(passed).as(out).isTrue();
        assertThat(out).contains("PASS  requests without the token are refused with 401")
                .contains("SKIP  search finds a record: search is not among the capabilities")
                .contains("18 checks passed, 0 failed, 2 skipped")
                .contains("deleted the 4 test objects");
    }

    @Test
    void anEndpointThatIgnoresSinceFailsAtTheFirstPageThatGoesBack() throws Exception {
        List<CheckResult> results = check(MemoryApplication.contacts(Flaw.IGNORES_SINCE));
        CheckResult first = results.stream().filter(CheckResult::failed).findFirst().orElseThrow();
        assertThat(first.name()).isEqualTo("paging honours limit, next and more");
        assertThat(first.reason()).matches("GET changes \\(since \\d+, limit 2\\) returned modid \\d+, which is not after since: the endpoint ignores since");
    }

    @Test
    void anEndpointThatRepeatsModidsFailsTheOrderCheckNamingBothModids() throws Exception {
        CheckResult order = result(check(MemoryApplication.contacts(Flaw.REPEATS_MODIDS)), "modids increase along the feed");
        assertThat(order.failed()).isTrue();
        assertThat(order.reason()).containsPattern("modid (\\d+) \\(object \\d+\\) follows (since=|modid )\\1 but is not greater");
    }

    @Test
    void anEndpointThatDuplicatesARepeatedCreateFailsNamingBothIds() throws Exception {
        CheckResult repeat = result(check(MemoryApplication.contacts(Flaw.DUPLICATES_REPEATED_CREATE)),
                "a create repeated with the same client reference does not duplicate");
        assertThat(repeat.failed()).isTrue();
        assertThat(repeat.reason()).containsPattern("answered id 2, the first one 1: a repeated create made a second object");
    }

    @Test
    void anEndpointThatIgnoresTheExpectedVersionFailsThePreconditionCheck() throws Exception {
        CheckResult pre = result(check(MemoryApplication.contacts(Flaw.IGNORES_EXPECTED_VERSION)),
                "an update with a stale expected version fails its precondition");
        assertThat(pre.failed()).isTrue();
        assertThat(pre.reason()).contains("expecting the stale version").contains("answered 'ok'").contains("expected precondition-failed");
    }

    @Test
    void anEndpointThatUpdatesInsteadOfCopyingFailsTheConflictCheck() throws Exception {
        CheckResult copy = result(check(MemoryApplication.contacts(Flaw.COPY_UPDATES_ORIGINAL)),
                "isConflict makes a copy and leaves the original alone");
        assertThat(copy.failed()).isTrue();
        assertThat(copy.reason()).contains("answered the same id: it must make a copy, not update the original");
    }

    @Test
    void anEndpointThatForgetsDeletesFailsTheDeleteCheck() throws Exception {
        CheckResult delete = result(check(MemoryApplication.contacts(Flaw.FORGETS_DELETES)), "a delete is applied and appears in the feed");
        assertThat(delete.failed()).isTrue();
        assertThat(delete.reason()).isEqualTo("the delete of object 4 does not appear in the feed");
    }

    @Test
    void anEndpointThatNeverWaitsFailsBothLongPollChecks() throws Exception {
        try (KitServer server = serve(MemoryApplication.contacts(), Optional.empty());
                DistortingProxy proxy = new DistortingProxy(server.baseUri(), DistortingProxy.Distortion.STRIPS_WAIT)) {
            List<CheckResult> results = ConformanceSuite.check(proxy.uri(KitServer.DEFAULT_BASE_PATH + "/"), Optional.empty(), null);
            assertThat(result(results, "a long poll returns as soon as something changes").reason())
                    .contains("GET changes?wait=10 returned empty after").contains("it must hold the request");
            assertThat(result(results, "a long poll with nothing new returns empty after its wait").reason())
                    .contains("it must wait about 1 s for a change");
            assertThat(results.stream().filter(CheckResult::failed).count()).isEqualTo(2);
        }
    }

    @Test
    void anEndpointThatAnswersMalformedRequestsWith200FailsNamingTheRequest() throws Exception {
        try (KitServer server = serve(MemoryApplication.contacts(), Optional.empty());
                DistortingProxy proxy = new DistortingProxy(server.baseUri(), DistortingProxy.Distortion.HIDES_CLIENT_ERRORS)) {
            List<CheckResult> results = ConformanceSuite.check(proxy.uri(KitServer.DEFAULT_BASE_PATH + "/"), Optional.empty(), null);
            CheckResult malformed = result(results, "malformed requests get a 4xx problem document");
            assertThat(malformed.failed()).isTrue();
            assertThat(malformed.reason()).isEqualTo("POST changes with a body that is not JSON answered HTTP 200, expected a 4xx status");
        }
    }

    @Test
    void anUnreachableEndpointFailsThePingAndSkipsTheRest() {
        List<CheckResult> results = ConformanceSuite.check(java.net.URI.create("http://127.0.0.1:9/concord/v1/"), Optional.empty(), null);
        assertThat(results.getFirst().failed()).isTrue();
        assertThat(results.getFirst().reason()).startsWith("GET /concord/v1/ping failed: ConnectException");
        assertThat(results.stream().skip(1).filter(r -> !r.failed())).allMatch(r -> r.outcome() == CheckResult.Outcome.SKIP);
    }
}
