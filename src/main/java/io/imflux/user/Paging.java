package io.imflux.user;

import io.imflux.proto.sdkws.RequestPagination;

/**
 * Which slice of a result a paginated route returns (spec/common.md §3): {@code showNumber} items after
 * {@code (pageNumber-1)*showNumber}; {@code showNumber <= 0}, {@code pageNumber <= 0} or a slice beyond what an
 * {@code int} skip can address is empty (the total is still reported). No maximum page size: the reference has none.
 */
public record Paging(int skip, int limit) {

  private static final Paging EMPTY = new Paging(0, 0);

  public static Paging of(RequestPagination pagination) {
    int page = pagination.getPageNumber();
    int size = pagination.getShowNumber();
    if (page <= 0 || size <= 0) {
      return EMPTY;
    }
    long skip = (long) (page - 1) * size;
    return skip > Integer.MAX_VALUE ? EMPTY : new Paging((int) skip, size);
  }

  public boolean isEmpty() {
    return limit == 0;
  }
}
