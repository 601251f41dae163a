package io.imflux.config;

import io.imflux.api.Dialect;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature shares: the active dialect and the clock (replaceable in tests). */
@Configuration(proxyBeanMethods = false)
public class CoreConfig {

  @Bean
  Dialect dialect(ImfluxProperties properties) {
    return properties.dialect();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
