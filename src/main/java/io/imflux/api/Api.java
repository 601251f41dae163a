package io.imflux.api;

import com.google.protobuf.Message;
import io.imflux.api.json.GoJsonReader;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * What every JSON route does around its service call: read the body, decode it with Go's rules, hand it with the
 * operator to the action, and write the envelope, turning any failure into the dialect's error (spec/common.md
 * §1.3, §2). Handlers call this and nothing else of HTTP.
 */
@Component
public class Api {

  private static final Logger log = LoggerFactory.getLogger(Api.class);

  /** The reference's RPC body limit (spec/common.md §1). */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private static final Consumer<ApiRequest<?>> NO_BINDING_RULES = request -> { };

  private final ApiResponses responses;

  public Api(ApiResponses responses) {
    this.responses = responses;
  }

  public <T extends Message> Mono<ServerResponse> handle(
      ServerRequest request, T prototype, Function<ApiRequest<T>, Mono<? extends Message>> action) {
    return call(request, prototype, false, NO_BINDING_RULES, action.andThen(result -> result.map(responses::success)));
  }

  /** A route whose response has no fields: {@code data} is left out. */
  public <T extends Message> Mono<ServerResponse> handleEmpty(
      ServerRequest request, T prototype, Function<ApiRequest<T>, Mono<Void>> action) {
    return call(request, prototype, false, NO_BINDING_RULES,
        action.andThen(result -> result.then(Mono.fromSupplier(() -> responses.success(null)))));
  }

  /**
   * A route whose {@code data} is a JSON array and which binds strictly: a body that is not valid JSON gets HTTP
   * 400 (spec/common.md §2.1).
   */
  public <T extends Message> Mono<ServerResponse> handleStrictList(
      ServerRequest request, T prototype, Function<ApiRequest<T>, Mono<? extends List<? extends Message>>> action) {
    return call(request, prototype, true, NO_BINDING_RULES,
        action.andThen(result -> result.map(responses::successList)));
  }

  /**
   * A route that binds strictly with binding rules (the send routes, spec/api-msg.md §1): a body that is not valid
   * JSON, or that {@code bindingRules} reject by throwing an {@link ImError}, gets HTTP 400 with the error envelope;
   * every later failure gets HTTP 200.
   */
  public <T extends Message> Mono<ServerResponse> handleStrict(ServerRequest request, T prototype,
      Consumer<ApiRequest<T>> bindingRules, Function<ApiRequest<T>, Mono<? extends Message>> action) {
    return call(request, prototype, true, bindingRules, action.andThen(result -> result.map(responses::success)));
  }

  /**
   * A {@code /jssdk/*} route, which negotiates by Content-Type (spec/api-third-misc.md "JS SDK aggregate routes"):
   * none or JSON is a JSON route; protobuf reads the binary request and answers with {@code data} = the base64 of the
   * binary response; any other type is 1001.
   */
  public <T extends Message> Mono<ServerResponse> handleJsonOrProtobuf(
      ServerRequest request, T prototype, Function<ApiRequest<T>, Mono<? extends Message>> action) {
    String contentType = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null || contentType.isEmpty() || contentType.contains("application/json")) {
      return handle(request, prototype, action);
    }
    if (!contentType.contains("application/protobuf") && !contentType.contains("application/x-protobuf")) {
      return body(request).then(respond(HttpStatus.OK, responses.error(ImError.args("unsupported content type"))));
    }
    Operator operator = request.exchange().getAttribute(ApiFilter.OPERATOR);
    return body(request)
        .map(bytes -> new ApiRequest<>(ProtobufBodies.read(bytes, prototype), operator))
        .flatMap(bound -> Mono.defer(() -> action.apply(bound)))
        .flatMap(result -> respond(HttpStatus.OK, responses.successBase64(result.toByteArray())))
        .onErrorResume(error -> respond(HttpStatus.OK, responses.error(asImError(request, error))));
  }

  private <T extends Message> Mono<ServerResponse> call(ServerRequest request, T prototype, boolean strict,
      Consumer<? super ApiRequest<T>> bindingRules, Function<ApiRequest<T>, Mono<byte[]>> action) {
    Operator operator = request.exchange().getAttribute(ApiFilter.OPERATOR);
    return body(request)
        .flatMap(bytes -> {
          ApiRequest<T> bound;
          try {
            bound = new ApiRequest<>(GoJsonReader.read(bytes, prototype), operator);
            bindingRules.accept(bound);
          } catch (ImError e) {
            return respond(strict ? HttpStatus.BAD_REQUEST : HttpStatus.OK, responses.error(e));
          }
          return Mono.defer(() -> action.apply(bound))
              .flatMap(payload -> respond(HttpStatus.OK, payload));
        })
        .onErrorResume(error -> respond(HttpStatus.OK, responses.error(asImError(request, error))));
  }

  private static Mono<byte[]> body(ServerRequest request) {
    return DataBufferUtils.join(request.exchange().getRequest().getBody(), MAX_BODY_BYTES)
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .defaultIfEmpty(new byte[0])
        .onErrorMap(DataBufferLimitException.class,
            e -> ImError.args("request body is larger than " + MAX_BODY_BYTES + " bytes"));
  }

  private static ImError asImError(ServerRequest request, Throwable error) {
    if (error instanceof ImError imError) {
      return imError;
    }
    log.error("{} failed", request.path(), error);
    return new ImError(ErrorKind.INTERNAL, String.valueOf(error.getMessage()));
  }

  private static Mono<ServerResponse> respond(HttpStatus status, byte[] payload) {
    return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(payload);
  }
}
