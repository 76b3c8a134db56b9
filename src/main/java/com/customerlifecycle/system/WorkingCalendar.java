package com.customerlifecycle.system;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days (Monday to Friday) in the company's time zone, for due dates such as "one working day after
 * sign-up". Diagrams call it in expressions: {@code ${workingCalendar.workingDaysFromNow(1)}}. Public holidays are
 * not known to it.
 */
@Component("workingCalendar")
public class WorkingCalendar {

    private final ZoneId zone;

    public WorkingCalendar(@Value("${clo.business-time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    /** The same time of day, {@code days} working days after the engine's now. */
    public Date workingDaysFromNow(int days) {
        return Date.from(addWorkingDays(ClockUtil.getCurrentTime().toInstant(), days));
    }

    public Instant addWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        ZonedDateTime date = from.atZone(zone);
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                added++;
            }
        }
        return date.toInstant();
    }

    private static boolean isWorkingDay(ZonedDateTime date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
