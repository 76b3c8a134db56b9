package com.customerlifecycle.onetomany;

import com.customerlifecycle.journey.JourneyProcess;

/** Keys of the one-to-many team's processes, {@code one-to-many-session} and {@code webinar}, in one place. */
public final class OneToManyProcess {

    public static final String SESSION_KEY = "one-to-many-session";
    public static final String WEBINAR_KEY = "webinar";
    /** The status of a webinar once it took place (the {@code webinar} table). */
    public static final String WEBINAR_HELD = "held";

    public static final class Tasks {
        public static final String PLAN_WEBINAR = "Task_PlanWebinar";
        public static final String HOST_WEBINAR = "Task_HostWebinar";
        public static final String SEND_WEBINAR_REMINDERS = "Task_SendWebinarReminders";
        public static final String SEND_RECORDING = "Task_SendRecording";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String CUSTOMER_ID = JourneyProcess.Vars.CUSTOMER_ID;
        public static final String COMPANY = JourneyProcess.Vars.COMPANY;
        public static final String SESSION_ID = "sessionId";
        public static final String QUESTION = "question";
        public static final String QUARTER = "quarter";
        public static final String SESSION_NOTES = "sessionNotes";
        public static final String ORGANIZER = "organizer";
        public static final String WEBINAR_ID = "webinarId";
        public static final String TOPIC = "topic";
        public static final String STARTS_AT = "startsAt";
        public static final String REMINDER_AT = "reminderAt";
        public static final String KIND = "kind";
        public static final String PARTICIPANT_CAP = "participantCap";
        public static final String RECORDING_URL = "recordingUrl";

        private Vars() {
        }
    }

    private OneToManyProcess() {
    }
}
