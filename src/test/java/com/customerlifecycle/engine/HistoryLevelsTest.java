package com.customerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.testing.ApplicationNode;
import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.TestDatabase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@value HistoryLevels#FULL_WITHOUT_VARIABLE_LOG} history level: full history without the variable change log. */
class HistoryLevelsTest {

    @Test
    void keepsWhoDidWhatAndTheLastValuesButNotEveryVariableChange() {
        Database database = TestDatabase.isPostgres() ? Database.freshPostgres()
                : new Database("jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (ConfigurableApplicationContext node = ApplicationNode.start(database, false,
                "--camunda.bpm.history-level=" + HistoryLevels.FULL_WITHOUT_VARIABLE_LOG)) {
            ProcessEngine engine = node.getBean(ProcessEngine.class);
            engine.getRepositoryService().createDeployment().addClasspathResource("benchmark/engine-floor.bpmn").deploy();
            IdentityService identity = engine.getIdentityService();
            TaskService tasks = engine.getTaskService();

            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("benchmark-engine-floor",
                    Map.of("company", "First Ltd"));
            engine.getRuntimeService().setVariable(instance.getId(), "company", "Second Ltd");
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            identity.setAuthentication("sara", List.of("sdr"));
            try {
                tasks.claim(task.getId(), "sara");
                tasks.complete(task.getId());
            } finally {
                identity.clearAuthentication();
            }

            HistoryService history = engine.getHistoryService();
            assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
                    .isEqualTo(HistoryLevels.FULL_WITHOUT_VARIABLE_LOG);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).singleResult()
                    .getValue()).isEqualTo("Second Ltd");
            assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count())
                    .as("variable changes logged").isZero();
            assertThat(history.createUserOperationLogQuery().taskId(task.getId()).userId("sara").list())
                    .extracting(entry -> entry.getOperationType()).contains("Claim", "Complete");
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
                    .isEqualTo(3);
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished()
                    .count()).isEqualTo(1);
        }
    }
}
