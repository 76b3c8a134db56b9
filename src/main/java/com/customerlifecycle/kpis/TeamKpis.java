package com.customerlifecycle.kpis;

import java.time.LocalDate;

import com.customerlifecycle.calendar.WorkingCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** How each team did in a period: the figures the README's "Team KPIs" defines, one section per role. */
@Service
public class TeamKpis {

    public record Kpis(LocalDate from, LocalDate to, String timeZone, String currency, SalesKpis.Sdr sdr,
                       SalesKpis.Ae ae, CustomerKpis.Onboarding onboarding, CustomerKpis.Success success,
                       SupportKpis.Support support, RenewalKpis.Renewal renewal) {
    }

    private final SalesKpis sales;
    private final CustomerKpis customers;
    private final SupportKpis support;
    private final RenewalKpis renewals;
    private final WorkingCalendar calendar;
    private final String currency;

    TeamKpis(SalesKpis sales, CustomerKpis customers, SupportKpis support, RenewalKpis renewals,
             WorkingCalendar calendar, @Value("${clo.currency}") String currency) {
        this.sales = sales;
        this.customers = customers;
        this.support = support;
        this.renewals = renewals;
        this.calendar = calendar;
        this.currency = currency;
    }

    public Kpis between(LocalDate from, LocalDate to) {
        Period period = Period.of(from, to, calendar.zone(), ClockUtil.getCurrentTime().toInstant());
        return new Kpis(from, to, calendar.zone().getId(), currency, sales.sdr(period), sales.ae(period),
                customers.onboarding(period), customers.success(period), support.support(period),
                renewals.renewal(period));
    }
}
