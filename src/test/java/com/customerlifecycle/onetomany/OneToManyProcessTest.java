package com.customerlifecycle.onetomany;

import static com.customerlifecycle.onetomany.OneToManyProcess.Tasks.HOST_WEBINAR;
import static com.customerlifecycle.onetomany.OneToManyProcess.Tasks.PLAN_WEBINAR;
import static com.customerlifecycle.onetomany.OneToManyProcess.Tasks.SEND_RECORDING;
import static com.customerlifecycle.onetomany.OneToManyProcess.Tasks.SEND_WEBINAR_REMINDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import com.customerlifecycle.testing.TestCustomers;
import com.customerlifecycle.testing.TestMailbox;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one-to-many team's processes: a booked session, and a webinar from planning to the recording. */
@ProcessTest
class OneToManyProcessTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    Webinars webinars;
    @Autowired
    OneToManySessions sessions;

    private ProcessDriver driver;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        driver = new ProcessDriver(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void bookedSessionIsHeldByTheOneToManyTeam() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Small Questions Ltd", "tech-touch", null);
        OneToManySessions.Booking booking = sessions.book(customers.findById(customer.customerId()).orElseThrow(),
                "How do I import contacts from a CSV file?");
        ProcessInstance session = runtimeService.createProcessInstanceQuery()
                .processInstanceId(booking.processInstanceId()).singleResult();

        assertThat(booking.quarter()).isEqualTo("2026-Q4");
        assertThat(task(session)).hasCandidateGroup("csm").hasName("Hold one-to-many session with Small Questions Ltd");
        assertThatThrownBy(() -> driver.completeAs("chris", task(session), withVariables("sessionNotes", " ")))
                .isInstanceOf(FormFieldValidationException.class);
        driver.completeAs("chris", task(session), withVariables("sessionNotes", "Showed the import wizard"));
        assertThat(session).hasPassed("EndEvent_SessionHeld").isEnded();
    }

    @Test
    void expertWebinarTakesRegistrationsUntilTheCapRemindsAndSendsTheRecording() {
        ProcessInstance webinar = planWebinar("Forecasting deep dive", "expert", 2);
        String webinarId = (String) runtimeService.getVariable(webinar.getId(), "webinarId");
        TestCustomers.TestCustomer first = TestCustomers.active(signUps, customers, "Attendee One", "tech-touch", null);
        TestCustomers.TestCustomer second = TestCustomers.active(signUps, customers, "Attendee Two", "tech-touch", null);
        webinars.register(webinarId, first.customerId(), "Ann", first.ownerEmail(), NOW.toInstant());
        webinars.register(webinarId, second.customerId(), "Bob", second.ownerEmail(), NOW.toInstant());
        assertThat(webinars.find(webinarId).orElseThrow().seatsLeft()).isZero();

        driver.fireTimer(webinar.getId(), "Timer_DayBeforeWebinar", Duration.ofDays(10));
        driver.runJob(webinar.getId(), SEND_WEBINAR_REMINDERS);
        assertThat(TestMailbox.subjectsTo(first.ownerEmail())).containsExactly("Tomorrow: Forecasting deep dive");
        assertThat(TestMailbox.bodiesTo(first.ownerEmail()).get(0)).startsWith("Hello Ann,")
                .contains("starts tomorrow, Thursday 3 December 2026, 16:00 CET.");

        driver.fireTimer(webinar.getId(), "Timer_WebinarStarts", Duration.ofDays(1));
        assertThat(task(webinar)).hasDefinitionKey(HOST_WEBINAR).isAssignedTo("chris");
        assertThatThrownBy(() -> driver.completeAs("chris", task(webinar), withVariables("recordingUrl", "file:///etc/passwd")))
                .isInstanceOf(FormFieldValidationException.class);
        driver.completeAs("chris", task(webinar), withVariables("recordingUrl", "https://videos.example/forecasting"));
        driver.runJob(webinar.getId(), SEND_RECORDING);

        assertThat(webinar).hasPassed("EndEvent_WebinarHeld").isEnded();
        assertThat(TestMailbox.subjectsTo(second.ownerEmail()))
                .containsExactly("Tomorrow: Forecasting deep dive", "Recording: Forecasting deep dive");
        assertThat(webinars.find(webinarId).orElseThrow().status()).isEqualTo(Webinars.HELD);
    }

    @Test
    void planningRefusesAWebinarWithoutCapOrInThePast() {
        ProcessInstance webinar = startWebinar();

        assertThatThrownBy(() -> driver.completeAs("chris", task(webinar), withVariables("topic", "Tips", "kind", "expert",
                "startsAt", Date.from(NOW.plusDays(10).toInstant()))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("participantCap");
        assertThatThrownBy(() -> driver.completeAs("chris", task(webinar), withVariables("topic", "Tips", "kind", "regular",
                "startsAt", Date.from(NOW.minusDays(1).toInstant()))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("startsAt");
        assertThatThrownBy(() -> driver.completeAs("chris", task(webinar), withVariables("topic", "Tips", "kind", "regular")))
                .as("the form's rules come before the webinar's own").isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("startsAt is required");
        assertThatThrownBy(() -> driver.completeAs("chris", task(webinar), withVariables("topic", "Tips", "kind", "regular",
                "startsAt", "next Tuesday"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("startsAt");
        assertThat(webinar).isWaitingAt(PLAN_WEBINAR);
    }

    private ProcessInstance planWebinar(String topic, String kind, Integer cap) {
        ProcessInstance webinar = startWebinar();
        assertThat(task(webinar)).isAssignedTo("chris").hasName("Plan webinar");
        driver.completeAs("chris", task(webinar), withVariables("topic", topic, "kind", kind, "participantCap", cap,
                "startsAt", ZonedDateTime.of(2026, 12, 3, 16, 0, 0, 0, ZoneId.of("Europe/Berlin")).toOffsetDateTime().toString()));
        assertThat(webinar).isWaitingAt("Timer_DayBeforeWebinar");
        return webinar;
    }

    /** A CSM starts a webinar from Tasklist and becomes its organizer. */
    private ProcessInstance startWebinar() {
        AtomicReference<ProcessInstance> started = new AtomicReference<>();
        driver.as("chris", () -> started.set(runtimeService.startProcessInstanceByKey(OneToManyProcess.WEBINAR_KEY)));
        return started.get();
    }
}
