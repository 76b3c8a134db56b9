package com.customerlifecycle.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.customerlifecycle.display.Display;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The texts of e-mails to customers, one Mustache template per mail in {@code src/main/resources/mail/}: the first
 * line is the subject, then a blank line, then the body. Decided here for every mail: the greeting
 * ({@code {{greeting}}}, see {@link #greeting(String)}) and how dates and times read — in the business time zone
 * ({@code clo.business-time-zone}), in English, e.g. {@code Tuesday 24 November 2026, 09:30 CET}. Values are inserted
 * as they are (plain text mails, no HTML escaping); a value the template names but the caller did not give fails.
 */
@Component
public class MailTemplates {

    private final Mustache.Compiler compiler;
    private final ZoneId zone;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    /** {@code compiler} is Spring Boot's, loading from {@code spring.mustache.prefix} ({@code classpath:/mail/}). */
    public MailTemplates(Mustache.Compiler compiler, @Value("${clo.business-time-zone}") ZoneId zone) {
        this.zone = zone;
        this.compiler = compiler.escapeHTML(false).withFormatter(this::format);
    }

    /** The greeting of every mail: the recipient's name as they gave it, or no name when none is known. */
    public static String greeting(String recipientName) {
        String name = recipientName == null ? "" : recipientName.strip().replaceAll("\\s+", " ");
        return name.isEmpty() ? "Hello," : "Hello " + name + ",";
    }

    /** The mail {@code template} to {@code to}, greeting {@code recipientName}, with {@code values} filled in. */
    public CustomerMail.Mail compose(String template, String to, String recipientName, Map<String, ?> values) {
        Map<String, Object> context = new HashMap<>(values);
        context.put("greeting", greeting(recipientName));
        String text = templates.computeIfAbsent(template, compiler::loadTemplate).execute(context).replace("\r\n", "\n");
        int endOfSubject = text.indexOf("\n\n");
        if (endOfSubject < 0) {
            throw new IllegalStateException("Mail template " + template + " needs a subject line, a blank line and a body");
        }
        return new CustomerMail.Mail(to, text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 2));
    }

    /** How a value reads in a mail: points in time in the business time zone, days without a time. */
    String format(Object value) {
        if (value instanceof Date date) {
            return format(date.toInstant());
        }
        if (value instanceof Instant instant) {
            return Display.DATE_TIME.format(instant.atZone(zone));
        }
        if (value instanceof ZonedDateTime || value instanceof OffsetDateTime) {
            return format(Instant.from((TemporalAccessor) value));
        }
        if (value instanceof LocalDate day) {
            return Display.DATE.format(day);
        }
        return String.valueOf(value);
    }
}
