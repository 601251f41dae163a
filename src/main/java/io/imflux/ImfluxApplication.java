package io.imflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** imflux: an instant-messaging server speaking the OpenIM Server API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImfluxApplication {

  public static void main(String[] args) {
    // One event loop per core (ARCHITECTURE §5); Reactor Netty's default of at least four oversubscribes 2 cores.
    if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
      System.setProperty("reactor.netty.ioWorkerCount", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }
    SpringApplication.run(ImfluxApplication.class, args);
  }
}
