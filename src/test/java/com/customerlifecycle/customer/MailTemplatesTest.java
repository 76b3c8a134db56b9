package com.customerlifecycle.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.mustache.MustacheResourceTemplateLoader;

/** The texts of mails as customers read them: dates in the business time zone, one greeting. */
class MailTemplatesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static MailTemplates templates(ZoneId businessZone) {
        // what Spring Boot configures with spring.mustache.prefix: classpath:/mail/ (application.yaml)
        return new MailTemplates(Mustache.compiler().withLoader(
                new MustacheResourceTemplateLoader("classpath:/mail/", ".mustache")), businessZone);
    }

    @Test
    void webinarReminderGivesTheStartAsReadableLocalTimeWithZone() {
        Date startsAt = Date.from(Instant.parse("2026-11-24T08:30:00Z"));

        CustomerMail.Mail mail = templates(BERLIN).compose("webinar-reminder", "ada@example.com", "Ada Lovelace",
                Map.of("topic", "Forecasting deep dive", "startsAt", startsAt));

        assertThat(mail.to()).isEqualTo("ada@example.com");
        assertThat(mail.subject()).isEqualTo("Tomorrow: Forecasting deep dive");
        assertThat(mail.body())
                .startsWith("Hello Ada Lovelace,\n\n")
                .contains("our webinar \"Forecasting deep dive\" starts tomorrow, Tuesday 24 November 2026, 09:30 CET.")
                .doesNotContain(startsAt.toString());
    }

    @Test
    void summerTimeAndOtherBusinessZonesReadAsTheirLocalTime() {
        assertThat(templates(BERLIN).format(Instant.parse("2026-06-02T07:00:00Z")))
                .isEqualTo("Tuesday 2 June 2026, 09:00 CEST");
        assertThat(templates(ZoneId.of("America/New_York")).format(Date.from(Instant.parse("2026-11-24T08:30:00Z"))))
                .isEqualTo("Tuesday 24 November 2026, 03:30 EST");
    }

    @Test
    void newsletterListsUpcomingWebinarsInTheBusinessTimeZone() {
        record Invitation(String topic, Instant startsAt, boolean expert, Integer seatsLeft) {
        }

        CustomerMail.Mail mail = templates(BERLIN).compose("newsletter", "owner@example.com", "Olga Owner", Map.of(
                "company", "Small Shop", "month", "2026-11",
                "webinars", List.of(new Invitation("Getting started", Instant.parse("2026-11-24T08:30:00Z"), false, null),
                        new Invitation("Forecasting", Instant.parse("2026-11-26T14:00:00Z"), true, 3))));

        assertThat(mail.subject()).isEqualTo("Newsletter 2026-11 for Small Shop");
        assertThat(mail.body()).contains("""
                Webinars you can join (register in the help centre):
                - Getting started, Tuesday 24 November 2026, 09:30 CET
                - Forecasting, Thursday 26 November 2026, 15:00 CET (expert session, 3 seats left)

                Your customer success team""");
    }

    @Test
    void newsletterWithoutWebinarsSaysSo() {
        CustomerMail.Mail mail = templates(BERLIN).compose("newsletter", "owner@example.com", "Olga Owner",
                Map.of("company", "Small Shop", "month", "2026-11", "webinars", List.of()));

        assertThat(mail.body()).contains("""
                Webinars you can join (register in the help centre):
                - none planned yet; we will let you know
                """);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Ada Lovelace     | Hello Ada Lovelace,",
            "'  Ada   Lovelace ' | Hello Ada Lovelace,",
            "Dr. Maria van der Berg | Hello Dr. Maria van der Berg,",
            "''               | Hello,",
            "                 | Hello,"})
    void greetsWithTheNameAsGivenOrWithoutOne(String name, String greeting) {
        assertThat(MailTemplates.greeting(name)).isEqualTo(greeting);
    }

    @Test
    void everyMailOpensWithTheSameGreeting() {
        MailTemplates templates = templates(BERLIN);

        List<CustomerMail.Mail> mails = List.of(
                templates.compose("support-resolution", "c@example.com", " Carl  Contact ",
                        Map.of("subject", "Export fails", "resolution", "Fixed in today's release.")),
                templates.compose("self-onboarding-kit", "o@example.com", "Olga Owner", Map.of("company", "Small Shop")),
                templates.compose("webinar-recording", "p@example.com", null,
                        Map.of("topic", "Forecasting", "recordingUrl", "https://example.com/r/1")));

        assertThat(mails).extracting(mail -> mail.body().lines().findFirst().orElseThrow())
                .containsExactly("Hello Carl Contact,", "Hello Olga Owner,", "Hello,");
        assertThat(mails.get(0).subject()).isEqualTo("Your support case: Export fails");
        assertThat(mails.get(0).body()).isEqualTo("""
                Hello Carl Contact,

                Fixed in today's release.

                Reply to this e-mail if anything is still unclear.

                Your support team
                """);
    }
}
