package io.imflux.config;

import io.imflux.api.Dialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the settings the HTTP edge needs as beans of their own. */
@Configuration(proxyBeanMethods = false)
public class ApiConfig {

  @Bean
  Dialect dialect(ImfluxProperties properties) {
    return properties.dialect();
  }
}
