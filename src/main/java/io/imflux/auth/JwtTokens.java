package io.imflux.auth;

import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.config.ImfluxProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies the JWTs (HS256; claims as spec/common.md §4.1, plus a {@code jti}). The HMAC key is SHA-256 of
 * {@code imflux.secret}: jjwt refuses HMAC keys under 256 bits and the reference's default secret is 9 bytes.
 * Clients never verify tokens, they only carry them, so the key's derivation is ours to choose.
 */
@Component
public class JwtTokens {

  /** The reference issues tokens as if 5 s older than they are, so a slightly late clock elsewhere accepts them. */
  private static final Duration ISSUED_AT_SHIFT = Duration.ofSeconds(5);
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private final SecretKey key;
  private final JwtParser parser;
  private final Clock clock;

  public JwtTokens(ImfluxProperties properties, Clock clock) {
    this.key = deriveKey(properties.secret());
    this.clock = clock;
    this.parser = Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build();
    warmUp();
  }

  public String sign(String userID, int platformID, Instant expiresAt) {
    Instant now = clock.instant();
    return Jwts.builder()
        .header().type("JWT").and()
        .claim("UserID", userID)
        .claim("PlatformID", platformID)
        // The reference's claims alone repeat within a second; a token ID keeps every issued token distinct, so
        // kicking one never kicks its twin.
        .id(tokenId())
        .expiration(Date.from(expiresAt))
        .issuedAt(Date.from(now.minus(ISSUED_AT_SHIFT)))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  /** Verifies signature and times; fails with the token error the reference reports (spec/common.md §4.2). */
  public TokenClaims verify(String token) {
    Claims claims;
    try {
      claims = parser.parseSignedClaims(token).getPayload();
    } catch (ExpiredJwtException e) {
      throw new ImError(ErrorKind.TOKEN_EXPIRED, "token is expired");
    } catch (PrematureJwtException e) {
      throw new ImError(ErrorKind.TOKEN_NOT_VALID_YET, "token is not valid yet");
    } catch (MalformedJwtException | IllegalArgumentException e) {
      throw new ImError(ErrorKind.TOKEN_MALFORMED, "token is malformed");
    } catch (JwtException e) {
      throw new ImError(ErrorKind.TOKEN_UNKNOWN, e.getMessage());
    }
    Date issuedAt = claims.getIssuedAt();
    if (issuedAt != null && issuedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw new ImError(ErrorKind.TOKEN_UNKNOWN, "token used before issued");
    }
    Object userID = claims.get("UserID");
    Object platformID = claims.get("PlatformID");
    if (!(userID instanceof String user) || !(platformID instanceof Number platform) || claims.getExpiration() == null) {
      throw new ImError(ErrorKind.TOKEN_MALFORMED, "token lacks UserID, PlatformID or exp");
    }
    return new TokenClaims(user, platform.intValue(), claims.getExpiration().toInstant());
  }

  /**
   * A random token ID. Not UUID.randomUUID: SecureRandom refills from /dev/urandom with a blocking read, and tokens are
   * issued on event loops; uniqueness is all the ID needs (the token is signed).
   */
  private static String tokenId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** Whether a token still verifies (signature and expiry), without saying why not. */
  public boolean isValid(String token) {
    try {
      verify(token);
      return true;
    } catch (ImError e) {
      return false;
    }
  }

  /** jjwt reads service files from jars on first use; do it at startup, never on an event loop. */
  private void warmUp() {
    verify(sign("warmup", 0, clock.instant().plus(Duration.ofMinutes(1))));
  }

  private static SecretKey deriveKey(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return new SecretKeySpec(digest, "HmacSHA256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
