package com.customerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may reach what, for each of the seven roles, the integration and the process owner: our API, Camunda's REST
 * API, the webapps. Asserted as a matrix: each cell is the status the user gets (a 400 means "let in, then refused
 * for the empty body").
 */
@DemoApplicationTest
class AuthorizationMatrixTest {

    /** sdr, ae, support, am, deployment-consultant, csm, renewal, integration, process-owner. */
    private static final List<String> USERS = List.of("sara", "alex", "sam", "amy", "dave", "chris", "rita", "website", "olivia");

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;

    @Test
    void everyoneReachesExactlyTheirPartOfTheApi() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Matrix Ltd", "tech-touch", "amy");
        String lead = "/api/leads/" + customer.leadId();
        String customerPath = "/api/customers/" + customer.customerId();

        expect("GET " + lead, Map.of("sara", 200, "alex", 200, "website", 200), 403, user -> get(user, lead));
        expect("GET " + customerPath, Map.of("olivia", 403), 200, user -> get(user, customerPath));
        expect("GET customer support cases", Map.of("olivia", 403), 200, user -> get(user, customerPath + "/support-cases"));
        expect("GET /api/renewals", Map.of("amy", 200, "rita", 200), 403, user -> get(user, "/api/renewals"));
        expect("GET /api/webinars", Map.of("olivia", 403), 200, user -> get(user, "/api/webinars"));
        expect("POST /api/trials", Map.of("website", 400), 403, user -> post(user, "/api/trials"));
        expect("POST /api/support-cases", Map.of("website", 400), 403, user -> post(user, "/api/support-cases"));
        expect("POST expansion signal", Map.of("website", 400), 403, user -> post(user, customerPath + "/expansion-signals"));
        expect("POST one-to-many session", Map.of("website", 400), 403, user -> post(user, customerPath + "/one-to-many-sessions"));
        expect("POST webinar registration", Map.of("website", 400), 403,
                user -> post(user, "/api/webinars/" + UUID.randomUUID() + "/registrations"));
        expect("GET /actuator/metrics", Map.of(), 403, user -> get(user, "/actuator/metrics"));
        expect("GET customer journey", Map.of("website", 403), 200, user -> get(user, customerPath + "/journey"));
        expect("GET lead journey", Map.of("website", 403), 200, user -> get(user, lead + "/journey"));
        expect("GET /api/process-versions", Map.of("olivia", 200), 403, user -> get(user, "/api/process-versions"));
        expect("GET /api/process-versions/{key}", Map.of("olivia", 200), 403,
                user -> get(user, "/api/process-versions/customer-journey"));
        expect("POST /api/migrations", Map.of("olivia", 400), 403, user -> post(user, "/api/migrations"));
        expect("GET /api/migrations/{id}", Map.of("olivia", 404), 403, user -> get(user, "/api/migrations/" + UUID.randomUUID()));
    }

    @Test
    void onlyProcessOwnersDeployAndOnlyCsmsStartWebinars() throws Exception {
        byte[] bpmn = Files.readAllBytes(Path.of("processes/lead-qualification.bpmn"));
        expect("POST deployment", Map.of("olivia", 200), 403,
                user -> Http.as(user, port).deploy("from-modeler", "lead-qualification.bpmn", bpmn).status());
        expect("start webinar", Map.of("chris", 200), 403,
                user -> Http.as(user, port).postJson("/engine-rest/process-definition/key/webinar/start", "{}").status());
        expect("start a journey directly", Map.of(), 403,
                user -> Http.as(user, port).postJson("/engine-rest/process-definition/key/customer-journey/start", "{}").status());
    }

    @Test
    void eachRoleReadsOnlyItsOwnQueue() {
        Map<String, List<String>> queues = Map.of("sara", List.of("SDR queue"), "alex", List.of("AE queue"),
                "sam", List.of("Support queue"), "amy", List.of("AM queue"), "dave", List.of("Deployment consultant queue"),
                "chris", List.of("CSM queue"), "rita", List.of("Renewal queue"), "website", List.of(), "olivia", List.of());
        for (String user : USERS) {
            List<String> names = new ArrayList<>();
            Http.as(user, port).get("/engine-rest/filter").json().forEach(filter -> names.add(filter.get("name").asText()));
            assertThat(names).as("queues of %s", user).containsExactlyInAnyOrderElementsOf(queues.get(user));
        }
    }

    @Test
    void staffUseTasklistAndOnlyProcessOwnersCockpit() {
        for (String user : USERS) {
            boolean staff = !user.equals("website") && !user.equals("olivia");
            assertThat(login(user, "tasklist")).as("%s in Tasklist", user).isEqualTo(staff ? 200 : 403);
            assertThat(login(user, "cockpit")).as("%s in Cockpit", user).isEqualTo(user.equals("olivia") ? 200 : 403);
            assertThat(login(user, "admin")).as("%s in Admin", user).isEqualTo(403);
        }
    }

    private void expect(String what, Map<String, Integer> exceptions, int otherwise,
                        Function<String, Integer> request) {
        for (String user : USERS) {
            assertThat(request.apply(user)).as("%s as %s", what, user).isEqualTo(exceptions.getOrDefault(user, otherwise));
        }
    }

    private int get(String user, String path) {
        return Http.as(user, port).get(path).status();
    }

    private int post(String user, String path) {
        return Http.as(user, port).postJson(path, "{}").status();
    }

    private int login(String user, String app) {
        Http browser = Http.anonymous(port);
        String csrf = browser.get("/camunda/app/tasklist/default/").header("X-XSRF-TOKEN");
        return browser.postForm("/camunda/api/admin/auth/user/default/login/" + app, "username=" + user + "&password=demo",
                "X-XSRF-TOKEN", csrf).status();
    }
}
