package io.imflux.api;

import io.imflux.proto.sdkws.RequestPagination;
import java.util.List;

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

  /** The Check rule of routes whose pagination is required: present, and {@code pageNumber >= 1}; 1001 otherwise. */
  public static Paging required(boolean present, RequestPagination pagination) {
    if (!present) {
      throw ImError.args("pagination is empty");
    }
    if (pagination.getPageNumber() < 1) {
      throw ImError.args("pageNumber is invalid");
    }
    return of(pagination);
  }

  public boolean isEmpty() {
    return limit == 0;
  }

  /** This page of a result held in memory (a view of {@code items}). */
  public <T> List<T> slice(List<T> items) {
    int from = Math.min(skip, items.size());
    int to = (int) Math.min((long) skip + limit, items.size());
    return items.subList(from, to);
  }
}
