package io.imflux.msg.read;

import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;

/** The {@code openim} dialect: the stored numbers unchanged (114, 2001, 1400). */
@ImfluxTest
@OpenImDialect
class PulledContentTypesOpenImTest extends PulledContentTypesContract {

  @Override
  int quote() {
    return 114;
  }

  @Override
  int businessNotification() {
    return BUSINESS_NOTIFICATION;
  }

  @Override
  int oaNotification() {
    return OA_NOTIFICATION;
  }

  @Override
  String successMsg() {
    return "";
  }
}
