package com.customerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A corpus of bad requests against every {@code /api} endpoint and key {@code /engine-rest} endpoints: each gets a
 * 4xx with an error body (problem details on {@code /api}, except where the web server itself refuses a null byte in
 * the path), never a 5xx or a stack trace, and the database is unchanged afterwards.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final List<String> TABLES = List.of("lead", "lead_contact_attempt", "opportunity", "customer",
            "contract", "expansion", "one_to_many_session", "webinar", "webinar_registration", "support_case", "renewal",
            "process_migration", "ACT_RU_BATCH");
    private static final String HUGE = "x".repeat(2_000_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;

    private String customerId;
    private String leadId;

    record Bad(String description, String method, String path, String user, String body) {
        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeAll
    void customer() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Target Ltd", "tech-touch", "amy");
        customerId = customer.customerId();
        leadId = customer.leadId();
    }

    Stream<Arguments> corpus() {
        List<Bad> bad = new ArrayList<>();
        String trials = "/api/trials";
        String valid = "\"contactName\": \"Jo\", \"email\": \"jo@example.com\"";
        for (String body : List.of("{", "[]", "\"text\"", "42", "null", "", "{\"company\": {}, " + valid + "}",
                "{\"company\": [\"a\"], " + valid + "}", "{\"company\": \"Acme\", \"contactName\": \"Jo\", \"email\": [\"a@b.c\"]}",
                "{\"company\": \"Acme\", " + valid + ", \"trialDays\": \"ten\"}",
                "{\"company\": \"Acme\", " + valid + ", \"trialDays\": -5}",
                "{\"company\": \"Acme\", " + valid + ", \"trialDays\": 2147483648}",
                "{\"company\": \"Acme\", " + valid + ", \"employees\": 1e40}",
                "{\"company\": \"Acme\", " + valid + ", \"employees\": 12.5}",
                "{\"company\": \"" + "x".repeat(10_000) + "\", " + valid + "}",
                "{\"company\": \"" + HUGE + "\", " + valid + "}",
                "{\"company\": \"Acme\", " + valid + ", \"admin\": true}",
                "{\"company\": \"Acme\u0000Ltd\", " + valid + "}",
                "{\"company\": \"\\u0007\\u0008\", " + valid + "}",
                "{\"company\": \"Acme\", \"contactName\": \"Jo\", \"email\": \"jo@example.com'; DROP TABLE lead;--\"}",
                "{\"company\": \"<script>alert(1)</script>\", " + valid + "}",
                "{\"company\": \"${7*7}\", " + valid + "}",
                "{\"company\": \"#{runtimeService}\", " + valid + "}",
                "{\"company\": \"Acme\", \"contactName\": \"${execution.processInstanceId}\", \"email\": \"jo@example.com\"}",
                "{\"company\": \"Acme\", \"contactName\": \"Jo\", \"email\": \"jo@example.com\", \"phone\": \"<img src=x>\"}",
                "{\"company\": \"\u202Eevil\", " + valid + "}")) {
            bad.add(new Bad("trial sign-up: " + abbreviate(body), "POST", trials, "website", body));
        }
        bad.add(new Bad("trial sign-up as SDR", "POST", trials, "sara", "{\"company\": \"Acme\", " + valid + "}"));
        bad.add(new Bad("trial sign-up anonymous", "POST", trials, null, "{\"company\": \"Acme\", " + valid + "}"));
        for (String id : List.of(encode("' OR '1'='1"), UUID.randomUUID().toString(), encode("${7*7}"), encode("\u0000x"))) {
            bad.add(new Bad("lead id " + id, "GET", "/api/leads/" + id, "sara", null));
            bad.add(new Bad("customer id " + id, "GET", "/api/customers/" + id, "amy", null));
            bad.add(new Bad("support case id " + id, "GET", "/api/support-cases/" + id, "sam", null));
        }
        String signals = "/api/customers/CID/expansion-signals";
        for (String body : List.of("{}", "{\"reason\": 5}", "{\"reason\": \"x\", \"seatsRequested\": -1}",
                "{\"reason\": \"x\", \"seatsRequested\": 99999999999}", "{\"reason\": \"${7*7}\"}",
                "{\"reason\": \"" + "y".repeat(1001) + "\"}", "{\"reason\": \"x\", \"price\": 1}")) {
            bad.add(new Bad("expansion signal: " + abbreviate(body), "POST", signals, "website", body));
        }
        String sessions = "/api/customers/CID/one-to-many-sessions";
        for (String body : List.of("{}", "{\"question\": \"\"}", "{\"question\": \"#{1+1}\"}", "{\"question\": [1]}")) {
            bad.add(new Bad("session booking: " + abbreviate(body), "POST", sessions, "website", body));
        }
        String cases = "/api/support-cases";
        for (String body : List.of("{}",
                "{\"customerId\": \"CID\", \"category\": \"'; DELETE FROM support_case;--\", \"channel\": \"chat\", \"subject\": \"s\", \"description\": \"d\"}",
                "{\"customerId\": \"CID\", \"category\": \"bug\", \"channel\": \"chat\", \"subject\": \"<b>s</b>\", \"description\": \"d\"}",
                "{\"customerId\": \"CID\", \"category\": \"bug\", \"channel\": \"chat\", \"subject\": \"s\", \"description\": \"${7*7}\"}",
                "{\"customerId\": \"../../etc/passwd\", \"category\": \"bug\", \"channel\": \"chat\", \"subject\": \"s\", \"description\": \"d\"}",
                "{\"customerId\": \"CID\", \"category\": \"BUG\", \"channel\": \"chat\", \"subject\": \"s\", \"description\": \"d\"}",
                "{\"customerId\": \"CID\", \"category\": \"bug\", \"channel\": \"chat\", \"subject\": \"s\", \"description\": \"d\", \"externalRef\": \"${x}\"}")) {
            bad.add(new Bad("support case: " + abbreviate(body), "POST", cases, "website", body));
        }
        bad.add(new Bad("webinar registration for unknown webinar", "POST", "/api/webinars/" + UUID.randomUUID()
                + "/registrations", "website", "{\"customerId\": \"CID\", \"name\": \"A\", \"email\": \"a@b.c\"}"));
        bad.add(new Bad("webinar registration with script name", "POST", "/api/webinars/x/registrations", "website",
                "{\"customerId\": \"CID\", \"name\": \"<script>\", \"email\": \"a@b.c\"}"));
        bad.add(new Bad("renewal pipeline negative days", "GET", "/api/renewals?dueWithinDays=-1", "rita", null));
        bad.add(new Bad("renewal pipeline overflow days", "GET", "/api/renewals?dueWithinDays=99999999999", "rita", null));
        bad.add(new Bad("renewal pipeline text days", "GET", "/api/renewals?dueWithinDays=" + encode("${x}"), "rita", null));
        for (String body : List.of("{}", "{\"processKey\": \"no-such-process\", \"dryRun\": false}",
                "{\"processKey\": \"'; DROP TABLE process_migration;--\"}", "{\"processKey\": \"customer-journey\", \"sourceVersion\": -1}",
                "{\"processKey\": \"customer-journey\", \"targetVersion\": 99999999999}",
                "{\"processKey\": \"customer-journey\", \"dryRun\": false, \"targetVersion\": 999}",
                "{\"processKey\": \"customer-journey\", \"dryRun\": false, \"mappings\": {\"${x}\": \"CallActivity_QualifyLead\"}}",
                "{\"processKey\": \"customer-journey\", \"dryRun\": false, \"mappings\": {\"CallActivity_QualifyLead\": \"Nowhere\"}}",
                "{\"processKey\": \"customer-journey\", \"dryRun\": false, \"variables\": {\"x\": \"#{1+1}\"}}",
                "{\"processKey\": \"customer-journey\", \"dryRun\": false, \"variables\": {\"x\": [1, 2]}}")) {
            bad.add(new Bad("migration: " + abbreviate(body), "POST", "/api/migrations", "olivia", body));
        }
        bad.add(new Bad("migration as an SDR", "POST", "/api/migrations", "sara", "{\"processKey\": \"customer-journey\", \"dryRun\": false}"));
        bad.add(new Bad("unknown migration", "GET", "/api/migrations/" + encode("' OR '1'='1"), "olivia", null));
        bad.add(new Bad("journey of a malformed customer id", "GET", "/api/customers/" + encode("' OR 1=1 --") + "/journey",
                "amy", null));
        bad.add(new Bad("journey with a huge timeline", "GET", "/api/customers/CID/journey?timelineLimit=99999999999", "amy",
                null));
        bad.add(new Bad("journey of another user's task", "GET", "/api/tasks/" + UUID.randomUUID() + "/journey", "amy", null));
        // /engine-rest
        bad.add(new Bad("task query with assignee expression", "GET", "/engine-rest/task?assigneeExpression=%24%7B1%7D", "sara", null));
        bad.add(new Bad("task query with expression in orQueries", "POST", "/engine-rest/task", "sara",
                "{\"orQueries\": [{\"candidateUserExpression\": \"${currentUser()}\"}]}"));
        bad.add(new Bad("task count with nested expression", "POST", "/engine-rest/task/count", "sara",
                "{\"orQueries\": [{\"dueDateExpression\": \"#{now()}\"}]}"));
        bad.add(new Bad("malformed task query", "POST", "/engine-rest/task", "sara", "{"));
        bad.add(new Bad("start a journey directly as the website", "POST",
                "/engine-rest/process-definition/key/customer-journey/start", "website", "{}"));
        bad.add(new Bad("deploy as an SDR", "POST", "/engine-rest/deployment/create", "sara", "{}"));
        bad.add(new Bad("message with a Java-serialized variable", "POST", "/engine-rest/message", "website",
                "{\"messageName\": \"ExpansionOpportunity\", \"businessKey\": \"LID\", \"processVariables\": {\"x\": "
                        + "{\"value\": \"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAB3CAAAABAAAAAAeA==\", "
                        + "\"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\", "
                        + "\"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}"));
        bad.add(new Bad("message to nobody", "POST", "/engine-rest/message", "website", "{\"messageName\": \"Nothing\"}"));
        bad.add(new Bad("admin setup", "POST", "/camunda/api/admin/setup/default/user/create", null,
                "{\"profile\": {\"id\": \"x\"}, \"credentials\": {\"password\": \"x\"}}"));
        bad.add(new Bad("user creation as an SDR", "POST", "/engine-rest/user/create", "sara",
                "{\"profile\": {\"id\": \"mallory\"}, \"credentials\": {\"password\": \"x\"}}"));
        bad.add(new Bad("authorization grant as an SDR", "POST", "/engine-rest/authorization/create", "sara",
                "{\"type\": 1, \"permissions\": [\"ALL\"], \"groupId\": \"sdr\", \"resourceType\": 0, \"resourceId\": \"*\"}"));
        return bad.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badRequestIsRefusedClearlyAndChangesNothing(Bad bad) {
        Map<String, Long> before = counts();

        Http http = bad.user() == null ? Http.anonymous(port) : Http.as(bad.user(), port);
        String path = bad.path().replace("CID", customerId).replace("LID", leadId);
        String body = bad.body() == null ? null : bad.body().replace("CID", customerId).replace("LID", leadId);
        Http.Response response = "GET".equals(bad.method()) ? http.get(path) : http.postJson(path, body);

        assertThat(response.status()).as("%s -> %s", bad, abbreviate(response.body())).isBetween(400, 499);
        assertThat(response.body()).as("no stack trace").doesNotContain("\tat ").doesNotContain("at org.")
                .doesNotContain("at java.");
        boolean refusedByWebServer = path.contains("%00");
        if (path.startsWith("/api/") && response.status() != 401 && !refusedByWebServer) {
            assertThat(response.header("Content-Type")).as(bad.toString()).startsWith("application/problem+json");
        }
        assertThat(counts()).as("nothing written by %s", bad).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put("process instances", runtimeService.createProcessInstanceQuery().count());
        counts.put("users", (long) jdbc.sql("SELECT COUNT(*) FROM ACT_ID_USER").query(Long.class).single());
        counts.put("authorizations", (long) jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION").query(Long.class).single());
        return counts;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
