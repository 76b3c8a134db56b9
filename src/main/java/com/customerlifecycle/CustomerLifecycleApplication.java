package com.customerlifecycle;

import java.util.Arrays;

import com.customerlifecycle.simulation.SimulateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomerLifecycleApplication {

    /** Starts the application; {@code simulate ...} runs a simulation instead (README: "What-if: simulate a change"). */
    public static void main(String[] args) {
        if (args.length > 0 && "simulate".equals(args[0])) {
            System.exit(SimulateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(CustomerLifecycleApplication.class, args);
    }
}
