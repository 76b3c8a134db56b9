package com.customerlifecycle.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * What a process owner does to a decision table in Modeler, done to a table of {@code processes/} for tests: change a
 * cell, add a row. Deployed, it is the latest version of the decision until the test closes it.
 */
public final class DecisionChanges {

    private final String fileName;
    private final DmnModelInstance model;

    private DecisionChanges(String fileName, DmnModelInstance model) {
        this.fileName = fileName;
        this.model = model;
    }

    /** The table as the application deploys it, e.g. {@code success-cadence.dmn}. */
    public static DecisionChanges of(String fileName) {
        try (InputStream in = DecisionChanges.class.getResourceAsStream("/processes/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("No decision processes/" + fileName);
            }
            return new DecisionChanges(fileName, Dmn.readModelFromStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new content for one cell, by the id of its input or output entry; {@code ""} empties it. */
    public DecisionChanges setCell(String entryId, String feel) {
        org.camunda.bpm.model.dmn.instance.DmnElement entry = model.getModelElementById(entryId);
        if (entry == null) {
            throw new IllegalArgumentException("No cell " + entryId + " in " + fileName);
        }
        ((Text) entry.getUniqueChildElementByType(Text.class)).setTextContent(feel);
        return this;
    }

    /** A new last row of the only decision table: its input entries, then its output entries. */
    public DecisionChanges addRule(String ruleId, String... cells) {
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        Rule rule = model.newInstance(Rule.class);
        rule.setId(ruleId);
        int inputs = table.getInputs().size();
        for (int i = 0; i < cells.length; i++) {
            Text text = model.newInstance(Text.class);
            text.setTextContent(cells[i]);
            if (i < inputs) {
                InputEntry entry = model.newInstance(InputEntry.class);
                entry.setId(ruleId + "_Input" + i);
                entry.setText(text);
                rule.getInputEntries().add(entry);
            } else {
                OutputEntry entry = model.newInstance(OutputEntry.class);
                entry.setId(ruleId + "_Output" + (i - inputs));
                entry.setText(text);
                rule.getOutputEntries().add(entry);
            }
        }
        table.getRules().add(rule);
        return this;
    }

    /** Deploys the changed table; closing the result removes it again, so the file's version is the latest once more. */
    public Deployed deploy(RepositoryService repositoryService) {
        String id = repositoryService.createDeployment().name("test change of " + fileName)
                .addModelInstance(fileName, model).deploy().getId();
        return () -> repositoryService.deleteDeployment(id, true);
    }

    /** A deployed change, undone by {@link #close()}. */
    public interface Deployed extends AutoCloseable {
        @Override
        void close();
    }
}
