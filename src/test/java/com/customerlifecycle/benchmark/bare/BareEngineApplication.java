package com.customerlifecycle.benchmark.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * B1's reference: a bare Spring Boot application with Camunda 7.24's REST starter and nothing of this product (no
 * security, webapps, actuator, Flyway, Spin, our beans or configuration). {@code BareEngine} starts it in its own JVM
 * with the libraries a {@code camunda-bpm-spring-boot-starter-rest} + H2 application has; its package holds nothing
 * else, so component scanning finds only this class.
 */
@SpringBootApplication
public class BareEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareEngineApplication.class, args);
    }
}
