package com.customerlifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomerLifecycleApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomerLifecycleApplication.class, args);
    }
}
