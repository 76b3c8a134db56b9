package com.customerlifecycle.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.customerlifecycle.CustomerLifecycleApplication;
import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.expansion.ExpansionSignals;
import com.customerlifecycle.journey.JourneyProcess;
import com.customerlifecycle.kpis.TeamKpis;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.support.SupportCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code simulate --scenario FILE [--processes DIR] [--compare DIR] [--out DIR]}: runs the scenario on the diagrams,
 * decisions and forms of a folder (and, with {@code --compare}, the same scenario and seed on a second folder) and
 * writes {@code weekly.csv}, {@code summary.json} and {@code report.html}. Each run is the application itself with
 * the {@code simulation} profile: a throwaway in-memory H2, no web server, no job executor, nothing deployed but the
 * folder. Everything is checked before the first run starts.
 */
public final class SimulateCommand {

    static final String DEFAULT_SCENARIO = "simulation/default.yaml";
    static final String DEFAULT_PROCESSES = "processes";
    static final String DEFAULT_OUT = "target/simulation";

    record Options(Path scenario, Path processes, Path compare, Path out) {
    }

    private SimulateCommand() {
    }

    /** The command line's entry: 0 when the results are written, 1 with a message when the run could not start. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = options(args);
            Scenario scenario = Scenario.load(options.scenario());
            List<Path> folders = new ArrayList<>(List.of(options.processes()));
            if (options.compare() != null) {
                folders.add(options.compare());
            }
            folders.forEach(SimulateCommand::checkDiagramFolder);
            List<SimulationResults.Run> runs = new ArrayList<>();
            for (Path folder : folders) {
                out.println("Simulating " + options.scenario() + " on " + folder + " ...");
                runs.add(simulate(scenario, folder, out, context -> { }));
            }
            SimulationReport.write(options.out(), options.scenario().getFileName().toString(), runs);
            out.println("Results in " + options.out().toAbsolutePath().normalize() + ": weekly.csv, summary.json, report.html");
            return 0;
        } catch (SimulationException cannotRun) {
            err.println("simulate: " + cannotRun.getMessage());
            return 1;
        }
    }

    static Options options(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new SimulationException("unexpected argument '" + arg + "'; " + usage());
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new SimulationException("--" + name + " needs a value; " + usage());
            }
            if (!List.of("scenario", "processes", "compare", "out").contains(name)) {
                throw new SimulationException("unknown option --" + name + "; " + usage());
            }
            if (!value.isBlank()) {
                given.put(name, value.trim());
            }
        }
        return new Options(Path.of(given.getOrDefault("scenario", DEFAULT_SCENARIO)),
                Path.of(given.getOrDefault("processes", DEFAULT_PROCESSES)),
                given.containsKey("compare") ? Path.of(given.get("compare")) : null,
                Path.of(given.getOrDefault("out", DEFAULT_OUT)));
    }

    private static String usage() {
        return "usage: simulate --scenario FILE [--processes DIR] [--compare DIR] [--out DIR]";
    }

    /** A folder with the journey's diagrams: at least one BPMN file, one of them the customer journey. */
    static void checkDiagramFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new SimulationException("no folder " + folder + " (give the diagrams' folder with --processes or --compare)");
        }
        List<Path> diagrams = resources(folder).stream().filter(path -> path.toString().endsWith(".bpmn")).toList();
        if (diagrams.isEmpty()) {
            throw new SimulationException("no diagrams (.bpmn files) in " + folder);
        }
        boolean journey = diagrams.stream().anyMatch(path -> read(path).contains("id=\"" + JourneyProcess.KEY + "\""));
        if (!journey) {
            throw new SimulationException("no process '" + JourneyProcess.KEY + "' in " + folder
                    + ": every trial sign-up starts it");
        }
    }

    /** One run on one folder; {@code beforeClose} may look at the run's application (tests do) before it is gone. */
    static SimulationResults.Run simulate(Scenario scenario, Path folder, PrintStream out,
                                          Consumer<ConfigurableApplicationContext> beforeClose) {
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", "jdbc:h2:mem:simulation-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64",
                "clo.admin.user", "simulation",
                "clo.admin.password", HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CustomerLifecycleApplication.class)
                .profiles("simulation").web(WebApplicationType.NONE).logStartupInfo(false)
                // before application.yaml's own values
                .initializers(starting -> starting.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("simulation", properties)))
                .run()) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            deploy(folder, engine);
            WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Simulation simulation = new Simulation(scenario, calendar.zone(), engine, context.getBean(TrialSignUpService.class),
                    context.getBean(SupportCases.class), context.getBean(ExpansionSignals.class),
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class)), new SimulatedAccounts(jdbc),
                    engine.getRuntimeService(), line -> out.println("  " + line));
            Simulation.Outcome outcome = simulation.run();
            SimulationResults.Run run = new SimulationResults(scenario, calendar.zone(), engine.getHistoryService(),
                    engine.getRepositoryService(), jdbc, context.getBean(TeamKpis.class)).of(folder.toString(), outcome);
            beforeClose.accept(context);
            return run;
        } finally {
            ClockUtil.reset();
        }
    }

    /** The folder's diagrams, decisions and forms as one deployment, the only one of the run. */
    private static void deploy(Path folder, ProcessEngine engine) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("simulation of " + folder);
        List<InputStream> opened = new ArrayList<>();
        try {
            for (Path resource : resources(folder)) {
                InputStream content = Files.newInputStream(resource);
                opened.add(content);
                deployment.addInputStream(folder.relativize(resource).toString().replace('\\', '/'), content);
            }
            deployment.deploy();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } finally {
            opened.forEach(SimulateCommand::close);
        }
    }

    private static List<Path> resources(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> Stream.of(".bpmn", ".dmn", ".form").anyMatch(path.toString()::endsWith))
                    .sorted().toList();
        } catch (IOException unreadable) {
            throw new SimulationException("cannot read " + folder + ": " + unreadable.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new SimulationException("cannot read " + file + ": " + unreadable.getMessage());
        }
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // read to the end by the deployment already
        }
    }
}
