package com.customerlifecycle.kpis;

import java.time.LocalDate;

import com.customerlifecycle.calendar.WorkingCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Each team's numbers for a period, for managers and process owners. */
@RestController
class KpiController {

    /** Longer periods are not what the figures are for, and would read years of history at once. */
    private static final int MAX_YEARS = 3;

    /** Without dates: the last 90 days, today included. */
    private static final int DEFAULT_DAYS = 90;

    private final TeamKpis kpis;
    private final WorkingCalendar calendar;

    KpiController(TeamKpis kpis, WorkingCalendar calendar) {
        this.kpis = kpis;
        this.calendar = calendar;
    }

    @GetMapping("/api/kpis")
    TeamKpis.Kpis kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to != null ? to : calendar.today();
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from (" + start + ") is after to (" + end + ")");
        }
        if (start.plusYears(MAX_YEARS).isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A period of at most " + MAX_YEARS + " years, please: " + start + " to " + end);
        }
        return kpis.between(start, end);
    }
}
