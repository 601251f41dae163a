package io.imflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** imflux: an instant-messaging server speaking the OpenIM Server API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImfluxApplication {

  public static void main(String[] args) {
    SpringApplication.run(ImfluxApplication.class, args);
  }
}
