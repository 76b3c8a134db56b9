package com.customerlifecycle.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The company's calendar in its time zone: working days (Monday to Friday) for due dates such as "one working day
 * after sign-up", calendar days, quarters and months. Diagrams call it in expressions:
 * {@code ${workingCalendar.workingDaysFromNow(1)}}. Public holidays are not known to it.
 */
@Component("workingCalendar")
public class WorkingCalendar {

    private final ZoneId zone;

    public WorkingCalendar(@Value("${clo.business-time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    /** The business time zone ({@code clo.business-time-zone}). */
    public ZoneId zone() {
        return zone;
    }

    /** The same time of day, {@code days} working days after the engine's now. */
    public Date workingDaysFromNow(int days) {
        return Date.from(addWorkingDays(ClockUtil.getCurrentTime().toInstant(), days));
    }

    /** {@code days} calendar days after the engine's now, for due dates such as "within 5 days". */
    public Date daysFromNow(int days) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)));
    }

    /** Start of the day {@code days} calendar days before {@code date}, for timers counted back from an end date. */
    public Date daysBefore(Date date, int days) {
        LocalDate day = date.toInstant().atZone(zone).toLocalDate().minusDays(days);
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    /** Start of a business day, as timers and due dates need it. */
    public Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    /** {@code hours} hours after the engine's now, for deadlines such as "first response within 8 hours". */
    public Date hoursFromNow(int hours) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(hours)));
    }

    /** The end of today in the business time zone (the start of tomorrow), for "on its scheduled day". */
    public Date endOfToday() {
        return startOf(today().plusDays(1));
    }

    /** The end of the current business quarter (the start of the next one), for "in its quarter". */
    public Date endOfQuarter() {
        LocalDate today = today();
        LocalDate firstOfQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        return startOf(firstOfQuarter.plusMonths(3));
    }

    /** The business quarter an instant falls in, as {@code 2026-Q4}. */
    public String quarterOf(Instant instant) {
        ZonedDateTime date = instant.atZone(zone);
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    /** The business month an instant falls in, as {@code 2026-11}. */
    public String monthOf(Instant instant) {
        ZonedDateTime date = instant.atZone(zone);
        return String.format("%d-%02d", date.getYear(), date.getMonthValue());
    }

    public LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }

    public Instant addWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        ZonedDateTime date = from.atZone(zone);
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date.toLocalDate())) {
                added++;
            }
        }
        return date.toInstant();
    }

    /** Monday to Friday. */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
