package com.customerlifecycle.onetomany;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webinar} and {@code webinar_registration} tables. */
@Repository
class Webinars {

    static final String OPEN = "open";
    static final String HELD = OneToManyProcess.WEBINAR_HELD;
    static final String EXPERT = "expert";

    record Webinar(String webinarId, String topic, String kind, Instant startsAt, Integer participantCap, String status,
                   int registered) {

        Integer seatsLeft() {
            return participantCap == null ? null : Math.max(0, participantCap - registered);
        }
    }

    record Registration(String registrationId, String customerId, String name, String email) {
    }

    private final JdbcClient jdbc;

    Webinars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent per process instance: a webinar process opens registration once. */
    String open(String processInstanceId, String topic, String kind, Instant startsAt, Integer cap, String organizer,
                Instant now) {
        Optional<String> existing = jdbc.sql("SELECT id FROM webinar WHERE process_instance_id = :pi")
                .param("pi", processInstanceId).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String webinarId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO webinar (id, topic, kind, starts_at, participant_cap, status, organizer, process_instance_id,
                                     created_at)
                VALUES (:id, :topic, :kind, :startsAt, :cap, :status, :organizer, :pi, :now)""")
                .param("id", webinarId)
                .param("topic", topic)
                .param("kind", kind)
                .param("startsAt", Timestamp.from(startsAt))
                .param("cap", cap)
                .param("status", OPEN)
                .param("organizer", organizer)
                .param("pi", processInstanceId)
                .param("now", Timestamp.from(now))
                .update();
        return webinarId;
    }

    /** Locks the webinar row, so that concurrent registrations count seats one after the other. */
    Optional<Webinar> findForUpdate(String webinarId) {
        Optional<String> locked = jdbc.sql("SELECT id FROM webinar WHERE id = :id FOR UPDATE")
                .param("id", webinarId).query(String.class).optional();
        return locked.flatMap(this::find);
    }

    Optional<Webinar> find(String webinarId) {
        return jdbc.sql("""
                SELECT w.*, (SELECT COUNT(*) FROM webinar_registration r WHERE r.webinar_id = w.id) AS registered
                FROM webinar w WHERE w.id = :id""")
                .param("id", webinarId)
                .query((rs, n) -> webinar(rs))
                .optional();
    }

    List<Webinar> upcoming(Instant now) {
        return jdbc.sql("""
                SELECT w.*, (SELECT COUNT(*) FROM webinar_registration r WHERE r.webinar_id = w.id) AS registered
                FROM webinar w WHERE w.status = :open AND w.starts_at > :now ORDER BY w.starts_at""")
                .param("open", OPEN)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> webinar(rs))
                .list();
    }

    Optional<Registration> findRegistration(String webinarId, String email) {
        return jdbc.sql("SELECT * FROM webinar_registration WHERE webinar_id = :id AND email = :email")
                .param("id", webinarId).param("email", email)
                .query((rs, n) -> new Registration(rs.getString("id"), rs.getString("customer_id"), rs.getString("name"),
                        rs.getString("email")))
                .optional();
    }

    Registration register(String webinarId, String customerId, String name, String email, Instant now) {
        String registrationId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO webinar_registration (id, webinar_id, customer_id, name, email, registered_at)
                VALUES (:id, :webinarId, :customerId, :name, :email, :now)""")
                .param("id", registrationId)
                .param("webinarId", webinarId)
                .param("customerId", customerId)
                .param("name", name)
                .param("email", email)
                .param("now", Timestamp.from(now))
                .update();
        return new Registration(registrationId, customerId, name, email);
    }

    List<Registration> registrations(String webinarId) {
        return jdbc.sql("SELECT * FROM webinar_registration WHERE webinar_id = :id ORDER BY registered_at")
                .param("id", webinarId)
                .query((rs, n) -> new Registration(rs.getString("id"), rs.getString("customer_id"), rs.getString("name"),
                        rs.getString("email")))
                .list();
    }

    void markHeld(String webinarId, String recordingUrl) {
        jdbc.sql("UPDATE webinar SET status = :held, recording_url = :url WHERE id = :id")
                .param("held", HELD).param("url", recordingUrl).param("id", webinarId).update();
    }

    private static Webinar webinar(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Webinar(rs.getString("id"), rs.getString("topic"), rs.getString("kind"),
                rs.getTimestamp("starts_at").toInstant(), (Integer) rs.getObject("participant_cap"), rs.getString("status"),
                rs.getInt("registered"));
    }
}
