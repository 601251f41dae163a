package io.imflux.auth;

import java.time.Instant;

/** What a token says: the reference's claims {@code UserID}, {@code PlatformID} (a dialect number), {@code exp}. */
public record TokenClaims(String userID, int platformID, Instant expiresAt) {}
