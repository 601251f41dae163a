package io.imflux.gateway;

import io.imflux.testing.ImfluxTest;

/** The upgrade in the document dialect: every token error is 1005 naming the precise reason; Linux is 6. */
@ImfluxTest
class UpgradeTest extends UpgradeContract {

  @Override
  String tokenError(int openimCode, String openimName, String detail) {
    return "{\"errCode\":1005,\"errMsg\":\"TokenInvalidError\",\"errDlt\":\"" + openimName + ": " + detail + "\"}";
  }

  @Override
  int linux() {
    return 6;
  }
}
