package com.customerlifecycle.onetomany;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The upcoming webinars as lines of an invitation, for the one-to-many newsletter. */
@Component
public class WebinarInvitations {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm");

    private final Webinars webinars;
    private final ZoneId zone;

    WebinarInvitations(Webinars webinars, @Value("${clo.business-time-zone}") ZoneId zone) {
        this.webinars = webinars;
        this.zone = zone;
    }

    public List<String> upcoming(Instant now) {
        return webinars.upcoming(now).stream()
                .map(webinar -> "- " + webinar.topic() + ", " + WHEN.format(webinar.startsAt().atZone(zone))
                        + (webinar.seatsLeft() == null ? "" : " (expert session, " + webinar.seatsLeft() + " seats left)"))
                .toList();
    }
}
