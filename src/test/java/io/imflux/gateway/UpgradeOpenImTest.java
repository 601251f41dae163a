package io.imflux.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;
import org.junit.jupiter.api.Test;

/**
 * The upgrade in the openim dialect: token errors 1501-1507, which make the Go SDK stop reconnecting (§3.2); Linux
 * is 7.
 */
@ImfluxTest
@OpenImDialect
class UpgradeOpenImTest extends UpgradeContract {

  @Override
  String tokenError(int openimCode, String openimName, String detail) {
    return "{\"errCode\":" + openimCode + ",\"errMsg\":\"" + openimName + "\",\"errDlt\":\"" + detail + "\"}";
  }

  @Override
  int linux() {
    return 7;
  }

  /** A token that left the store (a kicked token is dropped when the next one is issued) is 1507. */
  @Test
  void aTokenNoLongerStoredIs1507() {
    String first = token;
    api.userToken(user, linux());
    api.userToken(user, linux());
    assertThat(refusal(user, first, linux(), false).body())
        .isEqualTo(tokenError(1507, "TokenNotExistError", "token does not exist"));
  }
}
