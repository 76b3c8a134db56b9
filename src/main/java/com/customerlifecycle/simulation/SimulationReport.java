package com.customerlifecycle.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a simulation's results to a folder: {@code weekly.csv} (a row per run, week and role), {@code summary.json}
 * (one summary per run) and {@code report.html}, a page that needs nothing but itself (charts drawn as inline SVG, no
 * script, no CDN): the key figures of each run side by side, and per run the backlog and utilisation of each role
 * week by week.
 */
final class SimulationReport {

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"};
    private static final int WIDTH = 560;
    private static final int HEIGHT = 220;
    private static final int MARGIN = 40;

    private SimulationReport() {
    }

    static void write(Path folder, String scenarioName, List<SimulationResults.Run> runs) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("weekly.csv"), csv(runs));
            ObjectNode summary = SimulationResults.JSON.createObjectNode();
            summary.put("scenario", scenarioName);
            summary.set("runs", SimulationResults.JSON.valueToTree(runs.stream().map(SimulationResults.Run::summary).toList()));
            Files.writeString(folder.resolve("summary.json"),
                    SimulationResults.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
            Files.writeString(folder.resolve("report.html"), html(scenarioName, runs));
        } catch (IOException unwritable) {
            throw new UncheckedIOException("Cannot write the simulation's results to " + folder, unwritable);
        }
    }

    static String csv(List<SimulationResults.Run> runs) {
        StringBuilder csv = new StringBuilder("diagrams,week,role,people,tasks_created,tasks_done,backlog,overdue,"
                + "hours_needed,hours_done,hours_available,utilisation\n");
        for (SimulationResults.Run run : runs) {
            for (SimulationResults.Week week : run.weeks()) {
                csv.append(String.join(",", run.diagrams().replace(",", " "), week.monday().toString(), week.role(),
                        String.valueOf(week.people()), String.valueOf(week.created()), String.valueOf(week.done()),
                        String.valueOf(week.backlog()), String.valueOf(week.overdue()), number(week.hoursNeeded()),
                        number(week.hoursDone()), number(week.hoursAvailable()),
                        week.utilisation() == null ? "" : number(week.utilisation()))).append('\n');
            }
        }
        return csv.toString();
    }

    private static String html(String scenarioName, List<SimulationResults.Run> runs) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Simulation: %s</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2em;color:#222}
                table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}
                th:first-child,td:first-child{text-align:left}.runs{display:flex;gap:2em;flex-wrap:wrap}
                .legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:1em;height:.6em;margin-right:.3em}
                svg{background:#fafafa;border:1px solid #eee}
                </style></head><body>
                <h1>Simulation of %s</h1>
                """.formatted(escape(scenarioName), escape(scenarioName)));
        SimulationResults.Run first = runs.get(0);
        page.append("<p>").append(escape(first.summary().path("from").asText())).append(" to ")
                .append(escape(first.summary().path("to").asText())).append(", seed ")
                .append(first.summary().path("seed").asText()).append(".</p>\n");
        page.append(keyFigures(runs));
        page.append(legend());
        page.append("<div class=\"runs\">\n");
        for (SimulationResults.Run run : runs) {
            page.append("<section><h2>").append(escape(run.diagrams())).append("</h2>\n");
            page.append(chart(run, "Backlog per role (open tasks at the end of each week)", week -> (double) week.backlog()));
            page.append(chart(run, "Utilisation per role (hours of tasks done / hours available)",
                    week -> week.utilisation() == null ? 0 : week.utilisation()));
            page.append(chart(run, "Overdue per role (open past their due date at the end of each week)", week -> (double) week.overdue()));
            page.append("</section>\n");
        }
        page.append("</div>\n");
        page.append("</body></html>\n");
        return page.toString();
    }

    private static String keyFigures(List<SimulationResults.Run> runs) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Trial sign-ups", "/journeys/trialSignUps");
        figures.put("Customers won", "/journeys/customersWon");
        figures.put("Won annual value", "/journeys/wonAnnualValue");
        figures.put("Customers onboarded", "/journeys/customersOnboarded");
        figures.put("Contracts ended", "/journeys/contractsEnded");
        figures.put("Renewed", "/journeys/renewed");
        figures.put("Churned", "/journeys/customersChurned");
        figures.put("Gross revenue retention", "/journeys/grossRevenueRetention");
        figures.put("Net revenue retention", "/journeys/netRevenueRetention");
        figures.put("Support cases", "/journeys/supportCasesOpened");
        figures.put("Support first response in SLA", "/journeys/supportFirstResponseSlaMet");
        figures.put("Check-ins held", "/journeys/checkInsHeld");
        for (String role : Scenario.ROLES) {
            figures.put(role + ": tasks created", "/roles/" + role + "/tasksCreated");
            figures.put(role + ": deadlines missed", "/roles/" + role + "/deadlinesMissed");
            figures.put(role + ": backlog at the end", "/roles/" + role + "/backlogAtEnd");
            figures.put(role + ": utilisation", "/roles/" + role + "/utilisation");
        }
        StringBuilder table = new StringBuilder("<h2>Key figures</h2>\n<table><tr><th>Figure</th>");
        runs.forEach(run -> table.append("<th>").append(escape(run.diagrams())).append("</th>"));
        if (runs.size() == 2) {
            table.append("<th>Change</th>");
        }
        table.append("</tr>\n");
        figures.forEach((label, pointer) -> {
            table.append("<tr><td>").append(escape(label)).append("</td>");
            List<JsonNode> values = new ArrayList<>();
            runs.forEach(run -> {
                JsonNode value = run.summary().at(pointer);
                values.add(value);
                table.append("<td>").append(escape(figure(value, isShare(pointer)))).append("</td>");
            });
            if (runs.size() == 2) {
                table.append("<td>").append(escape(change(values.get(0), values.get(1), isShare(pointer)))).append("</td>");
            }
            table.append("</tr>\n");
        });
        return table.append("</table>\n").toString();
    }

    /** Rates and utilisation (0–1), shown as percentages. */
    private static boolean isShare(String pointer) {
        return pointer.endsWith("Retention") || pointer.endsWith("SlaMet") || pointer.endsWith("utilisation");
    }

    private static String figure(JsonNode value, boolean share) {
        if (value.isMissingNode() || value.isNull()) {
            return "–";
        }
        if (!value.isNumber()) {
            return value.asText();
        }
        if (share) {
            return String.format(Locale.ROOT, "%.1f %%", value.asDouble() * 100);
        }
        return value.asDouble() == Math.rint(value.asDouble()) ? String.format(Locale.ROOT, "%,d", value.asLong())
                : String.format(Locale.ROOT, "%,.2f", value.asDouble());
    }

    private static String change(JsonNode before, JsonNode after, boolean share) {
        if (!before.isNumber() || !after.isNumber()) {
            return "";
        }
        double difference = after.asDouble() - before.asDouble();
        if (Math.abs(difference) < 1e-9) {
            return "=";
        }
        String sign = difference > 0 ? "+" : "−";
        return share ? String.format(Locale.ROOT, "%s%.1f pp", sign, Math.abs(difference) * 100)
                : sign + figure(SimulationResults.JSON.getNodeFactory().numberNode(Math.abs(difference)), false);
    }

    private static String chart(SimulationResults.Run run, String title,
                                Function<SimulationResults.Week, Double> value) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<String> mondays = new ArrayList<>();
        for (SimulationResults.Week week : run.weeks()) {
            series.computeIfAbsent(week.role(), role -> new ArrayList<>()).add(value.apply(week));
            if (!mondays.contains(week.monday().toString())) {
                mondays.add(week.monday().toString());
            }
        }
        double max = series.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(0);
        double top = max <= 0 ? 1 : max;
        double plotWidth = WIDTH - 2 * MARGIN;
        double plotHeight = HEIGHT - 2 * MARGIN;
        StringBuilder svg = new StringBuilder("<h3>").append(escape(title)).append("</h3>\n")
                .append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">"
                        + "<title>%s</title>", WIDTH, HEIGHT, WIDTH, HEIGHT, escape(title)));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"10\">%s</text>", MARGIN, number(SimulationResults.round(top, 2))));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"10\">0</text>", HEIGHT - MARGIN));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", MARGIN, HEIGHT - MARGIN + 14, mondays.get(0)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                WIDTH - MARGIN, HEIGHT - MARGIN + 14, mondays.get(mondays.size() - 1)));
        int colour = 0;
        for (Map.Entry<String, List<Double>> line : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            List<Double> values = line.getValue();
            for (int i = 0; i < values.size(); i++) {
                double x = MARGIN + (values.size() == 1 ? 0 : plotWidth * i / (values.size() - 1));
                double y = HEIGHT - MARGIN - plotHeight * values.get(i) / top;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\">"
                    + "<title>%s</title></polyline>", COLOURS[colour++ % COLOURS.length], points.toString().trim(), escape(line.getKey())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String legend() {
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < Scenario.ROLES.size(); i++) {
            legend.append("<span><i style=\"background:").append(COLOURS[i % COLOURS.length]).append("\"></i>")
                    .append(escape(Scenario.ROLES.get(i))).append("</span>");
        }
        return legend.append("</p>\n").toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
