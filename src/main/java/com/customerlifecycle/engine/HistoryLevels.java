package com.customerlifecycle.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * Registers our history level with the engine, selected by {@code camunda.bpm.history-level}:
 * {@value #FULL_WITHOUT_VARIABLE_LOG} writes everything Camunda's {@code full} level writes (process, activity and task
 * instances, who did what in the user operation log, variables with their last value, decisions, job log, identity
 * links) except the log of every single variable change ({@code ACT_HI_DETAIL}), which nothing here reads. What it
 * saves per journey is measured in BENCHMARKS.md (B4).
 */
@Component
class HistoryLevels extends AbstractProcessEnginePlugin {

    static final String FULL_WITHOUT_VARIABLE_LOG = "full-without-variable-log";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new FullWithoutVariableLog());
        configuration.setCustomHistoryLevels(levels);
    }

    /** Camunda's full history without {@link HistoryEventTypes#VARIABLE_INSTANCE_UPDATE_DETAIL}. */
    static final class FullWithoutVariableLog implements HistoryLevel {

        /** Stored in {@code ACT_GE_PROPERTY}; Camunda's own levels use 0 to 3. */
        private static final int ID = 31;

        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return FULL_WITHOUT_VARIABLE_LOG;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
        }
    }
}
