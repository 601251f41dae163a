package io.imflux.msg.send;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The send status the HTTP check route reports, keyed by the sending request's {@code operationID} header
 * (spec/api-msg.md §4.6). In memory for 24 h as the reference keeps it; only successes are ever recorded.
 */
@Component
class SendStatusStore {

  /** Send-status values (spec/api-msg.md §12.3): 0 not found, 2 success. */
  static final int NOT_FOUND = 0;
  static final int SUCCESS = 2;

  static final Duration EXPIRY = Duration.ofHours(24);
  /** A bound so that a flood of sends with distinct operationIDs cannot exhaust memory. */
  static final long MAX_ENTRIES = 200_000;

  private final Cache<String, Integer> statuses =
      Caffeine.newBuilder().expireAfterWrite(EXPIRY).maximumSize(MAX_ENTRIES).build();

  void recordSuccess(String operationID) {
    statuses.put(operationID, SUCCESS);
  }

  int status(String operationID) {
    Integer status = statuses.getIfPresent(operationID);
    return status == null ? NOT_FOUND : status;
  }
}
