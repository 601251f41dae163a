package io.imflux.api;

import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The {@code operationID} of the request being served, carried in the Reactor context from the edge that received
 * it (the HTTP header, the gateway envelope) to what the request causes later: the push frames of a message it sent
 * carry the sender's operationID (spec/gateway.md §12.1, pipeline.md §5), and the SDK refuses to call the API while
 * handling a push that has none.
 */
public final class OperationIds {

  private static final String KEY = OperationIds.class.getName();

  private OperationIds() {}

  /** Makes {@code operationID} the current one for everything upstream of the {@code contextWrite}. */
  public static Function<Context, Context> with(String operationID) {
    return context -> context.put(KEY, operationID);
  }

  /** The current operationID; empty outside a request (a timer, a startup task). */
  public static String of(ContextView context) {
    return context.getOrDefault(KEY, "");
  }
}
