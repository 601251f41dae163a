package io.imflux.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.config.ImfluxProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtTokensTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static ImfluxProperties properties(String secret) {
    return new ImfluxProperties("standalone", Dialect.DOCUMENT, secret,
        new ImfluxProperties.Admin(List.of("imAdmin"), List.of("superAdmin")),
        new ImfluxProperties.Token(Duration.ofDays(90)),
        new ImfluxProperties.MultiLogin(1, 30),
        new ImfluxProperties.Mongo("", "test"),
        new ImfluxProperties.EmbeddedMongo("./data"));
  }

  private static JwtTokens tokens(String secret, Instant now) {
    return new JwtTokens(properties(secret), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aSignedTokenCarriesTheReferenceClaims() {
    JwtTokens jwt = tokens("openIM123", NOW);
    String token = jwt.sign("alice", 2, NOW.plus(Duration.ofDays(90)));

    TokenClaims claims = jwt.verify(token);

    assertThat(claims).isEqualTo(new TokenClaims("alice", 2, NOW.plus(Duration.ofDays(90))));
    String[] parts = token.split("\\.");
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(header).contains("\"alg\":\"HS256\"").contains("\"typ\":\"JWT\"");
    assertThat(payload).contains("\"UserID\":\"alice\"").contains("\"PlatformID\":2")
        .contains("\"exp\":" + NOW.plus(Duration.ofDays(90)).getEpochSecond())
        .contains("\"iat\":" + NOW.minusSeconds(5).getEpochSecond());
  }

  @Test
  void anExpiredTokenIsTokenExpired() {
    String token = tokens("openIM123", NOW).sign("alice", 2, NOW.plusSeconds(60));

    assertThatThrownBy(() -> tokens("openIM123", NOW.plusSeconds(120)).verify(token))
        .isInstanceOfSatisfying(ImError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOKEN_EXPIRED));
  }

  @Test
  void garbageIsTokenMalformed() {
    assertThatThrownBy(() -> tokens("openIM123", NOW).verify("not-a-jwt"))
        .isInstanceOfSatisfying(ImError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOKEN_MALFORMED));
  }

  @Test
  void aTokenSignedWithAnotherSecretIsTokenUnknown() {
    String token = tokens("another-secret", NOW).sign("alice", 2, NOW.plusSeconds(60));

    assertThatThrownBy(() -> tokens("openIM123", NOW).verify(token))
        .isInstanceOfSatisfying(ImError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOKEN_UNKNOWN));
    assertThat(tokens("openIM123", NOW).isValid(token)).isFalse();
  }

  @Test
  void aTokenIssuedInTheFutureIsTokenUnknown() {
    String token = tokens("openIM123", NOW.plus(Duration.ofHours(1))).sign("alice", 2, NOW.plus(Duration.ofDays(1)));

    assertThatThrownBy(() -> tokens("openIM123", NOW).verify(token))
        .isInstanceOfSatisfying(ImError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOKEN_UNKNOWN));
  }
}
