package com.customerlifecycle.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.lead.TrialSignUp;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.DemoApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The gauges reuse their figures for their maximum age: a scrape within it does not query the database. */
@DemoApplicationTest
class JourneyGaugesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    TrialSignUpService signUps;

    @Test
    void figuresAreReadOnceForTheirMaximumAge() {
        JourneyGauges cached = new JourneyGauges(jdbc, calendar, Duration.ofHours(1));
        JourneyGauges fresh = new JourneyGauges(jdbc, calendar, Duration.ZERO);
        JourneyGauges.Figures first = cached.current();
        long openBefore = fresh.current().openTasks().getOrDefault("sdr", 0L);

        signUps.signUp(new TrialSignUp("Cache Check Ltd", "Carl Cache", UUID.randomUUID() + "@cache.example", null, 5, 30));

        assertThat(cached.current()).as("the same figures, no new query").isSameAs(first);
        assertThat(fresh.current().openTasks().get("sdr")).isEqualTo(openBefore + 1);
    }
}
