package io.imflux.config;

import io.imflux.api.Dialect;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code imflux.*} setting. config/application.yml documents each one with its default; the defaults here
 * are the same so the jar runs without that file.
 *
 * @param mode          {@code standalone} (one process, embedded store) or {@code cluster}
 * @param dialect       which numbers the edges speak (spec/dialects.md)
 * @param secret        the shared secret of {@code /auth/get_admin_token}
 * @param admin         the admin users, created at startup
 * @param token         token lifetime
 * @param multiLogin    how issuing a token retires a user's other tokens (spec/common.md §4.3)
 * @param mongo         an external MongoDB; empty URI means the embedded store
 * @param embeddedMongo the embedded store's data directory
 */
@ConfigurationProperties("imflux")
public record ImfluxProperties(
    @DefaultValue("standalone") String mode,
    @DefaultValue("document") Dialect dialect,
    @DefaultValue("openIM123") String secret,
    @DefaultValue Admin admin,
    @DefaultValue Token token,
    @DefaultValue MultiLogin multiLogin,
    @DefaultValue Mongo mongo,
    @DefaultValue EmbeddedMongo embeddedMongo) {

  public ImfluxProperties {
    // Cluster mode's Redis and Kafka adapters are not in this build: say so at startup, not as a missing bean.
    if (!"standalone".equals(mode)) {
      throw new IllegalArgumentException(
          "imflux.mode=" + mode + " is not available in this build: only standalone runs");
    }
  }

  public record Admin(
      @DefaultValue("imAdmin") List<String> userIds,
      @DefaultValue("superAdmin") List<String> nicknames) {}

  public record Token(@DefaultValue("90d") Duration expire) {}

  public record MultiLogin(@DefaultValue("1") int policy, @DefaultValue("30") int maxNumOneEnd) {}

  public record Mongo(@DefaultValue("") String uri, @DefaultValue("openim_v3") String database) {}

  public record EmbeddedMongo(@DefaultValue("./data") String path) {}
}
