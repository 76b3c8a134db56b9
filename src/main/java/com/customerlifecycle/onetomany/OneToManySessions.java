package com.customerlifecycle.onetomany;

import static com.customerlifecycle.onetomany.OneToManyProcess.Vars;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.customer.Customer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A tech-touch customer's one CSM hour per quarter: the booking and the session task for the one-to-many team. */
@Service
class OneToManySessions {

    record Booking(String sessionId, String quarter, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final WorkingCalendar calendar;

    OneToManySessions(JdbcClient jdbc, RuntimeService runtimeService, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
    }

    /** Runs in the caller's transaction; a second booking in the quarter fails with a DuplicateKeyException. */
    Booking book(Customer customer, String question) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String quarter = calendar.quarterOf(now);
        String sessionId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO one_to_many_session (id, customer_id, quarter, question, booked_at)
                VALUES (:id, :customerId, :quarter, :question, :now)""")
                .param("id", sessionId)
                .param("customerId", customer.customerId())
                .param("quarter", quarter)
                .param("question", question)
                .param("now", Timestamp.from(now))
                .update();
        ProcessInstance session = runtimeService.startProcessInstanceByKey(OneToManyProcess.SESSION_KEY, customer.leadId(),
                Map.of(Vars.SESSION_ID, sessionId, Vars.CUSTOMER_ID, customer.customerId(), Vars.COMPANY, customer.company(),
                        Vars.QUESTION, question, Vars.QUARTER, quarter));
        jdbc.sql("UPDATE one_to_many_session SET process_instance_id = :pi WHERE id = :id")
                .param("pi", session.getId()).param("id", sessionId).update();
        return new Booking(sessionId, quarter, session.getId());
    }
}
