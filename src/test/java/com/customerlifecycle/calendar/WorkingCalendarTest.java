package com.customerlifecycle.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final WorkingCalendar calendar = new WorkingCalendar(BERLIN);

    @ParameterizedTest(name = "{0} + {1} working day(s) = {2}")
    @CsvSource({
            "2026-11-23T10:00, 1, 2026-11-24T10:00",   // Monday -> Tuesday
            "2026-11-27T15:00, 1, 2026-11-30T15:00",   // Friday -> Monday
            "2026-11-28T09:00, 1, 2026-11-30T09:00",   // Saturday -> Monday
            "2026-11-29T22:00, 1, 2026-11-30T22:00",   // Sunday -> Monday
            "2026-11-26T08:00, 3, 2026-12-01T08:00",   // Thursday + 3 -> Tuesday
            "2026-11-25T12:00, 0, 2026-11-25T12:00"})
    void skipsWeekends(String from, int days, String expected) {
        ZonedDateTime start = ZonedDateTime.of(LocalDateTime.parse(from), BERLIN);

        assertThat(calendar.addWorkingDays(start.toInstant(), days).atZone(BERLIN).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void keepsWallClockTimeAcrossDaylightSavingChange() {
        // Friday before the switch to winter time (25 October 2026) -> Monday, same local time
        ZonedDateTime friday = ZonedDateTime.of(2026, 10, 23, 9, 0, 0, 0, BERLIN);

        assertThat(calendar.addWorkingDays(friday.toInstant(), 1).atZone(BERLIN))
                .isEqualTo(ZonedDateTime.of(2026, 10, 26, 9, 0, 0, 0, BERLIN));
    }

    @ParameterizedTest(name = "{0}: today ends {1}, the quarter {2}")
    @CsvSource({
            "2026-11-24T09:30, 2026-11-25T00:00, 2027-01-01T00:00",
            "2026-12-31T23:30, 2027-01-01T00:00, 2027-01-01T00:00",
            "2027-01-01T00:00, 2027-01-02T00:00, 2027-04-01T00:00",
            "2027-06-15T12:00, 2027-06-16T00:00, 2027-07-01T00:00"})
    void endsOfTheDayAndOfTheQuarterInTheBusinessTimeZone(String now, String endOfToday, String endOfQuarter) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(LocalDateTime.parse(now), BERLIN).toInstant()));
        try {
            assertThat(calendar.endOfToday().toInstant().atZone(BERLIN).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse(endOfToday));
            assertThat(calendar.endOfQuarter().toInstant().atZone(BERLIN).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse(endOfQuarter));
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void refusesNegativeDays() {
        assertThatThrownBy(() -> calendar.addWorkingDays(ZonedDateTime.now(BERLIN).toInstant(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
