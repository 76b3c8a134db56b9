package com.customerlifecycle.customer;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails to a customer, at most one per customer and step: the step is recorded in {@code customer_mail} in the
 * same transaction, so a retried job finds it and does not send again. A failed send throws, the transaction rolls
 * back and the job retries (then becomes an incident): nothing is lost silently. Without {@code spring.mail.host}
 * (the demo profile) the mail is written to the log instead.
 */
@Component
public class CustomerMail {

    private static final Logger log = LoggerFactory.getLogger(CustomerMail.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> smtp;
    private final String from;

    CustomerMail(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp, @Value("${clo.mail.from}") String from) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.from = from;
    }

    public record Mail(String to, String subject, String body) {
    }

    /** Sends unless this customer already got the mail of this step; true when it was sent now. */
    public boolean sendOnce(String customerId, String step, Mail mail, Instant now) {
        boolean alreadySent = jdbc.sql("SELECT COUNT(*) FROM customer_mail WHERE customer_id = :customerId AND step = :step")
                .param("customerId", customerId)
                .param("step", step)
                .query(Integer.class).single() > 0;
        if (alreadySent) {
            log.info("Mail '{}' already sent to customer {}, not sending again", step, customerId);
            return false;
        }
        jdbc.sql("""
                INSERT INTO customer_mail (customer_id, step, recipient, subject, sent_at)
                VALUES (:customerId, :step, :recipient, :subject, :now)""")
                .param("customerId", customerId)
                .param("step", step)
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("now", Timestamp.from(now))
                .update();
        send(mail);
        return true;
    }

    /** Sends now; callers that may run twice keep their own record of what was sent. */
    public void send(Mail mail) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server configured; mail to {}:\n{}\n\n{}", mail.to(), mail.subject(), mail.body());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        sender.send(message);
    }
}
