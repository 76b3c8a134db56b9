package com.customerlifecycle.kpis;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days a KPI request asks about, {@code from} and {@code to} included, in the business time zone: moments count
 * from the start of {@code from} up to the start of the day after {@code to}. Stocks (customers per tier, health)
 * and lateness are read {@link #asOf()}: the end of the period, or now if the period has not ended yet.
 */
record Period(LocalDate from, LocalDate to, Instant start, Instant end, Instant asOf, LocalDate today) {

    static Period of(LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new Period(from, to, start, end, end.isBefore(now) ? end : now, now.atZone(zone).toLocalDate());
    }

    /** The period is over: its end lies before now. */
    boolean ended() {
        return end.equals(asOf);
    }

    Timestamp startTimestamp() {
        return Timestamp.from(start);
    }

    Timestamp endTimestamp() {
        return Timestamp.from(end);
    }

    Timestamp asOfTimestamp() {
        return Timestamp.from(asOf);
    }
}
