package io.imflux.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imflux.proto.sdkws.RequestPagination;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which slice a paginated route returns, and the Check rule of routes whose pagination is required. */
class PagingTest {

  private static RequestPagination page(int number, int size) {
    return RequestPagination.newBuilder().setPageNumber(number).setShowNumber(size).build();
  }

  @Test
  void skipsWholePages() {
    assertThat(Paging.of(page(3, 20))).isEqualTo(new Paging(40, 20));
  }

  @Test
  void nonPositiveNumbersGiveAnEmptyPage() {
    assertThat(Paging.of(page(0, 20)).isEmpty()).isTrue();
    assertThat(Paging.of(page(1, 0)).isEmpty()).isTrue();
    assertThat(Paging.of(page(1, -5)).isEmpty()).isTrue();
  }

  @Test
  void aSkipBeyondAnIntIsAnEmptyPage() {
    assertThat(Paging.of(page(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEmpty()).isTrue();
  }

  @Test
  void requiredPaginationMustBePresentWithAPageNumberFromOne() {
    assertThatThrownBy(() -> Paging.required(false, page(1, 10)))
        .isInstanceOfSatisfying(ImError.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.ARGS);
          assertThat(e.detail()).isEqualTo("pagination is empty");
        });
    assertThatThrownBy(() -> Paging.required(true, page(0, 10)))
        .isInstanceOfSatisfying(ImError.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.ARGS);
          assertThat(e.detail()).isEqualTo("pageNumber is invalid");
        });
    assertThat(Paging.required(true, page(2, 10))).isEqualTo(new Paging(10, 10));
    assertThat(Paging.required(true, page(1, 0)).isEmpty()).isTrue();
  }

  @Test
  void slicesAListInMemory() {
    List<Integer> items = List.of(1, 2, 3, 4, 5);
    assertThat(Paging.of(page(1, 2)).slice(items)).containsExactly(1, 2);
    assertThat(Paging.of(page(3, 2)).slice(items)).containsExactly(5);
    assertThat(Paging.of(page(4, 2)).slice(items)).isEmpty();
    assertThat(Paging.of(page(1, 0)).slice(items)).isEmpty();
    assertThat(Paging.of(page(2, Integer.MAX_VALUE)).slice(items)).isEmpty();
  }
}
