package com.customerlifecycle.display;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How values read for a person, in one place: dates in the business time zone ({@code clo.business-time-zone}) with
 * their weekday, times with their zone, amounts with thousands separators and the product's currency
 * ({@code clo.currency}), percentages as "10 %", codes such as tiers and outcomes in words. Forms show a variable
 * {@code x} this way as {@code {{xText}}} (see {@code forms.FormDisplayValues}); diagrams call it in task names, e.g.
 * {@code ${display.shortDate(contractEndDate)}}; mails use its patterns.
 */
@Component("display")
public class Display {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Codes whose words are not just the code with spaces. */
    private static final Map<String, String> WORDS = Map.of(
            "high-touch", "High-touch (personal CSM)",
            "low-touch", "Low-touch (CSM with an hours budget)",
            "tech-touch", "Tech-touch (one-to-many programme)",
            "trial", "Trial lead",
            "email", "E-mail",
            "mailing-reply", "Reply to a mailing",
            "no-answer", "No answer");

    private final ZoneId zone;
    private final Currency currency;

    public Display(@Value("${clo.business-time-zone}") ZoneId zone, @Value("${clo.currency}") Currency currency) {
        this.zone = zone;
        this.currency = currency;
    }

    /**
     * A variable as a person reads it, chosen by its value and name: points in time as dates (with the time and zone
     * unless it is midnight), numbers named {@code …Value} as money, {@code …Percent} as percentages, {@code …Years}
     * and {@code …Hours} with their unit, yes/no, codes in words.
     */
    public String of(String name, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Date date) {
            return date(date);
        }
        if (value instanceof Number number) {
            if (name.endsWith("Value")) {
                return money(number);
            }
            if (name.endsWith("Percent")) {
                return percent(number);
            }
            if (name.endsWith("Years")) {
                return count(number, "year");
            }
            if (name.endsWith("Hours")) {
                return count(number, "hour");
            }
            return NumberFormat.getNumberInstance(Locale.ENGLISH).format(number);
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        return words(value.toString());
    }

    /** "Thursday 2 December 2027", or "Tuesday 24 November 2026, 09:30 CET" when the time of day matters. */
    public String date(Date date) {
        ZonedDateTime local = date.toInstant().atZone(zone);
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE.format(local) : DATE_TIME.format(local);
    }

    /** "Tuesday 24 November 2026, 09:30 CET". */
    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** "2 Dec 2027", for task names. */
    public String shortDate(Date date) {
        return SHORT_DATE.format(date.toInstant().atZone(zone));
    }

    /** "€60,000.00". */
    public String money(Number amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
        format.setCurrency(currency);
        return format.format(new BigDecimal(amount.toString()));
    }

    /** "10 %". */
    public String percent(Number share) {
        return NumberFormat.getNumberInstance(Locale.ENGLISH).format(share) + " %";
    }

    /** "setup-advice" → "Setup advice", "high-touch" → "High-touch (personal CSM)"; other text stays as it is. */
    public String words(String code) {
        if (WORDS.containsKey(code)) {
            return WORDS.get(code);
        }
        if (!code.matches("[a-z]+(-[a-z0-9]+)*")) {
            return code;
        }
        String spaced = code.replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String count(Number number, String unit) {
        String amount = NumberFormat.getNumberInstance(Locale.ENGLISH).format(number);
        return amount + " " + unit + ("1".equals(amount) ? "" : "s");
    }
}
