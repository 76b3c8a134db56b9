package com.customerlifecycle.testing;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the test SMTP server received for one recipient. */
public final class TestMailbox {

    private TestMailbox() {
    }

    public static List<String> subjectsTo(String recipient) {
        return Arrays.stream(TestMailServer.get().getReceivedMessages())
                .filter(mail -> isFor(mail, recipient))
                .map(TestMailbox::subject)
                .toList();
    }

    public static List<String> bodiesTo(String recipient) {
        return Arrays.stream(TestMailServer.get().getReceivedMessages())
                .filter(mail -> isFor(mail, recipient))
                .map(GreenMailUtil::getBody)
                .toList();
    }

    private static boolean isFor(MimeMessage mail, String recipient) {
        try {
            return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equals(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
