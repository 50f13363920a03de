package org.rpmsync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RpmSyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(RpmSyncApplication.class, args);
    }
}
